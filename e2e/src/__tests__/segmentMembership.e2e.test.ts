import request from 'supertest';
import { segmentRecomputeProgressQuery, type SegmentRecomputeProgress } from '@c360/workflows';
import { useTestDatabase, waitFor } from '@c360/store';
import { openSegmentStack, type SegmentStack, type StackTenant } from '../support/segmentStack';

/**
 * Real-time segment membership end to end, on the real PostgreSQL, OpenSearch and Temporal:
 * customer writes through the API, the outbox relay percolating the documents it indexes,
 * segment.entered / segment.left in the outbox, the recompute workflow, and an OpenSearch outage.
 */
// Several steps wait on the relay and on workflows: more than jest's default 5 s per test.
jest.setTimeout(60_000);

const db = useTestDatabase();
let stack: SegmentStack;
let a: StackTenant;
let b: StackTenant;

beforeAll(async () => {
  stack = await openSegmentStack(db.orm, db.url);
}, 120_000);
afterAll(() => stack?.close());

type EventRow = {
  type: string;
  tenant_id: string;
  payload: { segmentId: string; customerId: string; at: string };
};
const segmentEvents = async (segmentId: string): Promise<EventRow[]> =>
  db.orm.em
    .fork()
    .getConnection()
    .execute<
      EventRow[]
    >(`select type, tenant_id, payload from outbox_event where aggregate_type = 'segment' and aggregate_id = ? order by id`, [segmentId]);

const api = () => request(stack.app);

const createSegment = async (tenant: StackTenant, name: string, filter: unknown) => {
  const res = await api()
    .post('/api/v1/segments')
    .set('Authorization', tenant.tokens.marketer)
    .send({ name, description: `${name} customers`, filter });
  expect(res.status).toBe(201);
  return res.body as { id: string; recomputeWorkflowId: string | null; definitionVersion: number };
};

const createCustomer = async (tenant: StackTenant, body: Record<string, unknown>) => {
  const res = await api().post('/api/v1/customers').set('Authorization', tenant.tokens.agent).send(body);
  expect(res.status).toBe(201);
  return res.body as { id: string };
};

const members = async (tenant: StackTenant, segmentId: string) => {
  const res = await api()
    .get(`/api/v1/segments/${segmentId}/members`)
    .set('Authorization', tenant.tokens.marketer);
  expect(res.status).toBe(200);
  return res.body as { items: { customerId: string; enteredAt: string }[]; total: number };
};

const memberIds = async (tenant: StackTenant, segmentId: string) =>
  (await members(tenant, segmentId)).items.map((m) => m.customerId).sort();

const recomputeResult = (workflowId: string) =>
  stack.env.client.workflow.getHandle(workflowId).result() as Promise<SegmentRecomputeProgress>;

