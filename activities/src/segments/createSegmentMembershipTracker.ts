import type { EntityManager } from '@mikro-orm/postgresql';
import {
  applySegmentMembership,
  ensureSegmentPercolatorIndex,
  percolateDocuments,
  tenantHasSegments,
  type CustomerDocumentBatch,
  type MembershipDelta,
  type SearchClient,
} from '@c360/store';

export type SegmentMembershipTrackerDeps = { search: SearchClient; indexPrefix: string };

export type SegmentMembershipTracker = {
  /**
   * Runs on the relay's transaction right after it wrote a tenant's customer documents:
   * percolates the documents against the tenant's stored segment queries, makes the stored
   * membership of those customers match, and appends their segment.entered / segment.left
   * events. If OpenSearch fails here the relay's transaction rolls back with everything else and
   * the events wait: membership catches up with the documents when it is back.
   */
  afterCustomerDocuments(
    tx: EntityManager,
    tenantId: string,
    batch: CustomerDocumentBatch,
    at: Date,
  ): Promise<MembershipDelta>;
};

const NOTHING: MembershipDelta = { entered: [], left: [] };
const PERCOLATE_CHUNK = 50;

/**
 * Real-time segment membership on OpenSearch's percolator: multi-document percolates per
 * tenant batch. The worker uses it when C360_SEGMENT_MATCHER=percolator; the default is the
 * in-memory evaluator (createSegmentEvaluatorTracker), faster in bench/segmentMembership.ts.
 * Deleted customers need nothing here: their rows go with them by cascade, and the count
 * trigger follows.
 */
export const createSegmentMembershipTracker = (
  deps: SegmentMembershipTrackerDeps,
): SegmentMembershipTracker => {
  let index: string | null = null;
  return {
    async afterCustomerDocuments(tx, tenantId, batch, at) {
      if (batch.documents.length === 0) return NOTHING;
      if (!(await tenantHasSegments(tx, tenantId))) return NOTHING;
      index ??= await ensureSegmentPercolatorIndex(deps.search, deps.indexPrefix);
      // Chunks keep each percolation well inside the client's request timeout (a relay batch
      // is up to 500 documents, and every stored query may need running against each).
      const matches: string[][] = [];
      for (let i = 0; i < batch.documents.length; i += PERCOLATE_CHUNK)
        matches.push(
          ...(await percolateDocuments(
            deps.search,
            index,
            tenantId,
            batch.documents.slice(i, i + PERCOLATE_CHUNK),
          )),
        );
      const wanted = batch.documents.flatMap((doc, slot) =>
        (matches[slot] ?? []).map((segmentId) => ({ segmentId, customerId: doc.customerId })),
      );
      return applySegmentMembership(
        tx,
        tenantId,
        { kind: 'customers', customerIds: batch.documents.map((d) => d.customerId) },
        wanted,
        at,
      );
    },
  };
};
