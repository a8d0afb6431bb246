import type { EntityManager } from '@mikro-orm/postgresql';

/** A customer entered a segment: `{ segmentId, customerId, at }`. Workflows may start on it. */
export const SEGMENT_ENTERED = 'segment.entered';
/** A customer left a segment: `{ segmentId, customerId, at }`. */
export const SEGMENT_LEFT = 'segment.left';

export type SegmentMembershipEventPayload = { segmentId: string; customerId: string; at: string };

export type MembershipPair = { segmentId: string; customerId: string };
export type MembershipDelta = { entered: MembershipPair[]; left: MembershipPair[] };

/**
 * The part of a tenant's membership that a caller has evaluated afresh, and within which the
 * pairs it passes are the whole truth (anything else in the scope is removed):
 * - `customers`: every segment, for some customers (the relay, after percolating their documents);
 * - `segmentCustomers`: one segment, some customers (the relative-time sweep);
 * - `segmentRange`: one segment, the customers with ids in `(after, through]`, either end open
 *   when null (the recompute and the reconciliation walk a segment in id order).
 */
export type MembershipScope =
  | { kind: 'customers'; customerIds: string[] }
  | { kind: 'segmentCustomers'; segmentId: string; customerIds: string[] }
  | { kind: 'segmentRange'; segmentId: string; after: string | null; through: string | null };

const scopeCondition = (scope: MembershipScope): { sql: string; params: unknown[] } => {
  switch (scope.kind) {
    case 'customers':
      // Only segments whose query is stored in the percolator (anchored) were evaluated; one
      // saved without it (the demo seeder) keeps its members until its recompute registers it.
      return {
        sql: `m.customer_id in (select jsonb_array_elements_text(?::jsonb)::uuid)
              and m.segment_id in (select id from segment where tenant_id = m.tenant_id and anchored_at is not null)`,
        params: [JSON.stringify(scope.customerIds)],
      };
    case 'segmentCustomers':
      return {
        sql: `m.segment_id = ? and m.customer_id in (select jsonb_array_elements_text(?::jsonb)::uuid)`,
        params: [scope.segmentId, JSON.stringify(scope.customerIds)],
      };
    case 'segmentRange':
      return {
        sql: `m.segment_id = ? and (?::uuid is null or m.customer_id > ?::uuid) and (?::uuid is null or m.customer_id <= ?::uuid)`,
        params: [scope.segmentId, scope.after, scope.after, scope.through, scope.through],
      };
  }
};

type PairRow = { segment_id: string; customer_id: string };
const toPair = (r: PairRow): MembershipPair => ({ segmentId: r.segment_id, customerId: r.customer_id });
const byIds = (a: MembershipPair, b: MembershipPair): number =>
  a.segmentId.localeCompare(b.segmentId) || a.customerId.localeCompare(b.customerId);

/**
 * Makes the stored membership inside `scope` equal to `wanted`, records when each customer
 * entered, and appends one `segment.entered` / `segment.left` outbox event per pair that really
 * changed, all on the caller's transaction. The events come from the rows the statements
 * actually inserted or deleted, so two writers racing on the same pair never emit it twice.
 * The segment's cached count follows by the trigger on segment_membership (cascades included).
 * Raw SQL bypasses the tenant filter: every statement names the tenant itself, and a wanted
 * pair whose segment or customer is not the tenant's is dropped by the joins.
 */
export const applySegmentMembership = async (
  em: EntityManager,
  tenantId: string,
  scope: MembershipScope,
  wanted: MembershipPair[],
  at: Date,
): Promise<MembershipDelta> => {
  const wantedJson = JSON.stringify(
    wanted.map((p) => ({ segment_id: p.segmentId, customer_id: p.customerId })),
  );
  const condition = scopeCondition(scope);
  const left = await em.execute<PairRow[]>(
    `delete from segment_membership m
     where m.tenant_id = ? and ${condition.sql}
       and not exists (
         select 1 from jsonb_to_recordset(?::jsonb) w(segment_id uuid, customer_id uuid)
         where w.segment_id = m.segment_id and w.customer_id = m.customer_id)
     returning m.segment_id, m.customer_id`,
    [tenantId, ...condition.params, wantedJson],
  );
  const entered =
    wanted.length === 0
      ? []
      : await em.execute<PairRow[]>(
          `insert into segment_membership (id, tenant_id, created_at, segment_id, customer_id, entered_at)
           select gen_random_uuid(), s.tenant_id, ?, w.segment_id, w.customer_id, ?
           from jsonb_to_recordset(?::jsonb) w(segment_id uuid, customer_id uuid)
           join segment s on s.id = w.segment_id and s.tenant_id = ?
           join customer c on c.id = w.customer_id and c.tenant_id = ?
           on conflict (segment_id, customer_id) do nothing
           returning segment_id, customer_id`,
          [at, at, wantedJson, tenantId, tenantId],
        );
  const delta: MembershipDelta = {
    entered: entered.map(toPair).sort(byIds),
    left: left.map(toPair).sort(byIds),
  };
  await appendMembershipEvents(em, tenantId, delta, at);
  return delta;
};

/**
 * Customers about to be deleted leave every segment they are in (anchored or not), with one
 * `segment.left` event per membership, on the caller's transaction: the cascade of the delete
 * would otherwise take their memberships away without a word, and a workflow waiting for them to
 * leave would never hear of it. Call it before deleting the rows.
 */
export const leaveEverySegment = async (
  em: EntityManager,
  tenantId: string,
  customerIds: string[],
  at: Date,
): Promise<MembershipDelta> => {
  if (customerIds.length === 0) return { entered: [], left: [] };
  const left = await em.execute<PairRow[]>(
    `delete from segment_membership m
     where m.tenant_id = ? and m.customer_id in (select jsonb_array_elements_text(?::jsonb)::uuid)
     returning m.segment_id, m.customer_id`,
    [tenantId, JSON.stringify(customerIds)],
  );
  const delta: MembershipDelta = { entered: [], left: left.map(toPair).sort(byIds) };
  await appendMembershipEvents(em, tenantId, delta, at);
  return delta;
};

const appendMembershipEvents = async (
  em: EntityManager,
  tenantId: string,
  delta: MembershipDelta,
  at: Date,
): Promise<void> => {
  const events = [
    ...delta.entered.map((p) => ({ ...p, type: SEGMENT_ENTERED })),
    ...delta.left.map((p) => ({ ...p, type: SEGMENT_LEFT })),
  ];
  if (events.length === 0) return;
  await em.execute(
    `insert into outbox_event (tenant_id, aggregate_type, aggregate_id, type, payload, created_at, attempts)
     select ?, 'segment', e."segmentId", e.type,
            jsonb_build_object('segmentId', e."segmentId", 'customerId', e."customerId", 'at', ?::text), now(), 0
     from jsonb_to_recordset(?::jsonb) e("segmentId" text, "customerId" text, type text)`,
    [tenantId, at.toISOString(), JSON.stringify(events)],
  );
};

/** Every segment id of a tenant (the relay skips percolation for a tenant without any). */
export const tenantHasSegments = async (em: EntityManager, tenantId: string): Promise<boolean> => {
  const [row] = await em.execute<{ found: boolean }[]>(
    `select exists(select 1 from segment where tenant_id = ?) as found`,
    [tenantId],
  );
  return Boolean(row?.found);
};
