import { randomUUID } from 'node:crypto';
import { evaluateSegmentFilter, type SegmentFilter } from '@c360/domain';
import { useTestDatabase } from '../../testing/useTestDatabase';
import { buildCustomerDocuments } from '../customerDocument';
import { ensureCustomerIndex } from '../customerIndex';
import { createSearchClient } from '../index';
import { buildSegmentQuery } from '../../segments/segmentQueries';
import { writeCustomerDocuments } from '../writeCustomerDocuments';

const db = useTestDatabase();
const client = createSearchClient(process.env['C360_OPENSEARCH_URL'] ?? 'http://127.0.0.1:9200');
const prefix = `${process.env['C360_INDEX_PREFIX'] ?? 'c360-test-'}segdoc-${randomUUID().slice(0, 8)}-`;
const now = new Date('2026-11-29T10:00:00.000Z');
const DAY = 86_400_000;
const daysAgo = (d: number): Date => new Date(now.getTime() - d * DAY);

const tenantId = randomUUID();
const customerId = randomUUID();

beforeAll(async () => {
  const sql = (q: string, params: unknown[]) => db.orm.em.getConnection().execute(q, params);
  await sql(
    `insert into tenant (id, name, slug, time_zone, settings, created_at, updated_at) values (?, 'T', ?, 'Europe/Paris', '{}', now(), now())`,
    [tenantId, `t-${tenantId.slice(0, 8)}`],
  );
  // The stored shape's searchable part (version 1, as the calculators write it); the explanations
  // (factors, drivers, formulas) stay in PostgreSQL and are left out here.
  const scores = {
    version: 1,
    computedAt: now.toISOString(),
    rfm: { r: 5, f: 4, m: 3, segment: 'champions', recencyDays: 1, frequency: 23, monetary: 230 },
    clv: { total: 1234.5, historical: 230, predicted: 1004.5 },
    health: { score: 72, band: 'healthy' },
    churn: { probability: 0.12, band: 'low' },
    engagement: { score: 40 },
    vip: { isVip: false },
  };
  await sql(
    `insert into customer (id, tenant_id, created_at, first_name, last_name, emails, phones, time_zone, language, tags, scores, custom_fields, updated_at)
     values (?, ?, ?, 'Zoé', 'Lefèvre', '{}', '{}', 'Europe/Paris', 'fr', '{}', ?::jsonb, '{}', now())`,
    [customerId, tenantId, daysAgo(500), JSON.stringify(scores)],
  );
  // 22 won orders, one a day from 1 to 22 days ago, plus a lost one and a won one without a date.
  for (let d = 1; d <= 22; d++)
    await sql(
      `insert into deal (id, tenant_id, created_at, customer_id, title, amount, currency, status, stage, closed_at, updated_at)
       values (?, ?, now(), ?, 'o', 10, 'EUR', 'won', 'closed', ?, now())`,
      [randomUUID(), tenantId, customerId, daysAgo(d)],
    );
  await sql(
    `insert into deal (id, tenant_id, created_at, customer_id, title, amount, currency, status, stage, closed_at, updated_at)
     values (?, ?, now(), ?, 'lost', 10, 'EUR', 'lost', 'closed', ?, now()), (?, ?, now(), ?, 'undated', 10, 'EUR', 'won', 'closed', null, now())`,
    [randomUUID(), tenantId, customerId, daysAgo(0.5), randomUUID(), tenantId, customerId],
  );
  const answers = [
    { kind: 'csat', score: 2, at: daysAgo(40) },
    { kind: 'nps', score: 9, at: daysAgo(3) },
    { kind: 'csat', score: 5, at: daysAgo(10) },
  ];
  for (const a of answers) {
    const requestId = randomUUID();
    await sql(
      `insert into survey_request (id, tenant_id, created_at, customer_id, kind, channel, token, status, expires_at, updated_at)
       values (?, ?, now(), ?, ?, 'email', ?, 'answered', now(), now())`,
      [requestId, tenantId, customerId, a.kind, randomUUID()],
    );
    await sql(
      `insert into survey_response (id, tenant_id, created_at, request_id, customer_id, kind, score, channel, answered_at)
       values (?, ?, now(), ?, ?, ?, ?, 'email', ?)`,
      [randomUUID(), tenantId, requestId, customerId, a.kind, a.score, a.at],
    );
  }
}, 120_000);

afterAll(async () => {
  await client.indices.delete({ index: `${prefix}customers` }).catch(() => undefined);
  await client.close();
});

describe('the customer document carries what segments read', () => {
  it('keeps the latest 20 won order dates by rank, the latest survey answers and the score fields', async () => {
    const { documents } = await buildCustomerDocuments(db.orm.em.fork(), tenantId, [customerId], now);
    const doc = documents[0]!;
    expect(doc.stats.ordersWon).toBe(23);
    expect(Object.keys(doc.stats.nthLastOrderAt)).toHaveLength(20);
    expect(doc.stats.nthLastOrderAt['n1']).toBe(daysAgo(1).toISOString());
    expect(doc.stats.nthLastOrderAt['n20']).toBe(daysAgo(20).toISOString());
    expect(doc.surveys).toEqual([
      { kind: 'nps', score: 9, answeredAt: daysAgo(3).toISOString() },
      { kind: 'csat', score: 5, answeredAt: daysAgo(10).toISOString() },
      { kind: 'csat', score: 2, answeredAt: daysAgo(40).toISOString() },
    ]);
    expect(doc.scores).toEqual({
      computedAt: now.toISOString(),
      rfm: { r: 5, f: 4, m: 3, label: 'champions', recencyDays: 1, frequency: 23, monetary: 230 },
      clv: { value: 1234.5, historical: 230, predicted: 1004.5 },
      health: { score: 72, band: 'healthy' },
      churn: { probability: 0.12, band: 'low' },
      engagement: 40,
      vip: false,
    });
  });

  it('is accepted by the strict mapping, and OpenSearch and the evaluator agree on it', async () => {
    const index = await ensureCustomerIndex(client, prefix);
    const batch = await buildCustomerDocuments(db.orm.em.fork(), tenantId, [customerId], now);
    await writeCustomerDocuments(client, index, batch, { refresh: true });
    const filters: [SegmentFilter, boolean][] = [
      [{ behaviour: 'orders', op: 'atLeast', count: 10, withinDays: 10 }, true],
      [{ behaviour: 'orders', op: 'atLeast', count: 11, withinDays: 10 }, false],
      [{ behaviour: 'orders', op: 'exactly', count: 5, withinDays: 5 }, true],
      [{ behaviour: 'survey', kind: 'csat', op: 'lte', score: 2, withinDays: 30 }, false],
      [{ behaviour: 'survey', kind: 'csat', op: 'lte', score: 2, withinDays: 60 }, true],
      [{ field: 'rfm.label', op: 'eq', value: 'champions' }, true],
      [{ field: 'churn.band', op: 'eq', value: 'low' }, true],
      [{ field: 'clv', op: 'gt', value: 1234.5 }, false],
    ];
    for (const [filter, expected] of filters) {
      const response = await client.search({
        index,
        body: { query: buildSegmentQuery(tenantId, filter, now), size: 10, _source: false },
      } as never);
      const found = response.body.hits.hits.map((h: { _id: string }) => h._id);
      expect([filter, found]).toEqual([filter, expected ? [customerId] : []]);
      expect([filter, evaluateSegmentFilter(filter, batch.documents[0]!, now)]).toEqual([filter, expected]);
    }
  });
});
