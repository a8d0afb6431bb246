import type { Client } from '@opensearch-project/opensearch';
import { compileSegmentFilter, type OpenSearchQuery, type SegmentFilter } from '@c360/domain';
import { PERCOLATOR_QUERY_FIELD } from './segmentPercolatorIndex';

/** A compiled filter inside its tenant: the only shape a segment query takes on OpenSearch. */
export const tenantSegmentQuery = (tenantId: string, compiled: OpenSearchQuery): OpenSearchQuery => ({
  bool: { filter: [{ term: { tenantId } }, compiled] },
});

/** The query selecting a tenant's customers that match a segment filter at `now`. */
export const buildSegmentQuery = (tenantId: string, filter: SegmentFilter, now: Date): OpenSearchQuery =>
  tenantSegmentQuery(tenantId, compileSegmentFilter(filter, now));

export type StoredSegmentQuery = {
  tenantId: string;
  segmentId: string;
  version: number;
  /** The instant relative windows were resolved at. */
  anchoredAt: Date;
  compiled: OpenSearchQuery;
};

/** Stores (or replaces) a segment's percolator query; visible to the next percolation on return. */
export const registerSegmentQuery = async (
  client: Client,
  index: string,
  stored: StoredSegmentQuery,
): Promise<void> => {
  await client.index({
    index,
    id: stored.segmentId,
    refresh: 'wait_for',
    body: {
      tenantId: stored.tenantId,
      segment: { id: stored.segmentId, version: stored.version, anchoredAt: stored.anchoredAt.toISOString() },
      [PERCOLATOR_QUERY_FIELD]: tenantSegmentQuery(stored.tenantId, stored.compiled),
    },
  });
};

export const removeSegmentQuery = async (client: Client, index: string, segmentId: string): Promise<void> => {
  await client.delete({ index, id: segmentId, refresh: 'wait_for' }).catch((error: unknown) => {
    if ((error as { meta?: { statusCode?: number } }).meta?.statusCode !== 404) throw error;
  });
};

/** The most stored queries one percolation returns; a tenant with more segments is refused loudly. */
export const MAX_SEGMENTS_PER_PERCOLATION = 10_000;

/**
 * Percolates several customer documents of one tenant at once: for each document (by its
 * position), the ids of the tenant's segments whose stored query matches it.
 */
export const percolateDocuments = async (
  client: Client,
  index: string,
  tenantId: string,
  documents: Record<string, unknown>[],
): Promise<string[][]> => {
  const out: string[][] = documents.map(() => []);
  if (documents.length === 0) return out;
  const response = await client.search({
    index,
    body: {
      size: MAX_SEGMENTS_PER_PERCOLATION,
      track_total_hits: true,
      _source: false,
      query: {
        bool: {
          filter: [{ term: { tenantId } }, { percolate: { field: PERCOLATOR_QUERY_FIELD, documents } }],
        },
      },
    },
  });
  const body = response.body as {
    hits: {
      total: { value: number };
      hits: { _id: string; fields?: { _percolator_document_slot?: number[] } }[];
    };
  };
  if (body.hits.total.value > MAX_SEGMENTS_PER_PERCOLATION)
    throw new Error(`tenant ${tenantId} has more than ${MAX_SEGMENTS_PER_PERCOLATION} matching segments`);
  for (const hit of body.hits.hits) {
    // A single document answers without slots: it is slot 0.
    for (const slot of hit.fields?._percolator_document_slot ?? [0]) out[slot]?.push(hit._id);
  }
  return out;
};

export type SegmentMatchPage = { customerIds: string[]; total: number };

/**
 * One page of the customers a compiled segment query matches, in customer id order, after
 * `afterCustomerId` (search_after): the recompute and the reconciliation walk a segment with it.
 */
export const searchSegmentMatches = async (
  client: Client,
  customersIndex: string,
  tenantId: string,
  compiled: OpenSearchQuery,
  options: { after: string | null; size: number; onlyCustomerIds?: string[] },
): Promise<SegmentMatchPage> => {
  const filter: OpenSearchQuery[] = [tenantSegmentQuery(tenantId, compiled)];
  if (options.onlyCustomerIds) filter.push({ terms: { customerId: options.onlyCustomerIds } });
  const response = await client.search({
    index: customersIndex,
    body: {
      size: options.size,
      track_total_hits: true,
      _source: false,
      docvalue_fields: ['customerId'],
      sort: [{ customerId: 'asc' }],
      ...(options.after ? { search_after: [options.after] } : {}),
      query: { bool: { filter } },
    },
  });
  const body = response.body as {
    hits: { total: { value: number }; hits: { _id: string }[] };
  };
  return { customerIds: body.hits.hits.map((h) => h._id), total: body.hits.total.value };
};

/** The number of customers a compiled segment query matches, and a first page of their documents. */
export const previewSegment = async <D>(
  client: Client,
  customersIndex: string,
  tenantId: string,
  compiled: OpenSearchQuery,
  sampleSize: number,
): Promise<{ count: number; sample: D[] }> => {
  const response = await client.search({
    index: customersIndex,
    body: {
      size: sampleSize,
      track_total_hits: true,
      sort: [{ updatedAt: 'desc' }, { customerId: 'asc' }],
      query: tenantSegmentQuery(tenantId, compiled),
    },
  });
  const body = response.body as { hits: { total: { value: number }; hits: { _source: D }[] } };
  return { count: body.hits.total.value, sample: body.hits.hits.map((h) => h._source) };
};
