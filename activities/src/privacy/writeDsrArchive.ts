import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AssetStore } from '@c360/store';
import type { DsrArchive, DsrInput } from '@c360/workflows';
import {
  CONSENT_LOG_SQL,
  CUSTOMER_ASSETS_SQL,
  CUSTOMER_MESSAGES_SQL,
  CUSTOMER_SEGMENTS_SQL,
  CUSTOMER_TABLES,
} from './customerRecords';
import { dsrArchiveRelativePath } from './dsrFiles';

/** Attachments up to this size travel in the archive (base64); larger ones are listed. */
const MAX_INLINE_FILE_BYTES = 5 * 1024 * 1024;

const readAll = async (stream: Readable): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

export class CustomerNotFound extends Error {
  constructor(customerId: string) {
    super(`customer ${customerId} not found`);
    this.name = 'CustomerNotFound';
  }
}

/**
 * Writes the access archive of one customer: a JSON bundle with one section per kind of record
 * (DSR_ARCHIVE_SECTIONS), read in one repeatable-read transaction so the sections agree. The
 * file is written beside its final name and renamed, so a retry never leaves half an archive.
 */
export const writeDsrArchive = async (
  em: EntityManager,
  deps: { exportDir: string; assets?: AssetStore; now: Date },
  input: DsrInput,
): Promise<DsrArchive> => {
  const { tenantId, customerId } = input;
  const sections = await em.transactional(
    async (tx) => {
      const q = <T = Record<string, unknown>>(sql: string, params: unknown[]) => tx.execute<T[]>(sql, params);
      const [profile] = await q(`select * from customer where tenant_id = ? and id = ?`, [
        tenantId,
        customerId,
      ]);
      if (!profile) throw new CustomerNotFound(customerId);
      const records: Record<string, unknown[]> = {};
      for (const [section, table] of Object.entries(CUSTOMER_TABLES)) {
        records[section] = await q(
          `select * from "${table}" where tenant_id = ? and customer_id = ? order by created_at, id`,
          [tenantId, customerId],
        );
      }
      const files = await q<{
        id: string;
        file_name: string;
        content_type: string;
        size_bytes: string;
        storage_key: string;
      }>(CUSTOMER_ASSETS_SQL, [tenantId, customerId, tenantId, customerId, tenantId]);
      return {
        profile,
        preferences:
          (profile['custom_fields'] as { marketingPreferences?: unknown } | null)?.marketingPreferences ??
          null,
        consentLog: await q(CONSENT_LOG_SQL, [tenantId, customerId, customerId]),
        ...records,
        messages: await q(CUSTOMER_MESSAGES_SQL, [tenantId, customerId]),
        segments: await q(CUSTOMER_SEGMENTS_SQL, [tenantId, customerId]),
        scores: profile['scores'] ?? null,
        files,
      };
    },
    { isolationLevel: 'repeatable read' as never, readOnly: true },
  );

  const files = [];
  for (const file of sections.files) {
    const stream =
      Number(file.size_bytes) <= MAX_INLINE_FILE_BYTES ? await deps.assets?.open(file.storage_key) : null;
    files.push({
      id: file.id,
      fileName: file.file_name,
      contentType: file.content_type,
      sizeBytes: Number(file.size_bytes),
      contentBase64: stream ? (await readAll(stream)).toString('base64') : null,
    });
  }
  const archive = {
    kind: 'c360.dsr-access-archive',
    version: 1,
    tenantId,
    customerId,
    requestId: input.requestId,
    generatedAt: deps.now.toISOString(),
    ...sections,
    files,
  };
  const counts: Record<string, number> = {};
  for (const [key, value] of Object.entries(sections))
    counts[key] = Array.isArray(value) ? value.length : value === null ? 0 : 1;

  const relative = dsrArchiveRelativePath(tenantId, customerId, input.requestId);
  const full = path.join(deps.exportDir, relative);
  await mkdir(path.dirname(full), { recursive: true });
  const body = Buffer.from(JSON.stringify(archive, null, 2));
  await writeFile(`${full}.partial`, body);
  await rename(`${full}.partial`, full);
  return { fileName: relative, bytes: body.length, counts };
};
