import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  ensureSegmentSchedules,
  type SegmentReconcileProgress,
  type SweepRelativeSegmentsResult,
} from '@c360/workflows';
import { Deal, forTenant, useTestDatabase, waitFor } from '@c360/store';
import { openSegmentStack, type SegmentStack, type StackTenant } from '../support/segmentStack';

/**
 * Membership that changes without a write: the relative-time sweep with a controlled `now`, the
 * reconciliation that repairs drift, and the Schedules the worker creates for both.
 */
jest.setTimeout(60_000);

const db = useTestDatabase();
let stack: SegmentStack;
let a: StackTenant;
const DAY = 86_400_000;

beforeAll(async () => {
  stack = await openSegmentStack(db.orm, db.url);
  a = await stack.tenant('sweep');
}, 120_000);
afterAll(() => stack?.close());

const api = () => request(stack.app);
const sql = <T>(query: string, params: unknown[] = []) =>
  db.orm.em.fork().getConnection().execute<T[]>(query, params);

const memberIds = async (segmentId: string): Promise<string[]> => {
  const res = await api()
    .get(`/api/v1/segments/${segmentId}/members`)
    .query({ pageSize: 100 })
    .set('Authorization', a.tokens.marketer);
  return (res.body.items as { customerId: string }[]).map((m) => m.customerId).sort();
};

const customerWithOrderAt = async (firstName: string, closedAt: Date | null): Promise<string> => {
  const res = await api().post('/api/v1/customers').set('Authorization', a.tokens.agent).send({ firstName });
  expect(res.status).toBe(201);
  if (closedAt) {
    const em = forTenant(db.orm.em, a.id);
    em.create(Deal, {
      tenant: a.id,
      customer: res.body.id,
      title: 'Order',
      amount: 50,
      currency: 'EUR',
      status: 'won',
      stage: 'closed',
      closedAt,
    });
    await em.flush();
  }
  return res.body.id as string;
};

const run = <R>(workflow: string, args: unknown[]) =>
  stack.env.client.workflow.execute(workflow, {
    taskQueue: stack.taskQueue,
    workflowId: `${workflow}-test-${randomUUID()}`,
    args,
  }) as Promise<R>;

describe('relative-time segments', () => {
  it('moves a customer into "no purchase in 30 days" when the sweep passes the boundary, without any write', async () => {
    const now = Date.now();
    const lapsing = await customerWithOrderAt('Lapsing', new Date(now - 20 * DAY));
    const recent = await customerWithOrderAt('Recent', new Date(now - 2 * DAY));
    await waitFor(async () => {
      const res = await api()
        .get('/api/v1/customers')
        .query({ q: 'recent' })
        .set('Authorization', a.tokens.agent);
      return res.body.items?.[0]?.stats?.lastOrderAt ? true : undefined;
    }, 'the orders indexed');

    const created = await api()
      .post('/api/v1/segments')
      .set('Authorization', a.tokens.marketer)
      .send({ name: 'Lapsed', filter: { behaviour: 'noPurchase', withinDays: 30 } });
    expect(created.status).toBe(201);
    const segmentId = created.body.id as string;
    await stack.env.client.workflow.getHandle(created.body.recomputeWorkflowId).result();
    expect(await memberIds(segmentId)).not.toContain(lapsing);

    // Fifteen days later: the lapsing customer's last order is 35 days old, the recent one's 17.
    const later = new Date(now + 15 * DAY).toISOString();
    const result = await run<SweepRelativeSegmentsResult>('sweepRelativeSegments', [{ now: later }]);
    expect(result).toMatchObject({ now: later, segments: 1, entered: 1, left: 0 });
    expect(result.candidates).toBeGreaterThanOrEqual(1);
    expect(await memberIds(segmentId)).toContain(lapsing);
    expect(await memberIds(segmentId)).not.toContain(recent);
    const events = await sql<{ type: string; payload: { customerId: string; at: string } }>(
      `select type, payload from outbox_event where aggregate_type = 'segment' and aggregate_id = ? and type = 'segment.entered'`,
      [segmentId],
    );
    expect(events.find((e) => e.payload.customerId === lapsing)?.payload.at).toBe(later);

    // A second sweep at the same instant has nothing left to flip.
    const again = await run<SweepRelativeSegmentsResult>('sweepRelativeSegments', [{ now: later }]);
    expect(again).toMatchObject({ entered: 0, left: 0, candidates: 0 });
  });
});

