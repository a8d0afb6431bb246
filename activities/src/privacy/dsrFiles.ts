import path from 'node:path';

/** Access archives live under the export folder, one folder per tenant, named by customer and request. */
export const dsrArchiveRelativePath = (tenantId: string, customerId: string, requestId: string): string =>
  path.posix.join('dsr', tenantId, `${customerId}-${requestId}.json`);

export const dsrArchiveFolder = (exportDir: string, tenantId: string): string =>
  path.join(exportDir, 'dsr', tenantId);
