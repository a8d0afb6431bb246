import {
  lowerSegmentFilter,
  matchesPredicate,
  validateSegmentFilter,
  type SegmentDocument,
  type SegmentPredicate,
} from '@c360/domain';
import { applySegmentMembership, type MembershipDelta } from '@c360/store';
import type { SegmentMembershipTracker } from './createSegmentMembershipTracker';

type LiveSegmentRow = { id: string; definition: unknown; definition_version: number; anchored_at: Date };

const NOTHING: MembershipDelta = { entered: [], left: [] };

/**
 * Real-time membership with the domain's in-memory evaluator instead of the percolator: the
 * tenant's live segments (those whose query is anchored) are read on the relay's transaction,
 * lowered at their anchor (the same instant the percolator query is compiled at, so both agree;
 * the store's parity test proves the evaluator equal to OpenSearch), and every document of the
 * batch is matched against each. No OpenSearch call: see bench/segmentMembership.ts for the
 * measurements behind choosing it.
 */
export const createSegmentEvaluatorTracker = (): SegmentMembershipTracker => {
  // Lowered predicates by segment, version and anchor: a segment is lowered again only when it changes.
  const cache = new Map<string, SegmentPredicate | null>();
  const predicateOf = (row: LiveSegmentRow): SegmentPredicate | null => {
    const anchor = new Date(row.anchored_at);
    const key = `${row.id}:${row.definition_version}:${anchor.toISOString()}`;
    if (!cache.has(key)) {
      const parsed = validateSegmentFilter(row.definition);
      cache.set(key, parsed.ok ? lowerSegmentFilter(parsed.filter, anchor) : null);
      if (cache.size > 50_000) cache.delete(cache.keys().next().value!);
    }
    return cache.get(key) ?? null;
  };

  return {
    async afterCustomerDocuments(tx, tenantId, batch, at) {
      if (batch.documents.length === 0) return NOTHING;
      const rows = await tx.execute<LiveSegmentRow[]>(
        `select id, definition, definition_version, anchored_at from segment where tenant_id = ? and anchored_at is not null`,
        [tenantId],
      );
      if (rows.length === 0) return NOTHING;
      const segments = rows.map((row) => ({ id: row.id, predicate: predicateOf(row) }));
      const invalid = segments.find((s) => s.predicate === null);
      // Refusing the batch keeps the events for retry rather than dropping members of a broken segment.
      if (invalid) throw new Error(`segment ${invalid.id} has a definition that no longer validates`);
      const wanted = batch.documents.flatMap((doc) =>
        segments
          .filter((s) => matchesPredicate(s.predicate!, doc as SegmentDocument))
          .map((s) => ({ segmentId: s.id, customerId: doc.customerId })),
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
