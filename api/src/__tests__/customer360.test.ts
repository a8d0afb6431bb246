import request from 'supertest';
import type { Express } from 'express';
import { forTenant, saveSlaSettings } from '@c360/store';
import { FIXTURE_NOW, seedFixtureTenant, type FixtureIds } from './support/fixtureTenant';
import { openTestContext, type TestContext } from './support/testContext';

// Real services on a shared 2-core machine: give each step room (jest ignores the preset's testTimeout
// when it runs several projects).
jest.setTimeout(60_000);

// Every number below is worked out by hand from the fixture (see support/fixtureTenant.ts),
// with the default analytics settings, as of 2026-06-15 12:00 UTC, tenant time zone Europe/Paris.
let ctx: TestContext;
let app: Express;
let ids: FixtureIds;
let agent: string;

beforeAll(async () => {
  ctx = await openTestContext('c360');
  app = ctx.appWith({ now: () => FIXTURE_NOW });
  ids = await seedFixtureTenant(ctx.orm, ctx.a.id);
  agent = `Bearer ${await ctx.token(ctx.a, 'agent')}`;
}, 60_000);
afterAll(() => ctx?.close());

const get360 = async (id: string) => {
  const res = await request(app).get(`/api/v1/customers/${id}/360`).set('Authorization', agent);
  expect(res.status).toBe(200);
  return res.body as Record<string, unknown>;
};

