import { compileSegmentFilter, type OpenSearchQuery, type SegmentFilter } from '@c360/domain';

/**
 * The query selecting a tenant's customers that match a segment filter at `now`: the compiled
 * filter inside the tenant filter, which is always there whatever the filter says.
 */
export const buildSegmentQuery = (tenantId: string, filter: SegmentFilter, now: Date): OpenSearchQuery => ({
  bool: { filter: [{ term: { tenantId } }, compileSegmentFilter(filter, now)] },
});
