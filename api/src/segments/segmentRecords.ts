import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { errors as searchErrors } from '@opensearch-project/opensearch';
import { AppError, compileSegmentFilter, notFound, type SegmentFilter } from '@c360/domain';
import {
  Customer,
  detachSegmentFromPlaybooks,
  ExportSchedule,
  forTenant,
  Segment,
  SegmentMembership,
  User,
} from '@c360/store';
import { temporalUnavailable } from './segmentExportRoutes';
import type { SegmentSearch } from './segmentPorts';
import type { SegmentCreate, SegmentPatch, SegmentView } from './segmentSchemas';

const isSearchDown = (error: unknown): boolean =>
  error instanceof searchErrors.ConnectionError ||
  error instanceof searchErrors.TimeoutError ||
  error instanceof searchErrors.NoLivingConnectionsError;

/** A call to OpenSearch whose outage must read as a 503 that says what it means for segments. */
export const searchCall = async <T>(what: string, call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    if (!isSearchDown(error)) throw error;
    throw new AppError(
      'unavailable',
      `search is unavailable, so ${what} cannot be done now; saved segments, their counts and members are still served, and customer changes are kept and applied to segments when search is back; try again shortly`,
    );
  }
};

export const toSegmentView = (s: Segment): SegmentView => ({
  id: s.id,
  name: s.name,
  description: s.description ?? null,
  ownerId: s.owner?.id ?? null,
  filter: s.definition,
  count: s.cachedCount ?? 0,
  countedAt: s.countedAt ? s.countedAt.toISOString() : null,
  definitionVersion: s.definitionVersion,
  recomputing: s.computedVersion < s.definitionVersion,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});

export type SegmentRecordDeps = {
  em: EntityManager;
  search: SegmentSearch;
  now: () => Date;
  /**
   * Takes an export schedule's Temporal Schedule away (idempotent): a segment's scheduled exports
   * go with it, or they would keep firing on a segment that is no more.
   */
  dropSchedule: (tenantId: string, scheduleId: string) => Promise<void>;
};

/**
 * Saved segments of one tenant. A create or a new filter stores the segment's percolator query
 * (compiled at "now", its anchor) inside the database transaction: if OpenSearch refuses, the
 * transaction rolls back and nothing changes. The membership recompute starts after the commit.
 */
export const segmentRecords = (deps: SegmentRecordDeps, tenantId: string) => {
  const scoped = () => forTenant(deps.em, tenantId);
  const find = async (em: EntityManager, id: string, lock = false): Promise<Segment> => {
    const segment = await em.findOne(Segment, { id }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
    if (!segment) throw notFound('segment', id);
    return segment;
  };
  const register = (segment: Segment, filter: SegmentFilter, at: Date) =>
    searchCall('saving a segment', () =>
      deps.search.register({
        tenantId,
        segmentId: segment.id,
        version: segment.definitionVersion,
        anchoredAt: at,
        compiled: compileSegmentFilter(filter, at),
      }),
    );

  return {
    list: async (page: number, pageSize: number) => {
      const [items, total] = await scoped().findAndCount(
        Segment,
        {},
        { orderBy: { name: 'asc', id: 'asc' }, limit: pageSize, offset: (page - 1) * pageSize },
      );
      return { items: items.map(toSegmentView), page, pageSize, total };
    },

    get: async (id: string): Promise<SegmentView> => toSegmentView(await find(scoped(), id)),

    create: async (input: SegmentCreate, ownerId: string): Promise<SegmentView> =>
      scoped().transactional(async (em) => {
        const at = deps.now();
        const segment = em.create(Segment, {
          tenant: tenantId,
          name: input.name,
          description: input.description,
          owner: em.getReference(User, ownerId, { wrapped: true }),
          definition: input.filter as Record<string, unknown>,
          cachedCount: 0,
          countedAt: at,
          definitionVersion: 1,
          computedVersion: 0,
          anchoredAt: at,
        });
        await em.flush();
        await register(segment, input.filter, at);
        return toSegmentView(segment);
      }),

    update: async (id: string, patch: SegmentPatch): Promise<{ view: SegmentView; filterChanged: boolean }> =>
      scoped().transactional(async (em) => {
        const segment = await find(em, id, true);
        if (patch.name !== undefined) segment.name = patch.name;
        if (patch.description !== undefined) segment.description = patch.description;
        const filterChanged =
          patch.filter !== undefined && JSON.stringify(patch.filter) !== JSON.stringify(segment.definition);
        if (filterChanged) {
          const at = deps.now();
          segment.definition = patch.filter as Record<string, unknown>;
          segment.definitionVersion += 1;
          segment.anchoredAt = at;
          await register(segment, patch.filter!, at);
        }
        await em.flush();
        return { view: toSegmentView(segment), filterChanged };
      }),

    /**
     * Memberships go with the segment (cascade); no segment.left is emitted for a deleted segment.
     * Its export schedules go too: their Temporal Schedules first (a Temporal that is down answers
     * 503 and nothing is deleted; a retry finishes what a failure left), then the rows. Campaigns
     * already launched keep their snapshot and run on.
     */
    remove: async (id: string): Promise<void> =>
      scoped().transactional(async (em) => {
        const segment = await find(em, id, true);
        const schedules = await em.find(ExportSchedule, { segment: id });
        for (const schedule of schedules) {
          try {
            await deps.dropSchedule(tenantId, schedule.id);
          } catch (error) {
            throw temporalUnavailable(error);
          }
        }
        em.remove(schedules);
        em.remove(segment);
        // Its entry message or playbook attachment goes too: nothing could start it again.
        await detachSegmentFromPlaybooks(em, tenantId, id);
        await em.flush();
        await searchCall('deleting a segment', () => deps.search.remove(id));
      }),

    members: async (id: string, page: number, pageSize: number) => {
      const em = scoped();
      await find(em, id);
      const [rows, total] = await em.findAndCount(
        SegmentMembership,
        { segment: id },
        {
          populate: ['customer'],
          orderBy: { enteredAt: 'desc', id: 'asc' },
          limit: pageSize,
          offset: (page - 1) * pageSize,
        },
      );
      return {
        items: rows.map((m) => {
          const c = m.customer.$;
          return {
            customerId: c.id,
            firstName: c.firstName,
            lastName: c.lastName,
            emails: [...(c.emails ?? [])],
            enteredAt: m.enteredAt.toISOString(),
          };
        }),
        page,
        pageSize,
        total,
      };
    },

    ofCustomer: async (customerId: string) => {
      const em = scoped();
      if (!(await em.findOne(Customer, { id: customerId }, { fields: ['id'] })))
        throw notFound('customer', customerId);
      const rows = await em.find(
        SegmentMembership,
        { customer: customerId },
        { populate: ['segment'], orderBy: { enteredAt: 'desc', id: 'asc' } },
      );
      return {
        items: rows.map((m) => ({
          segmentId: m.segment.$.id,
          name: m.segment.$.name,
          enteredAt: m.enteredAt.toISOString(),
        })),
      };
    },
  };
};
