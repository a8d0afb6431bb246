import {
  customerIndexName,
  ensureCustomerIndex,
  ensureSegmentPercolatorIndex,
  previewSegment,
  registerSegmentQuery,
  removeSegmentQuery,
  type CustomerDocument,
  type SearchClient,
} from '@c360/store';
import type { SegmentSearch } from './segmentPorts';

const isMissingIndex = (error: unknown): boolean =>
  (error as { meta?: { body?: { error?: { type?: unknown } } } }).meta?.body?.error?.type ===
  'index_not_found_exception';

/** The segment search port on OpenSearch (customers index and the segments percolator index). */
export const openSearchSegments = (client: SearchClient, indexPrefix: string): SegmentSearch => {
  const customers = customerIndexName(indexPrefix);
  let percolator: string | null = null;
  const percolatorIndex = async () =>
    (percolator ??= await ensureSegmentPercolatorIndex(client, indexPrefix));
  return {
    async preview(tenantId, compiled, sampleSize) {
      const run = () => previewSegment<CustomerDocument>(client, customers, tenantId, compiled, sampleSize);
      let result;
      try {
        result = await run();
      } catch (error) {
        if (!isMissingIndex(error)) throw error;
        await ensureCustomerIndex(client, indexPrefix);
        result = await run();
      }
      return {
        count: result.count,
        sample: result.sample.map((d) => ({
          customerId: d.customerId,
          firstName: d.firstName,
          lastName: d.lastName,
          emails: d.emails,
          tags: d.tags,
          isVip: d.isVip,
        })),
      };
    },
    async register(input) {
      await registerSegmentQuery(client, await percolatorIndex(), input);
    },
    async remove(segmentId) {
      await removeSegmentQuery(client, await percolatorIndex(), segmentId);
    },
  };
};
