import type { Client } from '@opensearch-project/opensearch';
import type { CustomerDocument } from './customerDocument';

export type SegmentMembersQuery = {
  index: string;
  tenantId: string;
  /** The compiled segment clause; the tenant filter is added here, whatever it says. */
  clause: Record<string, unknown>;
};

/** Every segment query runs under the tenant filter. */
export const segmentMembersQuery = (q: SegmentMembersQuery): Record<string, unknown> => ({
  bool: { filter: [{ term: { tenantId: q.tenantId } }, q.clause] },
});

export const countSegmentMembers = async (client: Client, q: SegmentMembersQuery): Promise<number> => {
  const response = await client.count({ index: q.index, body: { query: segmentMembersQuery(q) } as never });
  return response.body.count;
};

export type StreamMembersOptions = {
  /** Document fields to read (`_source`); `customerId` is always read. */
  sourceFields: readonly string[];
  /** Hits per search request. */
  pageSize?: number;
  /** How long the point in time stays open between two pages. */
  keepAlive?: string;
  /** An order ending on `customerId` (the customer list's); by default the customer id alone. */
  sort?: Record<string, unknown>[];
};

/**
 * Pages through every member of a segment on one snapshot of the index (a point in time), with
 * `search_after` on the customer id, so a million members cost the memory of one page and
 * customers changing meanwhile neither appear twice nor go missing. The caller pulls pages at
 * its own pace (backpressure); the point in time is closed when the loop ends, breaks or throws.
 */
export async function* streamSegmentMembers(
  client: Client,
  q: SegmentMembersQuery,
  options: StreamMembersOptions,
): AsyncGenerator<Partial<CustomerDocument>[]> {
  const pageSize = options.pageSize ?? 1_000;
  const keepAlive = options.keepAlive ?? '2m';
  const pit = await client.createPit({ index: [q.index], keep_alive: keepAlive });
  const pitId = pit.body.pit_id;
  if (!pitId) throw new Error(`OpenSearch opened no point in time on ${q.index}`);
  try {
    const query = segmentMembersQuery(q);
    const source = [...new Set(['customerId', ...options.sourceFields])];
    let searchAfter: unknown[] | undefined;
    for (;;) {
      const response = await client.search({
        body: {
          pit: { id: pitId, keep_alive: keepAlive },
          query,
          size: pageSize,
          sort: options.sort ?? [{ customerId: 'asc' }],
          _source: source,
          track_total_hits: false,
          ...(searchAfter ? { search_after: searchAfter } : {}),
        } as never,
      });
      const hits = response.body.hits.hits;
      if (hits.length === 0) return;
      yield hits.map((h) => h._source as Partial<CustomerDocument>);
      if (hits.length < pageSize) return;
      searchAfter = hits[hits.length - 1]!.sort as unknown[];
    }
  } finally {
    await client.deletePit({ body: { pit_id: [pitId] } }).catch(() => undefined);
  }
}
