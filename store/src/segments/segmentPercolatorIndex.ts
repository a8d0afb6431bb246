import type { Client } from '@opensearch-project/opensearch';
import { customerIndexMapping, customerIndexSettings } from '../search/customerIndex';

/**
 * The percolator index: one stored query per saved segment, all tenants of an environment in
 * it. Its mapping is the customers index's (so a stored query is parsed against the same fields
 * and analysers as a search) plus the query field and the segment's metadata. Every stored query
 * is wrapped in a filter on its tenant, and every percolation filters on the tenant too: a
 * segment can never match another tenant's customer.
 */
export const segmentPercolatorIndexName = (prefix: string): string => `${prefix}segments-percolator`;

/** The stored query's field. */
export const PERCOLATOR_QUERY_FIELD = 'percolatorQuery';

export const segmentPercolatorMapping = () => ({
  dynamic: 'strict',
  properties: {
    ...customerIndexMapping.properties,
    [PERCOLATOR_QUERY_FIELD]: { type: 'percolator' },
    segment: {
      properties: {
        id: { type: 'keyword' },
        version: { type: 'integer' },
        anchoredAt: { type: 'date' },
      },
    },
  },
});

const isAlreadyThere = (error: unknown): boolean =>
  String((error as { message?: string }).message).includes('resource_already_exists');

/**
 * Creates the index if missing; otherwise adds the fields the customers mapping gained since
 * (mappings only grow, so a put of the whole mapping is additive). Safe from every process.
 */
export const ensureSegmentPercolatorIndex = async (client: Client, prefix: string): Promise<string> => {
  const index = segmentPercolatorIndexName(prefix);
  const exists = await client.indices.exists({ index });
  if (!exists.body) {
    try {
      await client.indices.create({
        index,
        body: { settings: customerIndexSettings, mappings: segmentPercolatorMapping() } as Record<
          string,
          unknown
        >,
      });
      return index;
    } catch (error) {
      if (!isAlreadyThere(error)) throw error;
    }
  }
  await client.indices.putMapping({ index, body: segmentPercolatorMapping() as Record<string, unknown> });
  return index;
};
