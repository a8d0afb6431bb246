import request from 'supertest';
import type { Express } from 'express';
import { FIXTURE_NOW, seedFixtureTenant, type FixtureIds } from './support/fixtureTenant';
import { openTestContext, type TestContext } from './support/testContext';

// Real services on a shared 2-core machine: give each step room (jest ignores the preset's testTimeout
// when it runs several projects).
jest.setTimeout(60_000);

// Hand-computed from the fixture (support/fixtureTenant.ts), tenant time zone Europe/Paris,
// default analytics settings, clock at 2026-06-15 12:00 UTC.
let ctx: TestContext;
let app: Express;
let ids: FixtureIds;
let manager: string;

beforeAll(async () => {
  ctx = await openTestContext('analytics');
  app = ctx.appWith({ now: () => FIXTURE_NOW });
  ids = await seedFixtureTenant(ctx.orm, ctx.a.id);
  manager = `Bearer ${await ctx.token(ctx.a, 'manager')}`;
}, 60_000);
afterAll(() => ctx?.close());

type Body = Record<string, unknown> & { kpis: Record<string, { current: unknown }> };
const get = async (path: string, status = 200): Promise<Body> => {
  const res = await request(app).get(`/api/v1/analytics/${path}`).set('Authorization', manager);
  expect(res.status).toBe(status);
  return res.body as Body;
};
const current = (kpis: Record<string, { current: unknown }>) =>
  Object.fromEntries(Object.entries(kpis).map(([k, v]) => [k, v.current]));

describe('GET /analytics/overview', () => {
  it('gives the last 30 days beside the 30 before', async () => {
    // 2026-05-16 12:00 → 2026-06-15 12:00. Orders: Fiona's 60. Surveys: CSAT 2 (0 %), NPS 3
    // (−100). Engagement: Fiona alone, 2 inbound on 2 channels + 2 answers → 48. Tickets opened:
    // T1-T4, 2 breached → 50 %. First replies 30, 60, 360 min → median 60; resolved: T3 in 1440.
    const body = await get('overview');
    expect(body['previousRange']).toEqual({
      from: '2026-04-16T12:00:00.000Z',
      to: '2026-05-16T12:00:00.000Z',
    });
    expect(current(body['kpis'])).toEqual({
      customers: 2,
      newCustomers: 0,
      activeCustomers: 1,
      orders: 1,
      revenue: 60,
      averageOrderValue: 60,
      csat: 0,
      csatAnswers: 1,
      nps: -100,
      npsAnswers: 1,
      engagement: 48,
      engagedCustomers: 1,
      ticketsOpened: 4,
      slaBreachRate: 50,
      medianFirstResponseMinutes: 60,
      medianResolutionMinutes: 1440,
    });
    // Nothing happened in the previous 30 days but the two customers existing.
    expect(body['kpis']['revenue']).toEqual({ current: 60, previous: 0, change: 60, changePercent: null });
    expect(body['kpis']['customers']).toEqual({ current: 2, previous: 2, change: 0, changePercent: 0 });
  });

  it('compares a longer range, and narrows to a segment', async () => {
    // 2026-01-01 → now: 4 orders (100 + 200 + 60 + 40 = 400, AOV 100); CSAT 2 and 5 → 50 %; NPS 3
    // and 10 → 0; engagement: Fiona 48, Gus (1 WhatsApp message + 2 answers: 0.7 × 0.3 + 0.3 / 3
    // = 0.31) 31 → 39.5; 5 tickets, 2 breached → 40 %; first replies 30, 30, 60, 360 → 45;
    // resolutions 240 and 1440 → 840. Previous range (2025-07-19 12:00 → 2026-01-01): Fiona signed up.
    const range = 'from=2026-01-01T00:00:00Z&to=2026-06-15T12:00:00Z';
    const all = await get(`overview?${range}`);
    expect(current(all['kpis'])).toMatchObject({
      customers: 2,
      newCustomers: 1,
      activeCustomers: 2,
      orders: 4,
      revenue: 400,
      averageOrderValue: 100,
      csat: 50,
      nps: 0,
      engagement: 39.5,
      ticketsOpened: 5,
      slaBreachRate: 40,
      medianFirstResponseMinutes: 45,
      medianResolutionMinutes: 840,
    });
    expect(all['kpis']['newCustomers']).toEqual({ current: 1, previous: 1, change: 0, changePercent: 0 });
    // The segment holds Fiona only.
    const segment = await get(`overview?${range}&segment=${ids.segment}`);
    expect(current(segment['kpis'])).toMatchObject({
      customers: 1,
      orders: 3,
      revenue: 360,
      averageOrderValue: 120,
      csat: 0,
      nps: -100,
      engagement: 48,
      ticketsOpened: 4,
      medianResolutionMinutes: 1440,
    });
    // Only Fiona has an e-mail conversation.
    const email = await get(`overview?${range}&channel=email`);
    expect(current(email['kpis'])).toMatchObject({ customers: 1, orders: 3, revenue: 360 });
  });
});

