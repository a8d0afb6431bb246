import request from 'supertest';
import type { Express } from 'express';
import { forTenant, hashPassword, seed, User, type SeedResult } from '@c360/store';
import { openTestContext, PASSWORD, type TestContext } from './support/testContext';

// Real services on a shared 2-core machine: give each step room (jest ignores the preset's testTimeout
// when it runs several projects).
jest.setTimeout(60_000);

// The demo data set, seeded into this file's database: the 360 view and the journey must agree
// with what SQL counts in the tables, customer by customer.
const SEED_NOW = new Date('2026-06-15T00:00:00Z');
let ctx: TestContext;
let app: Express;
let seeded: SeedResult;
let acme: { id: string; admin: string; manager: string };
let globexCustomer: string;

const sql = <T>(query: string, params: unknown[] = []) =>
  ctx.orm.em.fork().getConnection().execute<T[]>(query, params);

beforeAll(async () => {
  ctx = await openTestContext('c360seed');
  app = ctx.appWith({ now: () => SEED_NOW });
  const hash = hashPassword(PASSWORD);
  seeded = await seed({ orm: ctx.orm, customersPerTenant: 25, now: SEED_NOW, hashPassword: () => hash });
  const tenant = seeded.tenants.find((t) => t.slug === 'acme')!;
  const users = await forTenant(ctx.orm.em, tenant.id).find(User, {});
  const tokenFor = async (role: 'admin' | 'manager') => {
    const user = users.find((u) => u.roles.includes(role))!;
    const { token } = await ctx.tokens.issue(
      { userId: user.id, tenantId: tenant.id, roles: [role] },
      new Date(),
    );
    return `Bearer ${token}`;
  };
  acme = { id: tenant.id, admin: await tokenFor('admin'), manager: await tokenFor('manager') };
  const globex = seeded.tenants.find((t) => t.slug === 'globex')!;
  [{ id: globexCustomer }] = (await sql<{ id: string }>(
    'select id from customer where tenant_id = ? limit 1',
    [globex.id],
  )) as [{ id: string }];
}, 120_000);
afterAll(() => ctx?.close());

const JOURNEY_COUNT = `select
  (select count(*) from message m join conversation c on c.id = m.conversation_id where c.customer_id = ?) +
  (select count(*) from ticket where customer_id = ?) + (select count(*) from ticket where customer_id = ? and resolved_at is not null) +
  (select count(*) from call where customer_id = ?) + (select count(*) from knowledge_view where customer_id = ?) +
  (select count(*) from conversion_event where customer_id = ?) +
  (select count(*) from survey_request where customer_id = ? and sent_at is not null) +
  (select count(*) from survey_response where customer_id = ?) as n`;

describe('Customer 360 on the seeded demo data', () => {
  it('agrees with SQL on orders, open tickets and the length of the journey', async () => {
    const customers = await sql<{ id: string }>(
      'select id from customer where tenant_id = ? order by id limit 4',
      [acme.id],
    );
    for (const { id } of customers) {
      const res = await request(app).get(`/api/v1/customers/${id}/360`).set('Authorization', acme.admin);
      expect(res.status).toBe(200);
      const [orders] = await sql<{ n: string; total: string }>(
        `select count(*) as n, coalesce(sum(amount), 0) as total from deal where customer_id = ? and status = 'won'`,
        [id],
      );
      expect(res.body.orders.count).toBe(Number(orders!.n));
      expect(res.body.orders.total).toBeCloseTo(Number(orders!.total), 2);
      const [open] = await sql<{ n: string }>(
        `select count(*) as n from ticket where customer_id = ? and status in ('open', 'pending')`,
        [id],
      );
      expect(res.body.slaRisks).toHaveLength(Number(open!.n));
      expect(res.body.health.score).toBeGreaterThanOrEqual(0);
      expect(res.body.health.score).toBeLessThanOrEqual(100);

      let total = 0;
      let cursor: string | null = null;
      let previous = Infinity;
      do {
        const page: request.Response = await request(app)
          .get(`/api/v1/customers/${id}/journey?limit=10${cursor ? `&cursor=${cursor}` : ''}`)
          .set('Authorization', acme.admin);
        expect(page.status).toBe(200);
        for (const e of page.body.items as { at: string }[]) {
          expect(Date.parse(e.at)).toBeLessThanOrEqual(previous);
          previous = Date.parse(e.at);
        }
        total += page.body.items.length;
        cursor = page.body.nextCursor as string | null;
      } while (cursor);
      const [expected] = await sql<{ n: string }>(JOURNEY_COUNT, Array(8).fill(id));
      expect(total).toBe(Number(expected!.n));
    }
  }, 60_000);

  it('answers 404 for a customer of the other demo tenant', async () => {
    for (const path of ['360', 'insights', 'journey']) {
      const res = await request(app)
        .get(`/api/v1/customers/${globexCustomer}/${path}`)
        .set('Authorization', acme.admin);
      expect(res.status).toBe(404);
    }
  });

  it('counts the tenant in the analytics overview and never rises along the funnel', async () => {
    const [customers] = await sql<{ n: string }>('select count(*) as n from customer where tenant_id = ?', [
      acme.id,
    ]);
    const overview = await request(app).get('/api/v1/analytics/overview').set('Authorization', acme.manager);
    expect(overview.status).toBe(200);
    expect(overview.body.kpis.customers.current).toBe(Number(customers!.n));
    const funnel = await request(app)
      .get('/api/v1/analytics/funnel?from=2024-07-01T00:00:00Z&windowDays=90')
      .set('Authorization', acme.manager);
    expect(funnel.status).toBe(200);
    const counts = (funnel.body.steps as { count: number }[]).map((s) => s.count);
    expect(counts[0]).toBeGreaterThan(0);
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeLessThanOrEqual(counts[i - 1]!);
  }, 60_000);
});
