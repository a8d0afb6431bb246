import { log } from '@temporalio/activity';
import { LockMode, type MikroORM } from '@mikro-orm/postgresql';
import {
  compileSegmentFilter,
  relativeWindows,
  validateSegmentFilter,
  type SegmentFilter,
} from '@c360/domain';
import {
  applySegmentMembership,
  AuditLog,
  customerIndexName,
  ensureSegmentPercolatorIndex,
  forTenant,
  previewSegment,
  registerSegmentQuery,
  relativeBoundaryQuery,
  searchSegmentMatches,
  Segment,
  type SearchClient,
} from '@c360/store';
import type { SegmentActivities, SegmentRef } from '@c360/workflows';

export type SegmentActivityDeps = { orm: MikroORM; search: SearchClient; indexPrefix: string };

/** Customers re-evaluated per query while sweeping one segment. */
const SWEEP_CHUNK = 500;

const filterOf = (segment: Segment): SegmentFilter => {
  const result = validateSegmentFilter(segment.definition);
  // Definitions are validated before they are saved; one that no longer validates (the language
  // changed under it) must not silently match everyone or no one.
  if (!result.ok)
    throw new Error(`segment ${segment.id} has an invalid definition: ${result.problems[0]?.message}`);
  return result.filter;
};

/** The anchor the segment's stored percolator query was compiled at (see the language README). */
const anchorOf = (segment: Segment): Date => segment.anchoredAt ?? segment.createdAt;

/**
 * The activities of the segment membership workflows: walking a segment in id order to recompute
 * or reconcile its membership, the relative-time sweep, and the reconciliation report.
 */
