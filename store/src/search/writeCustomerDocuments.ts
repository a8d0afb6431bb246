import type { Client } from '@opensearch-project/opensearch';
import type { CustomerDocumentBatch } from './customerDocument';

export type WriteResult = { indexed: number; deleted: number; stale: number };

export class SearchWriteError extends Error {
  constructor(
    message: string,
    readonly failures: { id: string; reason: string }[],
  ) {
    super(message);
    this.name = 'SearchWriteError';
  }
}

/**
 * Writes a batch to the customers index in one bulk request: documents are indexed, customers no
 * longer in PostgreSQL are deleted. A version conflict means a newer read already reached the
 * index: that is counted as stale, not as an error. Any other item failure throws, so the caller
 * keeps its events and retries.
 */
export const writeCustomerDocuments = async (
  client: Client,
  index: string,
  batch: CustomerDocumentBatch,
  options: { refresh?: boolean } = {},
): Promise<WriteResult> => {
  const body: Record<string, unknown>[] = [];
  for (const doc of batch.documents) {
    body.push({
      index: { _index: index, _id: doc.customerId, version: batch.version, version_type: 'external_gte' },
    });
    body.push(doc);
  }
  for (const id of batch.missingIds) {
    body.push({ delete: { _index: index, _id: id, version: batch.version, version_type: 'external_gte' } });
  }
  if (body.length === 0) return { indexed: 0, deleted: 0, stale: 0 };
  const response = await client.bulk({ body, refresh: options.refresh ? 'wait_for' : false });
  const result: WriteResult = { indexed: 0, deleted: 0, stale: 0 };
  const failures: { id: string; reason: string }[] = [];
  for (const item of response.body.items) {
    const [op, detail] = Object.entries(item)[0] as [
      string,
      { _id?: string; status: number; error?: { type?: string; reason?: string } },
    ];
    if (detail.status === 409) result.stale += 1;
    else if (op === 'delete' && detail.status === 404) result.deleted += 1;
    else if (detail.error)
      failures.push({ id: String(detail._id), reason: `${detail.error.type}: ${detail.error.reason}` });
    else if (op === 'delete') result.deleted += 1;
    else result.indexed += 1;
  }
  if (failures.length > 0) {
    throw new SearchWriteError(
      `${failures.length} of ${body.length} bulk items failed: ${failures[0]?.reason}`,
      failures,
    );
  }
  return result;
};

/** Removes a tenant's documents not written by the given reindex run (customers deleted meanwhile). */
export const deleteTenantDocumentsIndexedBefore = async (
  client: Client,
  index: string,
  tenantId: string,
  indexedBefore: string,
): Promise<number> => {
  const response = await client.deleteByQuery({
    index,
    refresh: true,
    conflicts: 'proceed',
    body: {
      query: { bool: { filter: [{ term: { tenantId } }, { range: { indexedAt: { lt: indexedBefore } } }] } },
    },
  });
  return Number((response.body as { deleted?: number }).deleted ?? 0);
};
