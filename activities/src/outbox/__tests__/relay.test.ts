import { randomUUID } from 'node:crypto';
import {
  Customer,
  cuttableProxy,
  Deal,
  Tenant,
  createSearchClient,
  ensureCustomerIndex,
  forTenant,
  searchCustomers,
  useTestDatabase,
  waitFor,
} from '@c360/store';
import { createOutboxRelay, type OutboxRelay } from '../createOutboxRelay';

const opensearchUrl = new URL(process.env['C360_OPENSEARCH_URL'] ?? 'http://127.0.0.1:9200');
const indexPrefix = `${process.env['C360_INDEX_PREFIX'] ?? 'c360-test-'}relay-${randomUUID().slice(0, 8)}-`;
const index = `${indexPrefix}customers`;
const db = useTestDatabase();
const direct = createSearchClient(opensearchUrl.toString());
const proxy = cuttableProxy(Number(opensearchUrl.port || 9200));
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

let relay: OutboxRelay;
let relaySearch: ReturnType<typeof createSearchClient>;
let tenantId: string;
let otherTenantId: string;

const pending = async (): Promise<number> => {
  const [row] = await db.orm.em
    .fork()
    .getConnection()
    .execute<{ n: string }[]>('select count(*) as n from outbox_event where processed_at is null');
  return Number(row?.n);
};

beforeAll(async () => {
  await ensureCustomerIndex(direct, indexPrefix);
  await proxy.open();
  relaySearch = createSearchClient(proxy.url());
  const root = db.orm.em.fork();
  const t = root.create(Tenant, { name: 'Relay', slug: 'relay', timeZone: 'Europe/Paris' });
  const o = root.create(Tenant, { name: 'Other', slug: 'other', timeZone: 'UTC' });
  await root.flush();
  tenantId = t.id;
  otherTenantId = o.id;
  relay = createOutboxRelay({
    orm: db.orm,
    databaseUrl: db.url,
    search: relaySearch,
    indexPrefix,
    logger: silent,
    maxBackoffMs: 400,
    batchSize: 50,
  });
  await relay.start();
});

afterAll(async () => {
  await relay?.stop();
  await proxy.cut();
  await relaySearch?.close();
  await direct.indices.delete({ index }).catch(() => undefined);
  await direct.close();
});

const search = (tenant: string, q: string) => searchCustomers(direct, index, tenant, { q });

describe('outbox relay', () => {
  it('makes a customer written in PostgreSQL searchable without being asked, and only in its tenant', async () => {
    const em = forTenant(db.orm.em, tenantId);
    const c = em.create(Customer, {
      tenant: tenantId,
      firstName: 'Ingrid',
      lastName: 'Bergström',
      emails: ['ingrid@example.se'],
      timeZone: 'Europe/Stockholm',
      language: 'en',
    });
    await em.flush();
    const found = await waitFor(async () => {
      const r = await search(tenantId, 'ingrid');
      return r.total === 1 ? r.items[0] : undefined;
    }, 'the customer in the index');
    expect(found.customerId).toBe(c.id);
    expect((await search(otherTenantId, 'ingrid')).total).toBe(0);
    expect(await pending()).toBe(0);
  });

  it('folds deals into the customer document', async () => {
    const em = forTenant(db.orm.em, tenantId);
    const c = em.create(Customer, {
      tenant: tenantId,
      firstName: 'Deal',
      lastName: 'Maker',
      timeZone: 'UTC',
      language: 'en',
    });
    await em.flush();
    em.create(Deal, {
      tenant: tenantId,
      customer: c.id,
      title: 'Order',
      amount: 120.5,
      currency: 'EUR',
      status: 'won',
      stage: 'closed',
      closedAt: new Date('2026-03-01T10:00:00Z'),
    });
    em.create(Deal, {
      tenant: tenantId,
      customer: c.id,
      title: 'Order',
      amount: 79.5,
      currency: 'EUR',
      status: 'won',
      stage: 'closed',
      closedAt: new Date('2026-04-01T10:00:00Z'),
    });
    await em.flush();
    const doc = await waitFor(async () => {
      const r = await search(tenantId, 'maker');
      const d = r.items[0];
      return d && d.stats.ordersWon === 2 ? d : undefined;
    }, 'the deal aggregates');
    expect(doc.stats.revenueWon).toBeCloseTo(200);
    expect(doc.stats.lastOrderAt).toBe('2026-04-01T10:00:00.000Z');
  });

  it('keeps every change while OpenSearch is down and delivers each once it is back', async () => {
    await proxy.cut();
    const em = forTenant(db.orm.em, tenantId);
    const created: Customer[] = [];
    for (let i = 0; i < 30; i += 1) {
      created.push(
        em.create(Customer, {
          tenant: tenantId,
          firstName: `Outage${i}`,
          lastName: 'Pending',
          timeZone: 'UTC',
          language: 'en',
        }),
      );
    }
    await em.flush(); // the write succeeds with the index unreachable
    created[0]!.lastName = 'Renamed';
    await em.flush();
    em.remove(created[1]!);
    await em.flush();

    await waitFor(
      async () => (relay.stats().failures > 0 ? true : undefined),
      'the relay to notice the outage',
    );
    expect(await pending()).toBeGreaterThanOrEqual(32);

    await proxy.open();
    await waitFor(async () => ((await pending()) === 0 ? true : undefined), 'the backlog to drain');
    await direct.indices.refresh({ index });
    const all = await searchCustomers(direct, index, tenantId, { q: 'outage', pageSize: 100 });
    expect(all.total).toBe(29);
    const names = all.items.map((d) => `${d.firstName} ${d.lastName}`);
    expect(new Set(names).size).toBe(29);
    expect(names).toContain('Outage0 Renamed');
    expect(names).not.toContain('Outage1 Pending');
    // One document per customer, whatever the number of events and retries.
    const count = await direct.count({ index, body: { query: { term: { tenantId } } } });
    expect(count.body.count).toBe(29 + 2);
    // Every event was marked done exactly once, and none is left with an error.
    const [row] = await db.orm.em
      .fork()
      .getConnection()
      .execute<
        { n: string }[]
      >('select count(*) as n from outbox_event where processed_at is null or last_error is not null');
    expect(Number(row?.n)).toBe(0);
  });
});