describe('GET /analytics/trends', () => {
  // Six Paris months: 2026-01-01 00:00 to 2026-07-01 00:00 local.
  const range = 'from=2025-12-31T23:00:00Z&to=2026-06-30T22:00:00Z';
  const series = async (metric: string) => {
    const body = await get(`trends?metric=${metric}&interval=month&${range}`);
    return (body['points'] as { key: string; count: number; value: number | null }[]).map((p) => [
      p.key,
      p.count,
      p.value,
    ]);
  };

  it('buckets CSAT and NPS by month in the tenant time zone, empty months included', async () => {
    expect(await series('csat')).toEqual([
      ['2026-01', 0, null],
      ['2026-02', 1, 100], // Gus: 5
      ['2026-03', 0, null],
      ['2026-04', 0, null],
      ['2026-05', 0, null],
      ['2026-06', 1, 0], // Fiona: 2
    ]);
    expect(await series('nps')).toEqual([
      ['2026-01', 0, null],
      ['2026-02', 0, null],
      ['2026-03', 1, 100], // Gus: 10
      ['2026-04', 0, null],
      ['2026-05', 0, null],
      ['2026-06', 1, -100], // Fiona: 3
    ]);
  });

  it('charts mean CLV of the buyers at each month end, and engagement of the active customers', async () => {
    // End of January: Fiona 1317.5 (one order of 100 over the 90-day minimum). End of February:
    // Gus joins with 40 + 40 × (365.25 / 90) × 3 = 527 → (1317.5 + 527) / 2 = 922.25. End of
    // March: Fiona 3952.5 (300, AOV 150, 2 orders in 90 days) → (3952.5 + 527) / 2 = 2239.75.
    const clv = await series('clv');
    expect(clv.slice(0, 3)).toEqual([
      ['2026-01', 1, 1317.5],
      ['2026-02', 2, 922.25],
      ['2026-03', 2, 2239.75],
    ]);
    // February: Gus, 1 WhatsApp message + 1 CSAT answer = 2 of 10 → 0.7 × 0.2 + 0.3 / 3 → 24.
    // March: Gus's NPS answer alone → 0.7 × 0.1 → 7. June: Fiona → 48.
    expect(await series('engagement')).toEqual([
      ['2026-01', 0, null],
      ['2026-02', 1, 24],
      ['2026-03', 1, 7],
      ['2026-04', 0, null],
      ['2026-05', 0, null],
      ['2026-06', 1, 48],
    ]);
  });

  it('refuses bad parameters with 400 naming the field', async () => {
    const fieldsOf = async (query: string) =>
      ((await get(`trends?${query}`, 400))['error'] as { fields: { path: string }[] }).fields.map(
        (f) => f.path,
      );
    expect(await fieldsOf('interval=hour')).toEqual(['query.metric', 'query.interval']);
    expect(await fieldsOf('metric=csat&from=2026-06-01T00:00:00Z&to=2026-05-01T00:00:00Z')).toEqual([
      'query.to',
    ]);
    expect(await fieldsOf('metric=csat&from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z')).toEqual([
      'query.from',
    ]);
    expect(
      await fieldsOf('metric=csat&interval=day&from=2025-01-01T00:00:00Z&to=2026-06-01T00:00:00Z'),
    ).toEqual(['query.interval']);
    expect(await fieldsOf('metric=csat&to=yesterday')).toEqual(['query.to']);
    expect(await fieldsOf(`metric=csat&segment=${ctx.b.id}`)).toEqual(['query.segment']);
  });
});

