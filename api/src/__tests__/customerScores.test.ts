import request from 'supertest';
import type { Express } from 'express';
import { Deal, forTenant } from '@c360/store';
import { createCustomer, openTestContext, type TestContext } from './support/testContext';

/** The score endpoints on the real database: read, recompute on demand, CLV with its trend. */
const NOW = new Date('2026-06-15T12:00:00Z');
const daysAgo = (days: number): Date => new Date(NOW.getTime() - days * 86_400_000);

let ctx: TestContext;
let app: Express;
let agent: string;
let customerId: string;

beforeAll(async () => {
  ctx = await openTestContext('scores');
  app = ctx.appWith({ now: () => NOW });
  agent = `Bearer ${await ctx.token(ctx.a, 'agent')}`;
  customerId = (await createCustomer(ctx, ctx.a)).id;
  const em = forTenant(ctx.orm.em, ctx.a.id);
  for (const [amount, days] of [
    [200, 100],
    [300, 40],
  ] as const) {
    em.create(Deal, {
      tenant: ctx.a.id,
      customer: customerId,
      title: 'Order',
      amount,
      currency: 'EUR',
      status: 'won',
      stage: 'closed',
      closedAt: daysAgo(days),
    });
  }
  await em.flush();
}, 60_000);
afterAll(() => ctx?.close());

const scoreEvents = async (id: string) =>
  (
    await ctx.orm.em
      .fork()
      .getConnection()
      .execute<
        { type: string; payload: { reasons?: string[] } }[]
      >(`select type, payload from outbox_event where aggregate_id = ? order by id`, [id])
  ).map((r) => (r.type === 'customer.changed' ? `changed:${(r.payload.reasons ?? []).join(',')}` : r.type));