describe('GET /customers/:id/360 on the fixture tenant', () => {
  it('sums up the orders: 3 won deals, 100 + 200 + 60 = 360, AOV 120, the open deal apart', async () => {
    const view = await get360(ids.fiona);
    expect(view['orders']).toEqual({
      count: 3,
      total: 360,
      averageOrderValue: 120,
      currency: 'EUR',
      firstOrderAt: '2026-01-10T12:00:00.000Z',
      lastOrderAt: '2026-05-20T12:00:00.000Z',
      openDeals: 1,
      recent: [
        expect.objectContaining({ amount: 60, closedAt: '2026-05-20T12:00:00.000Z' }),
        expect.objectContaining({ amount: 200, closedAt: '2026-03-01T12:00:00.000Z' }),
        expect.objectContaining({ amount: 100, closedAt: '2026-01-10T12:00:00.000Z' }),
      ],
    });
    expect(view['scores']).toEqual({ source: 'computed', computedAt: '2026-06-15T12:00:00.000Z' });
  });

  it('scores RFM against the tenant quintiles: Champions', async () => {
    // Buyers: Fiona (last order 26 days ago, 3 orders, 360) and Gus (125 days, 1, 40). With two
    // values the quintile cut points are a + (b − a)·q: recency 45.8/65.6/85.4/105.2, frequency
    // 1.4/1.8/2.2/2.6, monetary 104/168/232/296. Fiona is at or below every recency cut (R 5) and
    // above every F and M cut (5, 5): FM = 5 → Champions.
    const view = await get360(ids.fiona);
    expect(view['rfm']).toEqual({
      recencyDays: 26,
      frequency: 3,
      monetary: 360,
      r: 5,
      f: 5,
      m: 5,
      segment: 'Champions',
    });
  });

  it('gives CLV with its formula, inputs, 90-day change and monthly trend', async () => {
    // 2026-01-10 → 2026-06-15 is 156 days; 3 orders → 3 × 365.25 / 156 = 7.0240 a year;
    // predicted = 120 × 7.024038 × 3 years = 2528.65; total = 360 + 2528.65 = 2888.65.
    // 90 days earlier (2026-03-17): 2 orders, 300, observed 66 days → 90 (the minimum);
    // 2 × 365.25 / 90 = 8.116667 a year; 150 × 8.116667 × 3 = 3652.5; total 3952.5.
    // Change: 2888.65 − 3952.5 = −1063.85, i.e. −26.9%.
    const { clv } = (await get360(ids.fiona)) as {
      clv: Record<string, unknown> & { trend: Record<string, unknown>[] };
    };
    expect(clv).toMatchObject({
      historical: 360,
      predicted: 2528.65,
      total: 2888.65,
      inputs: {
        orders: 3,
        averageOrderValue: 120,
        observedDays: 156,
        purchasesPerYear: 7.024,
        expectedLifetimeYears: 3,
      },
      change: { previousTotal: 3952.5, change: -1063.85, changePercent: -26.9 },
    });
    // Thirteen Paris months, 2025-06 to 2026-06. End of January: one order of 100 seen over the
    // 90-day minimum: 100 × (365.25 / 90) × 3 = 1217.5, + 100 = 1317.5. End of March: as on 2026-03-17.
    expect(clv.trend).toHaveLength(13);
    expect(clv.trend.map((p) => p['key'])).toEqual([
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
    expect(clv.trend[0]).toMatchObject({ key: '2025-06', historical: 0, total: 0 });
    expect(clv.trend[7]).toMatchObject({
      key: '2026-01',
      start: '2025-12-31T23:00:00.000Z',
      historical: 100,
      total: 1317.5,
    });
    expect(clv.trend[9]).toMatchObject({ key: '2026-03', historical: 300, total: 3952.5 });
    expect(clv.trend[12]).toMatchObject({ key: '2026-06', historical: 360, total: 2888.65 });
  });

  it('explains the health score factor by factor', async () => {
    // recency: last inbound message 2 h ago → 0 days → 1 × 25 = 25
    // engagement: 2 inbound messages (email, WhatsApp) + 2 survey answers in 30 days = 4 of 10 →
    //   0.7 × 0.4 + 0.3 × 2/3 = 0.48 → 48 → 0.48 × 20 = 9.6
    // satisfaction: CSAT 2 → 0 %, NPS 3 → −100 → both 0 → 0
    // open tickets: 3 (T1, T2, T4) of a limit of 5 → 0.4 × 10 = 4
    // SLA breaches in 90 days: 2 (T2, T3) of 3 → 1/3 × 10 = 3.3
    // order trend: last 90 days 60, the 90 before 300 → (60 − 300) / 300 = −0.8 → 0.1 × 15 = 1.5
    // score = 25 + 9.6 + 0 + 4 + 3.33 + 1.5 = 43.43 → 43, neutral (40..69)
    const { health } = (await get360(ids.fiona)) as { health: Record<string, unknown> };
    expect(health).toEqual({
      score: 43,
      band: 'neutral',
      previousScore: null,
      change: null,
      factors: [
        { name: 'recency', raw: 0, value: 1, weight: 0.25, contribution: 25 },
        { name: 'engagement', raw: 48, value: 0.48, weight: 0.2, contribution: 9.6 },
        { name: 'satisfaction', raw: 0, value: 0, weight: 0.2, contribution: 0 },
        { name: 'openTickets', raw: 3, value: 0.4, weight: 0.1, contribution: 4 },
        { name: 'slaBreaches', raw: 2, value: 0.3333, weight: 0.1, contribution: 3.3 },
        { name: 'orderTrend', raw: -0.8, value: 0.1, weight: 0.15, contribution: 1.5 },
      ],
    });
  });

  it('gives churn risk with its drivers, the VIP verdict and the survey summary', async () => {
    // Default model: −3 + 0.45 × 26/30 + (−0.6) × ln 4 + 1.2 × 0.9 + 0.3 × 3 + 0.4 × 2 + 1.5 × 1
    //   = −3 + 0.39 − 0.8318 + 1.08 + 0.9 + 0.8 + 1.5 = 0.8382 → 1 / (1 + e^−0.8382) = 0.6981: high.
    // VIP rule: top 5% by CLV; of 2 buyers the top 1 is Fiona (2888.65 against Gus's 390.64).
    const view = (await get360(ids.fiona)) as Record<string, Record<string, unknown>>;
    expect(view['churn']).toEqual({
      probability: 0.6981,
      band: 'high',
      modelSource: 'default',
      drivers: [
        { feature: 'dissatisfaction', value: 1, coefficient: 1.5, contribution: 1.5 },
        { feature: 'orderDecline', value: 0.9, coefficient: 1.2, contribution: 1.08 },
        { feature: 'openTickets', value: 3, coefficient: 0.3, contribution: 0.9 },
      ],
    });
    expect(view['vip']).toEqual({
      isVip: true,
      flagged: false,
      matched: [{ kind: 'topPercentClv', percent: 5 }],
    });
    expect(view['engagement']).toEqual({ score: 48, interactions: 4, activeChannels: ['whatsapp', 'email'] });
    expect(view['surveys']).toEqual({ csat: 0, csatAnswers: 1, nps: -100, npsAnswers: 1 });
  });

  it('badges open tickets from their due dates: breached, at risk, ok', async () => {
    // T2: resolution was due 10:00, now 12:00 → breached, −120 min.
    // T4: resolution due 14:00 on a 48 h window → 46 h used, over the tenant's 80 % → at risk.
    // T1: first reply due 14:00 on a 4 h window → 2 h used, half → ok.
    const { slaRisks } = (await get360(ids.fiona)) as { slaRisks: Record<string, unknown>[] };
    expect(slaRisks).toEqual([
      expect.objectContaining({
        ticketId: ids.tickets.t2,
        badge: 'breached',
        deadline: 'resolution',
        minutesLeft: -120,
      }),
      expect.objectContaining({
        ticketId: ids.tickets.t4,
        badge: 'at_risk',
        deadline: 'resolution',
        minutesLeft: 120,
      }),
      expect.objectContaining({
        ticketId: ids.tickets.t1,
        badge: 'ok',
        deadline: 'first_response',
        minutesLeft: 120,
        dueAt: '2026-06-15T14:00:00.000Z',
      }),
    ]);
  });

  it("puts a ticket at risk from the tenant's SLA risk threshold", async () => {
    const em = forTenant(ctx.orm.em.fork(), ctx.a.id);
    const t1 = async () =>
      ((await get360(ids.fiona)) as { slaRisks: { ticketId: string; badge: string }[] }).slaRisks.find(
        (r) => r.ticketId === ids.tickets.t1,
      )?.badge;
    try {
      // T1 has used half of its first-response window.
      await saveSlaSettings(em, ctx.a.id, { riskThreshold: 0.5 });
      expect(await t1()).toBe('at_risk');
      await saveSlaSettings(em, ctx.a.id, { riskThreshold: 0.6 });
      expect(await t1()).toBe('ok');
    } finally {
      await saveSlaSettings(em, ctx.a.id, {});
    }
  });

  it('writes insight cards with the numbers behind them, most severe first', async () => {
    // Spend: last 90 days 60 against 300 before → −80 %. Tickets opened in 30 days: T1-T4, of
    // which T2 and T3 breached. Latest NPS 3 (detractor), latest CSAT 2. Inbound sentiment in 30
    // days: (−0.6 − 0.2) / 2 = −0.4. Churn 0.6981 → 70 %.
    const view = (await get360(ids.fiona)) as {
      insights: { kind: string; title: string; numbers: unknown }[];
    };
    expect(view.insights.map((c) => [c.kind, c.title, c.numbers])).toEqual([
      ['sla_breaches', '2 SLA breaches in the last 30 days', { breaches: 2, tickets: 4 }],
      ['open_tickets_at_risk', '1 open ticket past SLA', { breached: 1, atRisk: 1, open: 3 }],
      ['churn_risk', 'High churn risk (70%)', { probabilityPercent: 70 }],
      [
        'spend_change',
        'Spend down 80% vs previous 90 days',
        { last90Days: 60, previous90Days: 300, changePercent: -80 },
      ],
      ['survey_detractor', 'Detractor in last NPS survey (3/10)', { score: 3 }],
      ['csat_unhappy', 'Unhappy in last CSAT survey (2/5)', { score: 2 }],
      [
        'negative_sentiment',
        'Negative tone in recent messages (average -0.4 over 2)',
        { averageSentiment: -0.4, messages: 2 },
      ],
      ['vip', 'VIP customer', {}],
    ]);
    const insights = await request(app)
      .get(`/api/v1/customers/${ids.fiona}/insights`)
      .set('Authorization', agent);
    expect(insights.status).toBe(200);
    expect(insights.body.cards).toEqual(view.insights);
  });

  it('shows the latest call summary and the preferences', async () => {
    const view = (await get360(ids.fiona)) as Record<string, Record<string, unknown>>;
    expect(view['latestCall']).toEqual({
      id: expect.any(String),
      direction: 'inbound',
      durationSeconds: 300,
      summary: 'Customer called about a late refund. Follow-up needed.',
      actionItems: ['Send the refund confirmation'],
      startedAt: '2026-06-14T15:00:00.000Z',
      ticketId: ids.tickets.t2,
    });
    expect(view['preferences']).toMatchObject({ channels: { email: { optedIn: false } }, language: 'en' });
  });
});

describe('GET /customers/:id/journey on the fixture tenant', () => {
  type Event = { kind: string; at: string; stage: string; data: Record<string, unknown> };
  const page = (query: string) =>
    request(app).get(`/api/v1/customers/${ids.fiona}/journey?${query}`).set('Authorization', agent);

  it('pages through all 21 touchpoints newest first, with no repeat and no gap', async () => {
    // 4 messages, 4 tickets opened, 1 resolved, 1 call, 1 article view, 6 conversions, 2 surveys
    // sent, 2 answered = 21: pages of 5, 5, 5, 5, 1.
    const seen: Event[] = [];
    let cursor: string | null = null;
    const sizes: number[] = [];
    do {
      const res: request.Response = await page(`limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      sizes.push(res.body.items.length);
      seen.push(...(res.body.items as Event[]));
      cursor = res.body.nextCursor as string | null;
    } while (cursor);
    expect(sizes).toEqual([5, 5, 5, 5, 1]);
    expect(seen.map((e) => `${e.at.slice(0, 16)} ${e.kind}`)).toEqual([
      '2026-06-15T10:30 message',
      '2026-06-15T10:00 ticket_opened',
      '2026-06-15T10:00 message',
      '2026-06-14T15:00 call',
      '2026-06-14T10:00 ticket_opened',
      '2026-06-13T14:00 ticket_opened',
      '2026-06-12T08:00 knowledge_view',
      '2026-06-10T09:05 message',
      '2026-06-10T09:00 message',
      '2026-06-05T13:00 survey_answered',
      '2026-06-05T12:00 survey_sent',
      '2026-06-02T12:00 survey_answered',
      '2026-06-02T10:00 survey_sent',
      '2026-06-02T09:00 ticket_resolved',
      '2026-06-01T09:00 ticket_opened',
      '2026-05-20T12:00 conversion',
      '2026-03-01T12:00 conversion',
      '2026-01-10T12:00 conversion',
      '2026-01-09T18:00 conversion',
      '2025-12-01T10:05 conversion',
      '2025-12-01T10:00 conversion',
    ]);
    const byKind = (kind: string) => seen.filter((e) => e.kind === kind);
    expect(byKind('message')[1]).toMatchObject({
      stage: 'service',
      data: { channel: 'email', direction: 'inbound', sentiment: -0.6, ticketId: ids.tickets.t1 },
    });
    expect(byKind('message')[3]).toMatchObject({
      stage: 'consideration',
      data: { channel: 'whatsapp', sentiment: -0.2 },
    });
    expect(byKind('ticket_opened')[1]).toMatchObject({
      data: { ticketId: ids.tickets.t2, resolutionBreached: true, slaBreached: true },
    });
    expect(byKind('ticket_resolved')[0]).toMatchObject({
      data: { ticketId: ids.tickets.t3, firstResponseBreached: true, slaBreached: true },
    });
    expect(byKind('call')[0]!.data).toMatchObject({
      summary: 'Customer called about a late refund. Follow-up needed.',
    });
    expect(byKind('knowledge_view')[0]).toMatchObject({
      stage: 'service',
      data: { title: 'Returns policy', durationSeconds: 45 },
    });
    expect(byKind('survey_answered').map((e) => [e.data['surveyKind'], e.data['score']])).toEqual([
      ['nps', 3],
      ['csat', 2],
    ]);
    expect(byKind('conversion').map((e) => [e.data['type'], e.stage])).toEqual([
      ['purchase', 'purchase'],
      ['purchase', 'purchase'],
      ['purchase', 'purchase'],
      ['add_to_cart', 'consideration'],
      ['signup', 'consideration'],
      ['visit', 'awareness'],
    ]);
  });

  it('filters by stage and by kind', async () => {
    const purchases = await page('stage=purchase');
    expect(purchases.body.items.map((e: Event) => e.data['value'])).toEqual([60, 200, 100]);
    const calls = await page('kinds=call,knowledge_view');
    expect(calls.body.items.map((e: Event) => e.kind)).toEqual(['call', 'knowledge_view']);
  });

  it('groups by stage with counts, spans and the newest events of each', async () => {
    // awareness: visit; consideration: signup, add_to_cart, 2 WhatsApp messages; purchase: 3;
    // service: 4 opened + 1 resolved + call + view + 2 email messages = 9; loyalty: 4 survey events.
    const res = await request(app)
      .get(`/api/v1/customers/${ids.fiona}/journey/stages?perStage=2`)
      .set('Authorization', agent);
    expect(res.status).toBe(200);
    const stages = res.body.stages as {
      stage: string;
      count: number;
      firstAt: string;
      lastAt: string;
      events: Event[];
      nextCursor: string | null;
    }[];
    expect(stages.map((s) => [s.stage, s.count, s.events.length, s.nextCursor !== null])).toEqual([
      ['awareness', 1, 1, false],
      ['consideration', 4, 2, true],
      ['purchase', 3, 2, true],
      ['service', 9, 2, true],
      ['loyalty', 4, 2, true],
    ]);
    expect(stages[2]).toMatchObject({
      firstAt: '2026-01-10T12:00:00.000Z',
      lastAt: '2026-05-20T12:00:00.000Z',
    });
    // The stage's cursor continues it on the timeline route.
    const rest = await page(`stage=purchase&cursor=${stages[2]!.nextCursor}`);
    expect(rest.body.items.map((e: Event) => e.data['value'])).toEqual([100]);
    expect(rest.body.nextCursor).toBeNull();
  });

  it('refuses a forged cursor and an unknown kind, naming the field', async () => {
    const res = await page('cursor=bm90LWEtY3Vyc29y&kinds=call,fax');
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'query.cursor',
      'query.kinds',
    ]);
  });
});

describe('tenancy and the feature flags', () => {
  it('answers 404 for a customer of another tenant on every 360 route', async () => {
    const bAgent = `Bearer ${await ctx.token(ctx.b, 'agent')}`;
    for (const path of ['360', 'insights', 'journey', 'journey/stages']) {
      const res = await request(app)
        .get(`/api/v1/customers/${ids.fiona}/${path}`)
        .set('Authorization', bAgent);
      expect(res.status).toBe(404);
    }
  });

  it('answers 403 naming the flag when the tenant turns the 360 widgets or analytics off', async () => {
    const em = ctx.orm.em.fork();
    await em.getConnection().execute(
      `insert into feature_flag (id, tenant_id, key, enabled, created_at, updated_at)
       values (gen_random_uuid(), ?, 'customers.360', false, now(), now()), (gen_random_uuid(), ?, 'area.analytics', false, now(), now())`,
      [ctx.b.id, ctx.b.id],
    );
    const bAgent = `Bearer ${await ctx.token(ctx.b, 'agent')}`;
    const bManager = `Bearer ${await ctx.token(ctx.b, 'manager')}`;
    const customer = await request(app)
      .post('/api/v1/customers')
      .set('Authorization', bAgent)
      .send({ firstName: 'Flag', lastName: 'Off' });
    const res = await request(app)
      .get(`/api/v1/customers/${customer.body.id}/360`)
      .set('Authorization', bAgent);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('feature "customers.360" is disabled for this tenant');
    const journey = await request(app)
      .get(`/api/v1/customers/${customer.body.id}/journey`)
      .set('Authorization', bAgent);
    expect(journey.status).toBe(403);
    const analytics = await request(app).get('/api/v1/analytics/overview').set('Authorization', bManager);
    expect(analytics.status).toBe(403);
    expect(analytics.body.error.message).toBe('feature "area.analytics" is disabled for this tenant');
    // Tenant a has no flag rows: the defaults (on) apply.
    expect(
      (await request(app).get(`/api/v1/customers/${ids.gus}/360`).set('Authorization', agent)).status,
    ).toBe(200);
  });
});
