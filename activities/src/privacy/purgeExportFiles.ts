import { rm } from 'node:fs/promises';
import type { EntityManager } from '@mikro-orm/postgresql';
import { resolveExportFile } from '@c360/store';

/**
 * One batch of the export-files rule: a tenant's finished exports (segment exports, report runs)
 * created before the cut-off lose their file, then their row, in that order inside one
 * transaction that holds the rows: a batch that fails after removing files leaves rows whose
 * files are already gone, and its retry removes them again (`force`) and deletes the rows. A run
 * still writing its file is never picked. Download links to a purged export answer 404.
 */
export const purgeExportFiles = async (
  em: EntityManager,
  exportDir: string | undefined,
  tenantId: string,
  cutoff: Date,
  limit: number,
): Promise<{ affected: number; customers: number }> =>
  em.transactional(async (tx) => {
    const rows = await tx.execute<{ id: string; file_path: string | null }[]>(
      `select id, file_path from segment_export
        where tenant_id = ? and created_at < ? and status <> 'running'
        order by created_at, id limit ? for update skip locked`,
      [tenantId, cutoff, limit],
    );
    if (rows.length === 0) return { affected: 0, customers: 0 };
    const withFiles = rows.filter((r) => r.file_path);
    if (withFiles.length > 0 && !exportDir)
      throw new Error(
        'export files are due for deletion but this worker has no export folder (C360_EXPORT_DIR)',
      );
    for (const row of withFiles) await rm(resolveExportFile(exportDir!, row.file_path!), { force: true });
    await tx.execute(`delete from segment_export where tenant_id = ? and id in (?)`, [
      tenantId,
      rows.map((r) => r.id),
    ]);
    return { affected: rows.length, customers: 0 };
  });
