import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { resolveExportFile, type AssetStore } from '@c360/store';
import type { DsrInput, ScrubbedFiles } from '@c360/workflows';
import { CUSTOMER_ASSETS_SQL } from './customerRecords';
import { dsrArchiveFolder } from './dsrFiles';
import { personalIdentifiers } from './personalIdentifiers';

const containsAny = (line: string, needles: string[]): boolean => {
  const lower = line.toLowerCase();
  return needles.some((n) => lower.includes(n));
};

/**
 * Takes a customer out of the stored files, while their details still exist to find them by:
 * in every export file of the tenant, the lines naming them (by id, e-mail, phone or name; CSV
 * and JSON exports hold one member per line) are removed; their access archives are deleted;
 * attachments they sent (and no one else's message holds) are deleted with their asset rows.
 */
export const scrubCustomerFiles = async (
  em: EntityManager,
  deps: { exportDir: string; assets?: AssetStore },
  input: DsrInput,
): Promise<ScrubbedFiles> => {
  const { tenantId, customerId } = input;
  const result: ScrubbedFiles = { filesChanged: 0, filesDeleted: 0, linesRemoved: 0 };
  const [customer] = await em.execute<
    { emails: string[]; phones: string[]; first_name: string; last_name: string }[]
  >(`select emails, phones, first_name, last_name from customer where tenant_id = ? and id = ?`, [
    tenantId,
    customerId,
  ]);
  // Gone already: an earlier attempt erased the rows, so it did this step before.
  if (!customer) return result;
  const needles = [customerId, ...personalIdentifiers(customer)].map((s) => s.toLowerCase());

  const exports = await em.execute<{ id: string; file_path: string; row_count: number | null }[]>(
    `select id, file_path, row_count from segment_export where tenant_id = ? and file_path is not null`,
    [tenantId],
  );
  for (const record of exports) {
    const file = resolveExportFile(deps.exportDir, record.file_path);
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text === null) continue;
    const lines = text.split('\n');
    const kept = lines.filter((line) => !containsAny(line, needles));
    const removed = lines.length - kept.length;
    if (removed === 0) continue;
    await writeFile(`${file}.partial`, kept.join('\n'));
    await rename(`${file}.partial`, file);
    await em.execute(
      `update segment_export set row_count = greatest(coalesce(row_count, 0) - ?, 0), byte_size = ? where id = ?`,
      [removed, Buffer.byteLength(kept.join('\n')), record.id],
    );
    result.filesChanged += 1;
    result.linesRemoved += removed;
  }

  const archives = dsrArchiveFolder(deps.exportDir, tenantId);
  for (const name of await readdir(archives).catch(() => [] as string[])) {
    if (!name.startsWith(`${customerId}-`)) continue;
    await rm(path.join(archives, name), { force: true });
    result.filesDeleted += 1;
  }

  const assets = await em.execute<{ id: string; storage_key: string }[]>(CUSTOMER_ASSETS_SQL, [
    tenantId,
    customerId,
    tenantId,
    customerId,
    tenantId,
  ]);
  for (const asset of assets) {
    if (!deps.assets) throw new Error('the customer has stored attachments but no asset store is configured');
    await deps.assets.remove(asset.storage_key);
    await em.execute(`delete from asset where tenant_id = ? and id = ?`, [tenantId, asset.id]);
    result.filesDeleted += 1;
  }
  return result;
};