describe('reconciliation', () => {
  it('repairs drift between stored membership and a fresh query, and reports it in the audit log', async () => {
    const created = await api()
      .post('/api/v1/segments')
      .set('Authorization', a.tokens.marketer)
      .send({ name: 'Named Recent', filter: { field: 'firstName', op: 'eq', value: 'Recent' } });
    const segmentId = created.body.id as string;
    await stack.env.client.workflow.getHandle(created.body.recomputeWorkflowId).result();
    const [recent] = await memberIds(segmentId);
    expect(recent).toBeDefined();
    const [stray] = await sql<{ id: string }>(
      `select id from customer where tenant_id = ? and first_name = 'Lapsing'`,
      [a.id],
    );

    // Drift: a lost "entered" and a member that should not be there.
    await sql(`delete from segment_membership where segment_id = ?`, [segmentId]);
    await sql(
      `insert into segment_membership (id, tenant_id, created_at, segment_id, customer_id, entered_at) values (gen_random_uuid(), ?, now(), ?, ?, now())`,
      [a.id, segmentId, stray!.id],
    );

    const progress = await run<SegmentReconcileProgress>('reconcileSegments', [{}]);
    expect(progress.repaired).toEqual(
      expect.arrayContaining([{ tenantId: a.id, segmentId, entered: 1, left: 1 }]),
    );
    expect(progress.repaired.filter((r) => r.segmentId !== segmentId)).toEqual([]);
    expect(await memberIds(segmentId)).toEqual([recent]);
    const audit = await sql<{ after: { entered: number; left: number } }>(
      `select after from audit_log where tenant_id = ? and action = 'segment.reconciled' and entity_id = ?`,
      [a.id, segmentId],
    );
    expect(audit.map((r) => r.after)).toEqual([expect.objectContaining({ entered: 1, left: 1 })]);
    const segment = await api().get(`/api/v1/segments/${segmentId}`).set('Authorization', a.tokens.marketer);
    expect(segment.body.count).toBe(1);
  });
});

describe('segments saved without a recompute', () => {
  it('keep their members until the sweep starts their recompute, which makes them live', async () => {
    // As the demo seeder (or an API call while Temporal was down) leaves them: no stored
    // percolator query, no finished recompute, members written directly.
    const [segment] = await sql<{ id: string }>(
      `insert into segment (id, tenant_id, created_at, updated_at, name, definition, cached_count)
       values (gen_random_uuid(), ?, now() - interval '1 hour', now() - interval '1 hour', 'Seeded VIPs', '{"field":"vip","op":"isTrue"}', 0)
       returning id`,
      [a.id],
    );
    const segmentId = segment!.id;
    const vip = await api()
      .post('/api/v1/customers')
      .set('Authorization', a.tokens.agent)
      .send({ firstName: 'Seeded', isVip: true });
    await sql(
      `insert into segment_membership (id, tenant_id, created_at, segment_id, customer_id, entered_at) values (gen_random_uuid(), ?, now(), ?, ?, now())`,
      [a.id, segmentId, vip.body.id],
    );
    // A change to the member passes through the relay: the unregistered segment must not lose it.
    await api()
      .patch(`/api/v1/customers/${vip.body.id}`)
      .set('Authorization', a.tokens.agent)
      .send({ lastName: 'Member' });
    await waitFor(async () => {
      const [p] = await sql<{ n: string }>(
        `select count(*) as n from outbox_event where processed_at is null`,
      );
      return Number(p?.n) === 0 ? true : undefined;
    }, 'the relay to drain');
    expect(await memberIds(segmentId)).toEqual([vip.body.id]);

    const result = await run<SweepRelativeSegmentsResult>('sweepRelativeSegments', [{}]);
    expect(result.recomputesStarted).toBe(1);
    const recompute = await stack.env.client.workflow.getHandle(`segment-recompute-${segmentId}-v1`).result();
    expect(recompute).toMatchObject({ phase: 'done', matched: 1, entered: 0, left: 0 });

    // Now live: a change out of the filter leaves it in real time.
    await api()
      .patch(`/api/v1/customers/${vip.body.id}`)
      .set('Authorization', a.tokens.agent)
      .send({ isVip: false });
    await waitFor(
      async () => ((await memberIds(segmentId)).length === 0 ? true : undefined),
      'the member to leave',
    );
    const view = await api().get(`/api/v1/segments/${segmentId}`).set('Authorization', a.tokens.marketer);
    expect(view.body).toMatchObject({ recomputing: false, count: 0 });
  });
});

describe('segment schedules', () => {
  it('are created once by the worker at start, however often it starts', async () => {
    const idPrefix = `test-${randomUUID().slice(0, 8)}-`;
    const client = stack.env.client;
    try {
      const first = await ensureSegmentSchedules(client, { idPrefix, taskQueue: stack.taskQueue });
      expect(first.created.sort()).toEqual([first.reconcile, first.sweep].sort());
      const second = await ensureSegmentSchedules(client, { idPrefix, taskQueue: stack.taskQueue });
      expect(second.created).toEqual([]);
      const sweep = await client.schedule.getHandle(first.sweep).describe();
      expect(sweep.spec.intervals?.[0]?.every).toBe(5 * 60_000);
      expect(sweep.action).toMatchObject({ workflowType: 'sweepRelativeSegments' });
      const reconcile = await client.schedule.getHandle(first.reconcile).describe();
      expect(reconcile.action).toMatchObject({ workflowType: 'reconcileSegments' });
    } finally {
      for (const id of [`${idPrefix}segment-relative-sweep`, `${idPrefix}segment-reconcile`])
        await client.schedule
          .getHandle(id)
          .delete()
          .catch(() => undefined);
    }
  });
});
