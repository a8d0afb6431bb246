import { randomUUID } from 'node:crypto';
import {
  Conversation,
  createSearchClient,
  Customer,
  Deal,
  ensureCustomerIndex,
  forTenant,
  Message,
  saveAnalyticsSettings,
  SurveyRequest,
  SurveyResponse,
  Tenant,
  Ticket,
  useTestDatabase,
  type CustomerDocument,
} from '@c360/store';
import type { CustomerScores } from '@c360/domain';
import { createOutboxRelay, type OutboxRelay } from '../../outbox/createOutboxRelay';
import { rescoreChangedCustomers } from '../rescoreChangedCustomers';

/**
 * The relay keeps scores current, on the real PostgreSQL and OpenSearch: a change to a score
 * input recomputes the customer's scores, stores them, indexes them and raises exactly the
 * edge-triggered events; a change that moves no score stores and raises nothing.
 */
const NOW = new Date('2026-06-01T12:00:00Z');
const daysAgo = (days: number): Date => new Date(NOW.getTime() - days * 86_400_000);

const db = useTestDatabase();
const search = createSearchClient(process.env['C360_OPENSEARCH_URL'] ?? 'http://127.0.0.1:9200');
const indexPrefix = `${process.env['C360_INDEX_PREFIX'] ?? 'c360-test-'}scores-${randomUUID().slice(0, 8)}-`;
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
let index: string;
let relay: OutboxRelay;
let tenantId: string;

beforeAll(async () => {
  index = await ensureCustomerIndex(search, indexPrefix);
  const root = db.orm.em.fork();
  const tenant = root.create(Tenant, { name: 'Scores', slug: 'scores', timeZone: 'UTC' });
  await root.flush();
  tenantId = tenant.id;
  // The VIP rule and the health event threshold are tenant data.
  await saveAnalyticsSettings(root, tenantId, {
    vip: { rule: { kind: 'minLifetimeValue', amount: 1000 } },
    health: { eventDelta: 15 },
  });
  relay = createOutboxRelay({
    orm: db.orm,
    databaseUrl: db.url,
    search,
    indexPrefix,
    logger: silent,
    clock: () => NOW,
    rescore: rescoreChangedCustomers,
  });
});

afterAll(async () => {
  await search.indices.delete({ index }).catch(() => undefined);
  await search.close();
});

const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> =>
  db.orm.em.fork().getConnection().execute<T[]>(query, params);

/** The score events raised for a customer so far, oldest first. */
const scoreEventsOf = async (customerId: string) =>
  sql<{ type: string; payload: Record<string, unknown> }>(
    `select type, payload from outbox_event where aggregate_id = ? and type <> 'customer.changed' order by id`,
    [customerId],
  );

const storedOf = async (customerId: string) => {
  const [row] = await sql<{ scores: CustomerScores | null; is_vip: boolean }>(
    'select scores, is_vip from customer where id = ?',
    [customerId],
  );
  return row!;
};

const documentOf = async (customerId: string): Promise<CustomerDocument> => {
  const r = await search.get({ index, id: customerId });
  return r.body._source as CustomerDocument;
};

/** Runs the relay until nothing is pending (its own score events included). */
const settle = async (): Promise<void> => {
  while ((await relay.drain()) > 0);
};