export const createSegmentActivities = (deps: SegmentActivityDeps): SegmentActivities => {
  const customersIndex = customerIndexName(deps.indexPrefix);
  const load = (ref: SegmentRef) =>
    forTenant(deps.orm.em, ref.tenantId).findOne(Segment, { id: ref.segmentId });
  let percolator: string | null = null;
  const percolatorIndex = async () =>
    (percolator ??= await ensureSegmentPercolatorIndex(deps.search, deps.indexPrefix));

  return {
    async beginSegmentWalk(input) {
      const segment = await load(input);
      if (!segment) return { state: 'missing' };
      if (input.definitionVersion !== null && segment.definitionVersion !== input.definitionVersion)
        return { state: 'superseded' };
      // (Re-)store the percolator query at the segment's anchor: a segment saved without one (the
      // demo seeder) becomes live here, and a lost percolator index is rebuilt by the reconciliation.
      const anchor = segment.anchoredAt ?? new Date();
      const compiled = compileSegmentFilter(filterOf(segment), anchor);
      await registerSegmentQuery(deps.search, await percolatorIndex(), {
        tenantId: input.tenantId,
        segmentId: segment.id,
        version: segment.definitionVersion,
        anchoredAt: anchor,
        compiled,
      });
      if (!segment.anchoredAt)
        await deps.orm.em
          .fork()
          .execute(
            `update segment set anchored_at = ? where tenant_id = ? and id = ? and anchored_at is null`,
            [anchor, input.tenantId, segment.id],
          );
      const { count } = await previewSegment(deps.search, customersIndex, input.tenantId, compiled, 0);
      return { state: 'ready', definitionVersion: segment.definitionVersion, total: count };
    },

    async walkSegmentPage(input) {
      const segment = await load(input);
      if (!segment) return { state: 'missing' };
      if (segment.definitionVersion !== input.definitionVersion) return { state: 'superseded' };
      const compiled = compileSegmentFilter(filterOf(segment), anchorOf(segment));
      const page = await searchSegmentMatches(deps.search, customersIndex, input.tenantId, compiled, {
        after: input.after,
        size: input.pageSize,
      });
      const done = page.customerIds.length < input.pageSize;
      const through = done ? null : page.customerIds[page.customerIds.length - 1]!;
      const delta = await deps.orm.em.fork().transactional((tx) =>
        applySegmentMembership(
          tx,
          input.tenantId,
          { kind: 'segmentRange', segmentId: input.segmentId, after: input.after, through },
          page.customerIds.map((customerId) => ({ segmentId: input.segmentId, customerId })),
          new Date(input.at),
        ),
      );
      return {
        state: 'ok',
        matched: page.customerIds.length,
        entered: delta.entered.length,
        left: delta.left.length,
        lastId: through,
        done,
      };
    },

    async finishSegmentRecompute(input) {
      const rows = await deps.orm.em.fork().execute<{ cached_count: number | null }[]>(
        `update segment set computed_version = greatest(computed_version, ?)
           where tenant_id = ? and id = ? and definition_version = ? returning cached_count`,
        [input.definitionVersion, input.tenantId, input.segmentId, input.definitionVersion],
      );
      return { count: rows[0]?.cached_count ?? null };
    },

    async listRelativeSegments() {
      // Infrastructure read across tenants (like the outbox relay): each row carries its tenant.
      const rows = await deps.orm.em
        .fork()
        .execute<
          { id: string; tenant_id: string; definition: unknown }[]
        >(`select id, tenant_id, definition from segment order by tenant_id, id`);
      return rows
        .filter((r) => {
          const parsed = validateSegmentFilter(r.definition);
          return parsed.ok && relativeWindows(parsed.filter).length > 0;
        })
        .map((r) => ({ tenantId: r.tenant_id, segmentId: r.id }));
    },

    async sweepSegment(input) {
      const now = new Date(input.now);
      return deps.orm.em.fork().transactional(async (tx) => {
        const em = forTenant(tx, input.tenantId);
        // The row lock orders sweeps with edits of the same segment.
        const segment = await em.findOne(
          Segment,
          { id: input.segmentId },
          { lockMode: LockMode.PESSIMISTIC_WRITE },
        );
        const skipped = { candidates: 0, entered: 0, left: 0, skipped: true };
        if (!segment) return skipped;
        const filter = filterOf(segment);
        const boundary = relativeBoundaryQuery(relativeWindows(filter), anchorOf(segment), now);
        if (!boundary) return skipped;

        const candidates: string[] = [];
        for (let after: string | null = null; ; ) {
          const page = await searchSegmentMatches(deps.search, customersIndex, input.tenantId, boundary, {
            after,
            size: 1_000,
          });
          candidates.push(...page.customerIds);
          if (page.customerIds.length < 1_000) break;
          after = page.customerIds[page.customerIds.length - 1]!;
        }

        // Writes from now on percolate against the new anchor.
        const compiled = compileSegmentFilter(filter, now);
        await registerSegmentQuery(deps.search, await percolatorIndex(), {
          tenantId: input.tenantId,
          segmentId: segment.id,
          version: segment.definitionVersion,
          anchoredAt: now,
          compiled,
        });
        // Raw update: moving the anchor is not an edit (updatedAt stays).
        await tx.execute(`update segment set anchored_at = ? where tenant_id = ? and id = ?`, [
          now,
          input.tenantId,
          segment.id,
        ]);

        const result = { candidates: candidates.length, entered: 0, left: 0, skipped: false };
        for (let i = 0; i < candidates.length; i += SWEEP_CHUNK) {
          const chunk = candidates.slice(i, i + SWEEP_CHUNK);
          const matching = await searchSegmentMatches(deps.search, customersIndex, input.tenantId, compiled, {
            after: null,
            size: chunk.length,
            onlyCustomerIds: chunk,
          });
          const delta = await applySegmentMembership(
            tx,
            input.tenantId,
            { kind: 'segmentCustomers', segmentId: segment.id, customerIds: chunk },
            matching.customerIds.map((customerId) => ({ segmentId: segment.id, customerId })),
            now,
          );
          result.entered += delta.entered.length;
          result.left += delta.left.length;
        }
        return result;
      });
    },

    async listSegmentsBehind({ savedBefore }) {
      // Across tenants, like the relay. Saved a little while ago: the API starts their recompute itself.
      const rows = await deps.orm.em
        .fork()
        .execute<{ id: string; tenant_id: string; definition_version: number }[]>(
          `select id, tenant_id, definition_version from segment
           where computed_version < definition_version and updated_at < ? order by tenant_id, id`,
          [new Date(savedBefore)],
        );
      return rows.map((r) => ({
        tenantId: r.tenant_id,
        segmentId: r.id,
        definitionVersion: r.definition_version,
      }));
    },

    async listAllSegments() {
      const rows = await deps.orm.em
        .fork()
        .execute<
          { id: string; tenant_id: string }[]
        >(`select id, tenant_id from segment order by tenant_id, id`);
      return rows.map((r) => ({ tenantId: r.tenant_id, segmentId: r.id }));
    },

    async reportSegmentReconciliation(input) {
      log.warn('segment membership drift repaired', { ...input });
      const em = forTenant(deps.orm.em, input.tenantId);
      em.create(AuditLog, {
        tenant: input.tenantId,
        actorType: 'system',
        actorId: null,
        action: 'segment.reconciled',
        entityType: 'segment',
        entityId: input.segmentId,
        before: null,
        after: { entered: input.entered, left: input.left, matched: input.matched, at: input.at },
        reason: 'stored membership differed from a fresh query',
        source: 'reconciliation',
        requestId: null,
      });
      await em.flush();
    },
  };
};