describe.each(['percolator', 'evaluator'] as const)('real-time segment membership (%s)', (matcher) => {
  beforeAll(async () => {
    stack.useMatcher(matcher);
    [a, b] = [await stack.tenant(`${matcher}-a`), await stack.tenant(`${matcher}-b`)];
  });
  let gold: { id: string; recomputeWorkflowId: string | null };
  let ada: { id: string };

  it('enters a saved segment when a customer written through the API matches it', async () => {
    gold = await createSegment(a, 'Gold', { field: 'tags', op: 'has', value: 'gold' });
    await recomputeResult(gold.recomputeWorkflowId!);
    ada = await createCustomer(a, { firstName: 'Ada', lastName: 'Lovelace', tags: ['gold'] });

    await waitFor(async () => ((await members(a, gold.id)).total === 1 ? true : undefined), 'ada in gold');
    expect(await memberIds(a, gold.id)).toEqual([ada.id]);
    const events = await segmentEvents(gold.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'segment.entered',
      tenant_id: a.id,
      payload: { segmentId: gold.id, customerId: ada.id },
    });
    expect(Number.isNaN(Date.parse(events[0]!.payload.at))).toBe(false);

    const segment = await api().get(`/api/v1/segments/${gold.id}`).set('Authorization', a.tokens.manager);
    expect(segment.body).toMatchObject({ count: 1, definitionVersion: 1, recomputing: false, name: 'Gold' });
    const ofCustomer = await api()
      .get(`/api/v1/customers/${ada.id}/segments`)
      .set('Authorization', a.tokens.agent);
    expect(ofCustomer.status).toBe(200);
    expect(ofCustomer.body.items).toEqual([expect.objectContaining({ segmentId: gold.id, name: 'Gold' })]);
  });

  it('answers a live count and a sample for an unsaved filter', async () => {
    const preview = () =>
      api()
        .post('/api/v1/segments/preview')
        .set('Authorization', a.tokens.marketer)
        .send({
          filter: {
            and: [
              { field: 'tags', op: 'has', value: 'gold' },
              { field: 'firstName', op: 'eq', value: 'ADA' },
            ],
          },
          sampleSize: 5,
        });
    // Membership (evaluator) can be recorded before the index's refresh makes Ada searchable.
    const res = await waitFor(async () => {
      const r = await preview();
      return r.status !== 200 || r.body.count > 0 ? r : undefined;
    }, 'ada searchable');
    expect(res.status).toBe(200);
    expect(res.body.count).toBe(1);
    expect(res.body.sample).toEqual([expect.objectContaining({ customerId: ada.id, firstName: 'Ada' })]);
  });

  it('leaves the segment with segment.left when a change takes the customer out of the filter', async () => {
    const res = await api()
      .patch(`/api/v1/customers/${ada.id}`)
      .set('Authorization', a.tokens.agent)
      .send({ tags: ['silver'] });
    expect(res.status).toBe(200);
    await waitFor(
      async () => ((await members(a, gold.id)).total === 0 ? true : undefined),
      'ada out of gold',
    );
    expect((await segmentEvents(gold.id)).map((e) => e.type)).toEqual(['segment.entered', 'segment.left']);
    const segment = await api().get(`/api/v1/segments/${gold.id}`).set('Authorization', a.tokens.marketer);
    expect(segment.body.count).toBe(0);
  });

  it('a deleted customer leaves their segments with segment.left', async () => {
    const grace = await createCustomer(a, { firstName: 'Grace', lastName: 'Hopper', tags: ['gold'] });
    await waitFor(async () => ((await members(a, gold.id)).total === 1 ? true : undefined), 'grace in gold');
    const res = await api().delete(`/api/v1/customers/${grace.id}`).set('Authorization', a.tokens.admin);
    expect(res.status).toBe(204);
    const ofGrace = (await segmentEvents(gold.id)).filter((e) => e.payload.customerId === grace.id);
    expect(ofGrace.map((e) => e.type)).toEqual(['segment.entered', 'segment.left']);
    expect(ofGrace[1]).toMatchObject({
      tenant_id: a.id,
      payload: { segmentId: gold.id, customerId: grace.id },
    });
    expect((await members(a, gold.id)).total).toBe(0);
    const segment = await api().get(`/api/v1/segments/${gold.id}`).set('Authorization', a.tokens.marketer);
    expect(segment.body.count).toBe(0);
  });

  it("never matches another tenant's customer and hides a segment from other tenants", async () => {
    const other = await createCustomer(b, { firstName: 'Bea', tags: ['gold'] });
    const bGold = await createSegment(b, 'Gold', { field: 'tags', op: 'has', value: 'gold' });
    await recomputeResult(bGold.recomputeWorkflowId!);
    await waitFor(async () => ((await members(b, bGold.id)).total === 1 ? true : undefined), 'bea in b gold');
    expect(await memberIds(b, bGold.id)).toEqual([other.id]);
    expect((await segmentEvents(gold.id)).some((e) => e.payload.customerId === other.id)).toBe(false);
    expect(await memberIds(a, gold.id)).toEqual([]);

    for (const [method, path] of [
      ['get', `/api/v1/segments/${gold.id}`],
      ['get', `/api/v1/segments/${gold.id}/members`],
      ['patch', `/api/v1/segments/${gold.id}`],
      ['delete', `/api/v1/segments/${gold.id}`],
    ] as const) {
      const res = await api()
        [method](path)
        .set('Authorization', b.tokens.admin)
        .send(method === 'patch' ? { name: 'Taken' } : undefined);
      expect(res.status).toBe(404);
    }
    const list = await api().get('/api/v1/segments').set('Authorization', b.tokens.marketer);
    expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([bGold.id]);
  });

  it('recomputes the membership of a new or edited segment as a workflow and emits the difference', async () => {
    const vips = [];
    for (let i = 0; i < 5; i += 1)
      vips.push(await createCustomer(a, { firstName: `Vip${i}`, tags: ['club'] }));
    await createCustomer(a, { firstName: 'Outsider', tags: ['other'] });
    await waitFor(async () => {
      const res = await api()
        .get('/api/v1/customers')
        .query({ tag: 'club' })
        .set('Authorization', a.tokens.agent);
      return res.body.total === 5 ? true : undefined;
    }, 'the club customers indexed');

    const club = await createSegment(a, 'Club', { field: 'tags', op: 'has', value: 'club' });
    expect(club.recomputeWorkflowId).toBe(`segment-recompute-${club.id}-v1`);
    const first = await recomputeResult(club.recomputeWorkflowId!);
    expect(first).toMatchObject({ phase: 'done', total: 5, matched: 5, entered: 5, left: 0 });
    expect(await memberIds(a, club.id)).toEqual(vips.map((v) => v.id).sort());

    const handle = stack.env.client.workflow.getHandle(club.recomputeWorkflowId!);
    const description = await handle.describe();
    expect(description.searchAttributes).toMatchObject({
      TenantId: [a.id],
      SegmentId: [club.id],
      WorkflowKind: ['segmentRecompute'],
    });
    expect((await handle.query(segmentRecomputeProgressQuery)).phase).toBe('done');

    const edited = await api()
      .patch(`/api/v1/segments/${club.id}`)
      .set('Authorization', a.tokens.marketer)
      .send({
        filter: {
          and: [
            { field: 'tags', op: 'has', value: 'club' },
            { field: 'firstName', op: 'in', value: ['Vip0', 'Vip1'] },
          ],
        },
      });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      definitionVersion: 2,
      recomputeWorkflowId: `segment-recompute-${club.id}-v2`,
    });
    const second = await recomputeResult(edited.body.recomputeWorkflowId);
    expect(second).toMatchObject({ phase: 'done', matched: 2, entered: 0, left: 3 });
    expect(await memberIds(a, club.id)).toEqual([vips[0]!.id, vips[1]!.id].sort());
    const events = await segmentEvents(club.id);
    expect(events.filter((e) => e.type === 'segment.entered')).toHaveLength(5);
    expect(
      events
        .filter((e) => e.type === 'segment.left')
        .map((e) => e.payload.customerId)
        .sort(),
    ).toEqual(
      vips
        .slice(2)
        .map((v) => v.id)
        .sort(),
    );
    const segment = await api().get(`/api/v1/segments/${club.id}`).set('Authorization', a.tokens.marketer);
    expect(segment.body).toMatchObject({ count: 2, recomputing: false });
  }, 60_000);

  it('refuses an invalid filter with 400 naming the path and why, and saves nothing', async () => {
    const before = (await api().get('/api/v1/segments').set('Authorization', a.tokens.marketer)).body.total;
    const res = await api()
      .post('/api/v1/segments')
      .set('Authorization', a.tokens.marketer)
      .send({
        name: 'Broken',
        filter: {
          and: [
            { field: 'firstName', op: 'gt', value: 'A' },
            { field: 'shoeSize', op: 'eq', value: 42 },
          ],
        },
      });
    expect(res.status).toBe(400);
    const paths = (res.body.error.fields as { path: string; message: string }[]).map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['body.filter.and.0.op', 'body.filter.and.1.field']));
    expect(
      res.body.error.fields.find((f: { path: string }) => f.path === 'body.filter.and.0.op').message,
    ).toMatch(/gt/);
    const raw = await api()
      .post('/api/v1/segments/preview')
      .set('Authorization', a.tokens.marketer)
      .send({ filter: { bool: { must: [] } } });
    expect(raw.status).toBe(400);
    expect((await api().get('/api/v1/segments').set('Authorization', a.tokens.marketer)).body.total).toBe(
      before,
    );
  });

  it('answers 503 on segment searches while OpenSearch is down, keeps customer writes, and catches up', async () => {
    await stack.proxy.cut();
    try {
      const preview = await api()
        .post('/api/v1/segments/preview')
        .set('Authorization', a.tokens.marketer)
        .send({ filter: { field: 'tags', op: 'has', value: 'gold' } });
      expect(preview.status).toBe(503);
      expect(preview.body.error.message).toMatch(/search is unavailable/);
      const creating = await api()
        .post('/api/v1/segments')
        .set('Authorization', a.tokens.marketer)
        .send({ name: 'During outage', filter: { field: 'vip', op: 'isTrue' } });
      expect(creating.status).toBe(503);
      // Stored segments and their counts are still served from PostgreSQL.
      expect(
        (await api().get(`/api/v1/segments/${gold.id}`).set('Authorization', a.tokens.marketer)).status,
      ).toBe(200);

      const failuresBefore = stack.relay.stats().failures;
      const late = await createCustomer(a, { firstName: 'Late', tags: ['gold'] });
      await waitFor(
        async () => (stack.relay.stats().failures > failuresBefore ? true : undefined),
        'the relay to hit the outage',
      );
      expect(await memberIds(a, gold.id)).toEqual([]);

      await stack.proxy.open();
      await waitFor(
        async () => ((await members(a, gold.id)).total === 1 ? true : undefined),
        'membership to catch up',
      );
      expect(await memberIds(a, gold.id)).toEqual([late.id]);
      const list = await api().get('/api/v1/segments').set('Authorization', a.tokens.marketer);
      expect(list.body.items.map((s: { name: string }) => s.name)).not.toContain('During outage');
    } finally {
      await stack.proxy.open();
    }
  }, 60_000);
});