describe('scores kept current by the relay', () => {
  let customerId: string;

  it('scores a new customer on creation, stores and indexes the scores, and announces the first health score', async () => {
    const em = forTenant(db.orm.em, tenantId);
    const c = em.create(Customer, {
      tenant: tenantId,
      firstName: 'Sven',
      lastName: 'Score',
      timeZone: 'UTC',
      language: 'en',
    });
    await em.flush();
    customerId = c.id;
    await settle();

    const stored = await storedOf(customerId);
    expect(stored.scores?.version).toBe(1);
    expect(stored.scores?.computedAt).toBe(NOW.toISOString());
    expect(stored.scores?.rfm).toBeNull();
    expect(stored.is_vip).toBe(false);
    const events = (await scoreEventsOf(customerId)).map((e) => e.type);
    expect(events).toContain('customer.health_score_updated');
    expect(events).not.toContain('customer.vip_detected');

    const doc = await documentOf(customerId);
    expect(doc.scores).toMatchObject({
      health: { score: stored.scores!.health.score, band: stored.scores!.health.band },
      churn: { probability: stored.scores!.churn.probability, band: stored.scores!.churn.band },
      vip: false,
      rfm: null,
    });
  });

  it('rescores on a won deal: the customer becomes VIP by the tenant rule, health jumps a band, and both are announced once', async () => {
    const before = await storedOf(customerId);
    const already = (await scoreEventsOf(customerId)).length;
    const em = forTenant(db.orm.em, tenantId);
    em.create(Deal, {
      tenant: tenantId,
      customer: customerId,
      title: 'Big order',
      amount: 1500,
      currency: 'EUR',
      status: 'won',
      stage: 'closed',
      closedAt: daysAgo(2),
    });
    await em.flush();
    await settle();

    const after = await storedOf(customerId);
    expect(after.is_vip).toBe(true);
    expect(after.scores?.vip).toEqual({ isVip: true, matched: [{ kind: 'minLifetimeValue', amount: 1000 }] });
    expect(after.scores?.clv.historical).toBe(1500);
    expect(after.scores?.rfm).toMatchObject({ recencyDays: 2, frequency: 1, monetary: 1500 });
    expect(after.scores!.health.score).toBeGreaterThan(before.scores!.health.score);
    expect(after.scores!.health.band).not.toBe(before.scores!.health.band);
    expect(after.scores!.health.previousScore).toBe(before.scores!.health.score);

    const raised = (await scoreEventsOf(customerId)).slice(already);
    expect(raised.map((e) => e.type).sort()).toEqual([
      'customer.health_score_updated',
      'customer.vip_detected',
    ]);
    expect(raised.find((e) => e.type === 'customer.health_score_updated')?.payload).toMatchObject({
      customerId,
      score: after.scores!.health.score,
      previousScore: before.scores!.health.score,
      band: after.scores!.health.band,
      previousBand: before.scores!.health.band,
    });

    const doc = await documentOf(customerId);
    expect(doc.isVip).toBe(true);
    expect(doc.scores).toMatchObject({
      vip: true,
      clv: { historical: 1500, value: after.scores!.clv.total },
      health: { score: after.scores!.health.score, band: after.scores!.health.band },
      rfm: { recencyDays: 2, frequency: 1, monetary: 1500, label: after.scores!.rfm!.segment },
    });
  });

  it('stores nothing and raises nothing when a change moves no score, and its own writes trigger no recompute', async () => {
    const before = await storedOf(customerId);
    const already = (await scoreEventsOf(customerId)).length;
    const em = forTenant(db.orm.em, tenantId);
    const deal = await em.findOneOrFail(Deal, { customer: customerId });
    deal.title = 'Big order (renamed)';
    await em.flush();
    await settle();

    expect(await storedOf(customerId)).toEqual(before);
    expect((await scoreEventsOf(customerId)).length).toBe(already);
    // Every customer.changed of this customer came from a write of the test, none from a score write.
    const [changed] = await sql<{ n: string }>(
      `select count(*) as n from outbox_event where aggregate_id = ? and type = 'customer.changed'`,
      [customerId],
    );
    expect(Number(changed?.n)).toBe(3);
    const [pending] = await sql<{ n: string }>(
      'select count(*) as n from outbox_event where processed_at is null',
    );
    expect(Number(pending?.n)).toBe(0);
  });

  it('rescores on a ticket with an SLA breach: the health score drops below the band and only that is announced', async () => {
    const before = await storedOf(customerId);
    const already = (await scoreEventsOf(customerId)).length;
    const em = forTenant(db.orm.em, tenantId);
    em.create(Ticket, {
      tenant: tenantId,
      customer: customerId,
      subject: 'Parcel lost',
      slaPolicy: 'standard',
      status: 'open',
      firstResponseBreached: true,
      createdAt: daysAgo(1),
    });
    await em.flush();
    await settle();

    const after = await storedOf(customerId);
    const factor = (name: string) => after.scores!.health.factors.find((f) => f.name === name);
    expect(factor('openTickets')?.raw).toBe(1);
    expect(factor('slaBreaches')?.raw).toBe(1);
    expect(after.scores!.health.score).toBeLessThan(before.scores!.health.score);
    const raised = (await scoreEventsOf(customerId)).slice(already).map((e) => e.type);
    expect(after.scores!.health.band).not.toBe(before.scores!.health.band);
    expect(raised).toEqual(['customer.health_score_updated']);
    expect((await documentOf(customerId)).scores?.health.score).toBe(after.scores!.health.score);
  });

  it('stores a smaller move from survey answers without announcing it (under the tenant threshold, same band)', async () => {
    const before = await storedOf(customerId);
    const already = (await scoreEventsOf(customerId)).length;
    const em = forTenant(db.orm.em, tenantId);
    // Answered 40 days ago: inside the health window (90 days), outside the engagement window (30).
    for (const score of [5, 5, 1]) {
      const request = em.create(SurveyRequest, {
        tenant: tenantId,
        customer: customerId,
        kind: 'csat',
        channel: 'email',
        token: randomUUID(),
        status: 'answered',
        expiresAt: daysAgo(30),
      });
      em.create(SurveyResponse, {
        tenant: tenantId,
        request,
        customer: customerId,
        kind: 'csat',
        score,
        channel: 'email',
        answeredAt: daysAgo(40),
      });
    }
    await em.flush();
    await settle();

    const after = await storedOf(customerId);
    expect(after.scores!.surveys).toMatchObject({ csat: 66.7, csatAnswers: 3 });
    expect(after.scores!.health.score).toBeGreaterThan(before.scores!.health.score);
    expect(after.scores!.health.score - before.scores!.health.score).toBeLessThanOrEqual(15);
    expect(after.scores!.health.band).toBe(before.scores!.health.band);
    expect((await scoreEventsOf(customerId)).length).toBe(already);
    expect((await documentOf(customerId)).scores?.health.score).toBe(after.scores!.health.score);
  });

  it('rescores on an inbound message: engagement counts it on its channel', async () => {
    const before = await storedOf(customerId);
    const em = forTenant(db.orm.em, tenantId);
    const conversation = em.create(Conversation, {
      tenant: tenantId,
      customer: customerId,
      channel: 'whatsapp',
    });
    await em.flush();
    await settle();
    // A conversation without messages moves nothing.
    expect(await storedOf(customerId)).toEqual(before);

    em.create(Message, {
      tenant: tenantId,
      conversation,
      channel: 'whatsapp',
      direction: 'inbound',
      body: 'Hello again',
      deliveryStatus: 'received',
      sentAt: daysAgo(1),
    });
    await em.flush();
    await settle();
    const after = await storedOf(customerId);
    expect(after.scores!.engagement).toMatchObject({ interactions: 1, activeChannels: ['whatsapp'] });
    expect(after.scores!.engagement.score).toBeGreaterThan(before.scores!.engagement.score);
    expect((await documentOf(customerId)).scores?.engagement).toBe(after.scores!.engagement.score);
  });
});