describe('customer scores API', () => {
  it('answers "not scored yet" before the first score', async () => {
    const res = await request(app)
      .get(`/api/v1/customers/${customerId}/health-score`)
      .set('Authorization', agent);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ customerId, scored: false, computedAt: null, health: null });
  });

  it('recomputes on demand: the new score with its factors, no previous score, and the first-score event', async () => {
    const res = await request(app)
      .post(`/api/v1/customers/${customerId}/health-score/rescore`)
      .set('Authorization', agent);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      customerId,
      changed: true,
      computedAt: NOW.toISOString(),
      previous: null,
    });
    expect(res.body.events).toContain('customer.health_score_updated');
    const factors = res.body.health.factors as { name: string; weight: number; contribution: number }[];
    expect(factors.map((f) => f.name).sort()).toEqual(
      ['engagement', 'openTickets', 'orderTrend', 'recency', 'satisfaction', 'slaBreaches'].sort(),
    );
    expect(factors.reduce((s, f) => s + f.weight, 0)).toBeCloseTo(1, 3);
    // The score is the sum of the contributions (each rounded to 0.1 point).
    expect(
      Math.abs(factors.reduce((s, f) => s + f.contribution, 0) - res.body.health.score),
    ).toBeLessThanOrEqual(1);
    // The relay is asked to reindex the customer, with a reason that is not a score input.
    const events = await scoreEvents(customerId);
    expect(events).toContain('changed:scores.updated');

    const read = await request(app)
      .get(`/api/v1/customers/${customerId}/health-score`)
      .set('Authorization', agent);
    expect(read.body).toMatchObject({ scored: true, computedAt: NOW.toISOString(), health: res.body.health });
  });

  it('answers a second recompute on unchanged data with changed=false, the previous score, and no event', async () => {
    const before = await scoreEvents(customerId);
    const first = await request(app)
      .get(`/api/v1/customers/${customerId}/health-score`)
      .set('Authorization', agent);
    const res = await request(app)
      .post(`/api/v1/customers/${customerId}/health-score/rescore`)
      .set('Authorization', agent);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      changed: false,
      events: [],
      health: { score: first.body.health.score },
      previous: {
        score: first.body.health.score,
        band: first.body.health.band,
        computedAt: NOW.toISOString(),
      },
    });
    expect(await scoreEvents(customerId)).toEqual(before);
  });

  it('serves the lifetime value with its formula, inputs and a monthly trend in the tenant time zone', async () => {
    const res = await request(app)
      .get(`/api/v1/customers/${customerId}/lifetime-value`)
      .query({ interval: 'month', from: '2026-01-15T00:00:00Z', to: NOW.toISOString() })
      .set('Authorization', agent);
    expect(res.status).toBe(200);
    expect(res.body.clv).toMatchObject({ historical: 500, inputs: { orders: 2, averageOrderValue: 250 } });
    expect(res.body.clv.formula).toMatch(/averageOrderValue/);
    const trend = res.body.trend as { key: string; historical: number }[];
    expect(trend.map((p) => p.key)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
    // 200 won on 2026-03-07, 300 on 2026-05-06.
    expect(trend.map((p) => p.historical)).toEqual([0, 0, 200, 200, 500, 500]);
  });

  it("answers 404 for another tenant's customer on every score route, and changes nothing", async () => {
    const other = `Bearer ${await ctx.token(ctx.b, 'admin')}`;
    const before = await scoreEvents(customerId);
    for (const [method, path] of [
      ['get', 'health-score'],
      ['post', 'health-score/rescore'],
      ['get', 'lifetime-value'],
    ] as const) {
      const res = await request(app)
        [method](`/api/v1/customers/${customerId}/${path}`)
        .set('Authorization', other);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    expect(await scoreEvents(customerId)).toEqual(before);
  });

  it('refuses bad input with 400 naming the field', async () => {
    const bad = async (path: string, query: Record<string, string> = {}) => {
      const res = await request(app).get(path).query(query).set('Authorization', agent);
      expect(res.status).toBe(400);
      return (res.body.error.fields as { path: string }[]).map((f) => f.path);
    };
    expect(await bad('/api/v1/customers/not-a-uuid/health-score')).toEqual(['params.id']);
    expect(await bad(`/api/v1/customers/${customerId}/lifetime-value`, { interval: 'year' })).toEqual([
      'query.interval',
    ]);
    expect(
      await bad(`/api/v1/customers/${customerId}/lifetime-value`, {
        from: '2026-06-01T00:00:00Z',
        to: '2026-05-01T00:00:00Z',
      }),
    ).toEqual(['query.to']);
    const post = await request(app)
      .post('/api/v1/customers/nope/health-score/rescore')
      .set('Authorization', agent);
    expect(post.status).toBe(400);
  });

  it('keeps the scores from ops and recomputes only for writers', async () => {
    const ops = `Bearer ${await ctx.token(ctx.a, 'ops')}`;
    const marketer = `Bearer ${await ctx.token(ctx.a, 'marketer')}`;
    expect(
      (await request(app).get(`/api/v1/customers/${customerId}/health-score`).set('Authorization', ops))
        .status,
    ).toBe(403);
    expect(
      (
        await request(app)
          .post(`/api/v1/customers/${customerId}/health-score/rescore`)
          .set('Authorization', marketer)
      ).status,
    ).toBe(403);
  });
});

