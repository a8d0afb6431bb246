import { stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where an export's file lives, relative to the export folder: one folder per tenant, the
 * export's id as the name. Ids are UUIDs made by us, so the path holds no user input.
 */
export const exportRelativePath = (tenantId: string, exportId: string, format: string): string =>
  path.posix.join(tenantId, `${exportId}.${format}`);

/** The absolute path of a recorded file, refusing anything that would leave the export folder. */
export const resolveExportFile = (exportDir: string, relative: string): string => {
  const root = path.resolve(exportDir);
  const full = path.resolve(root, relative);
  if (!full.startsWith(root + path.sep))
    throw new Error(`export path outside the export folder: ${relative}`);
  return full;
};

/** Whether a recorded file is still kept (a purge or an erasure may have deleted it). */
export const exportFileKept = (exportDir: string, relative: string): Promise<boolean> =>
  stat(resolveExportFile(exportDir, relative)).then(
    (s) => s.isFile(),
    () => false,
  );