describe('GET /analytics/cohorts, /funnel, /channels', () => {
  it('builds the retention matrix by first-purchase month', async () => {
    // Fiona bought in January, March and May (Paris months); Gus in February only.
    const body = await get('cohorts?from=2025-12-01T00:00:00Z&to=2026-06-15T12:00:00Z');
    expect(body['cohorts']).toEqual([
      { cohort: '2026-01', size: 1, retained: [1, 0, 1, 0, 1, 0], rates: [100, 0, 100, 0, 100, 0] },
      { cohort: '2026-02', size: 1, retained: [1, 0, 0, 0, 0], rates: [100, 0, 0, 0, 0] },
    ]);
  });

  it('counts the funnel over ordered steps within the window, never rising', async () => {
    // Both visited and signed up; Fiona added to cart 39 days after her visit; nobody has a
    // checkout_started event, so nobody reaches purchase through it.
    const body = await get('funnel?from=2025-11-01T00:00:00Z&to=2026-06-15T12:00:00Z&windowDays=60');
    expect(body['steps']).toEqual([
      { step: 'visit', count: 2, fromPrevious: null, fromFirst: 100 },
      { step: 'signup', count: 2, fromPrevious: 100, fromFirst: 100 },
      { step: 'add_to_cart', count: 1, fromPrevious: 50, fromFirst: 50 },
      { step: 'checkout_started', count: 0, fromPrevious: 0, fromFirst: 0 },
      { step: 'purchase', count: 0, fromPrevious: null, fromFirst: 0 },
    ]);
    // Fiona's first purchase came 40 days after her visit, Gus's 9 days after his.
    const counts = async (windowDays: number) =>
      (
        (
          await get(
            `funnel?from=2025-11-01T00:00:00Z&to=2026-06-15T12:00:00Z&steps=visit,signup,purchase&windowDays=${windowDays}`,
          )
        )['steps'] as { count: number }[]
      ).map((s) => s.count);
    expect(await counts(60)).toEqual([2, 2, 2]);
    expect(await counts(30)).toEqual([2, 2, 1]);
    const bad = await get('funnel?steps=visit&windowDays=0', 400);
    expect((bad['error'] as { fields: { path: string }[] }).fields.map((f) => f.path)).toEqual([
      'query.steps',
      'query.windowDays',
    ]);
  });

  it('gives volume, median reply and resolution times and CSAT per channel', async () => {
    // Email: Fiona's thread, answered in 30 min, its ticket still open. WhatsApp: Fiona's (5 min,
    // no ticket) and Gus's (30 min, ticket resolved 4 h after it opened, CSAT 5).
    const body = await get('channels?from=2026-01-01T00:00:00Z&to=2026-06-15T12:00:00Z');
    expect(body['channels']).toEqual([
      {
        channel: 'email',
        volume: 1,
        medianFirstResponseMinutes: 30,
        medianResolutionMinutes: null,
        csat: null,
        csatAnswers: 0,
      },
      {
        channel: 'whatsapp',
        volume: 2,
        medianFirstResponseMinutes: 17.5,
        medianResolutionMinutes: 240,
        csat: 100,
        csatAnswers: 1,
      },
    ]);
  });

  it('is for managers, marketers and admins, not agents', async () => {
    const res = await request(app)
      .get('/api/v1/analytics/overview')
      .set('Authorization', `Bearer ${await ctx.token(ctx.a, 'agent')}`);
    expect(res.status).toBe(403);
  });
});