describe('admin rescore', () => {
  const started: string[] = [];
  afterAll(async () => {
    for (const workflowId of started)
      await ctx.temporal.workflow
        .getHandle(workflowId)
        .terminate('api test cleanup')
        .catch(() => undefined);
  });

  it("starts the tenant's rescore workflow for an admin only, and hides it from another tenant", async () => {
    const admin = `Bearer ${await ctx.token(ctx.a, 'admin')}`;
    expect((await request(app).post('/api/v1/admin/rescore').set('Authorization', agent)).status).toBe(403);
    const requestId = `rescore-test-${Date.now()}`;
    const res = await request(app)
      .post('/api/v1/admin/rescore')
      .set('Authorization', admin)
      .set('X-Request-Id', requestId);
    expect(res.status).toBe(202);
    started.push(res.body.workflowId as string);
    expect(res.body.workflowId).toBe(`rescore-${ctx.a.id}-${requestId}`);
    const replay = await request(app)
      .post('/api/v1/admin/rescore')
      .set('Authorization', admin)
      .set('X-Request-Id', requestId);
    expect(replay.status).toBe(409);

    await ctx.temporal.workflow
      .getHandle(res.body.workflowId as string)
      .terminate('api test')
      .catch(() => undefined);
    const status = await request(app)
      .get(res.body.statusUrl as string)
      .set('Authorization', admin);
    expect(status.status).toBe(200);
    expect(['TERMINATED', 'COMPLETED']).toContain(status.body.status);
    const description = await ctx.temporal.workflow.getHandle(res.body.workflowId as string).describe();
    expect(description.typedSearchAttributes.getAll().map((p) => [p.key.name, p.value])).toEqual(
      expect.arrayContaining([
        ['TenantId', ctx.a.id],
        ['WorkflowKind', 'rescore'],
      ]),
    );

    const theirs = await request(app)
      .get(res.body.statusUrl as string)
      .set('Authorization', `Bearer ${await ctx.token(ctx.b, 'admin')}`);
    expect(theirs.status).toBe(404);
    const badId = await request(app).get('/api/v1/admin/rescore/reindex-x').set('Authorization', admin);
    expect(badId.status).toBe(400);
  });

  it("stores the tenant's score settings with defaults, refuses bad ones with 400, and applies them at the next recompute", async () => {
    const admin = `Bearer ${await ctx.token(ctx.a, 'admin')}`;
    const read = await request(app).get('/api/v1/admin/score-settings').set('Authorization', admin);
    expect(read.status).toBe(200);
    expect(read.body.vip.rule).toEqual({ kind: 'topPercentClv', percent: 5 });
    expect(read.body.health.eventDelta).toBe(10);

    const bad = await request(app)
      .put('/api/v1/admin/score-settings')
      .set('Authorization', admin)
      .send({
        vip: { rule: { kind: 'minLifetimeValue', amount: -5 } },
        health: { weights: { recency: 'a lot' } },
      });
    expect(bad.status).toBe(400);
    const paths = (bad.body.error.fields as { path: string }[]).map((f) => f.path).sort();
    expect(paths).toEqual(['body.health.weights.recency', 'body.vip.rule.amount']);
    expect((await request(app).get('/api/v1/admin/score-settings').set('Authorization', admin)).body).toEqual(
      read.body,
    );
    expect(
      (await request(app).put('/api/v1/admin/score-settings').set('Authorization', agent).send({})).status,
    ).toBe(403);

    const rule = async (amount: number) => {
      const put = await request(app)
        .put('/api/v1/admin/score-settings')
        .set('Authorization', admin)
        .send({ vip: { rule: { kind: 'minLifetimeValue', amount } } });
      expect(put.status).toBe(200);
      expect(put.body.vip.rule).toEqual({ kind: 'minLifetimeValue', amount });
      expect(put.body.health.eventDelta).toBe(10);
      return request(app)
        .post(`/api/v1/customers/${customerId}/health-score/rescore`)
        .set('Authorization', agent);
    };
    // 500 won: not VIP at 1000 (no event for leaving), VIP again at 400, announced once.
    expect((await rule(1000)).body).toMatchObject({ changed: true, events: [] });
    expect(
      (await request(app).get(`/api/v1/customers/${customerId}`).set('Authorization', agent)).body.isVip,
    ).toBe(false);
    expect((await rule(400)).body).toMatchObject({ changed: true, events: ['customer.vip_detected'] });
    const customer = await request(app).get(`/api/v1/customers/${customerId}`).set('Authorization', agent);
    expect(customer.body.isVip).toBe(true);
    expect(customer.body.scores.vip).toEqual({
      isVip: true,
      matched: [{ kind: 'minLifetimeValue', amount: 400 }],
    });
  });

  it('lists the score routes in the OpenAPI document', async () => {
    const doc = await request(app).get('/api/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/customers/{id}/health-score',
        '/api/v1/customers/{id}/health-score/rescore',
        '/api/v1/customers/{id}/lifetime-value',
        '/api/v1/admin/rescore',
        '/api/v1/admin/rescore/{workflowId}',
        '/api/v1/admin/score-settings',
      ]),
    );
  });
});
