import request from 'supertest';
import { buildCustomerDocuments, ensureCustomerIndex, writeCustomerDocuments } from '@c360/store';
import { createCustomer, openTestContext, type TestContext, type TenantFixture } from './support/testContext';

let ctx: TestContext;
let agent: string;
const ids: Record<string, string> = {};

// What the outbox relay does after each write, done here directly so the test controls when.
const indexCustomers = async (tenant: TenantFixture, customerIds: string[]) => {
  await ensureCustomerIndex(ctx.search, ctx.index.replace(/customers$/, ''));
  const batch = await buildCustomerDocuments(ctx.orm.em.fork(), tenant.id, customerIds, new Date());
  await writeCustomerDocuments(ctx.search, ctx.index, batch, { refresh: true });
};

beforeAll(async () => {
  ctx = await openTestContext('search');
  agent = `Bearer ${await ctx.token(ctx.a, 'agent')}`;
  const a = [
    [
      'zoe',
      {
        firstName: 'Zoé',
        lastName: 'Lefèvre',
        emails: ['zoe.lefevre@example.fr'],
        phones: ['+33612345678'],
        language: 'fr',
        timeZone: 'Europe/Paris',
        tags: ['wine', 'vip-lounge'],
        isVip: true,
        lifecycleStage: 'loyal',
      },
    ],
    [
      'omar',
      {
        firstName: 'Omar',
        lastName: 'Haddad',
        emails: ['omar@example.com'],
        language: 'ar',
        timeZone: 'Asia/Dubai',
        tags: ['wine'],
        lifecycleStage: 'customer',
      },
    ],
    [
      'yuki',
      {
        firstName: 'Yuki',
        lastName: 'Tanaka',
        emails: ['yuki@example.jp'],
        phones: ['+819012345678'],
        language: 'ja',
        timeZone: 'Asia/Tokyo',
        tags: ['tea'],
        lifecycleStage: 'lead',
      },
    ],
  ] as const;
  for (const [key, body] of a) ids[key] = (await createCustomer(ctx, ctx.a, { ...body })).id;
  // The same name in tenant B: it must never show up for tenant A.
  ids['zoeB'] = (
    await createCustomer(ctx, ctx.b, {
      firstName: 'Zoé',
      lastName: 'Lefèvre',
      emails: ['zoe.lefevre@example.fr'],
      tags: ['wine'],
    })
  ).id;
  await request(ctx.app)
    .post(`/api/v1/customers/${ids['omar']}/consent`)
    .set('Authorization', agent)
    .send({ channel: 'email', granted: true, reason: 'newsletter form', source: 'web_form' });
  await indexCustomers(ctx.a, [ids['zoe']!, ids['omar']!, ids['yuki']!]);
  await indexCustomers(ctx.b, [ids['zoeB']!]);
});
afterAll(() => ctx?.close());

const list = async (query: Record<string, unknown>) => {
  const res = await request(ctx.app).get('/api/v1/customers').query(query).set('Authorization', agent);
  expect(res.status).toBe(200);
  return res.body as {
    items: { id: string; firstName: string; optedIn: string[] }[];
    total: number;
    page: number;
    pageSize: number;
  };
};
const found = async (query: Record<string, unknown>) => (await list(query)).items.map((c) => c.id).sort();
const sorted = (...keys: string[]) => keys.map((k) => ids[k]!).sort();

describe('GET /api/v1/customers', () => {
  it("lists only the caller's tenant", async () => {
    const page = await list({});
    expect(page.total).toBe(3);
    expect(page.items.map((c) => c.id).sort()).toEqual(sorted('zoe', 'omar', 'yuki'));
  });

  it('finds by name prefix without accents, e-mail, e-mail part, phone digits and tag', async () => {
    expect(await found({ q: 'zoe lef' })).toEqual(sorted('zoe'));
    expect(await found({ q: 'omar@example.com' })).toEqual(sorted('omar'));
    expect(await found({ q: 'tanaka' })).toEqual(sorted('yuki'));
    expect(await found({ q: 'example.jp' })).toEqual(sorted('yuki'));
    expect(await found({ q: '12345678' })).toEqual(sorted('zoe', 'yuki'));
    expect(await found({ q: 'wine' })).toEqual(sorted('zoe', 'omar'));
  });

  it('filters by tag, language, lifecycle stage, VIP flag, time zone and opt-in', async () => {
    expect(await found({ tag: 'wine' })).toEqual(sorted('zoe', 'omar'));
    expect(await found({ tag: ['wine', 'vip-lounge'] })).toEqual(sorted('zoe'));
    expect(await found({ language: 'ja' })).toEqual(sorted('yuki'));
    expect(await found({ lifecycleStage: 'customer' })).toEqual(sorted('omar'));
    expect(await found({ isVip: 'true' })).toEqual(sorted('zoe'));
    expect(await found({ isVip: 'false', tag: 'wine' })).toEqual(sorted('omar'));
    expect(await found({ timeZone: 'Asia/Tokyo' })).toEqual(sorted('yuki'));
    expect(await found({ optedIn: 'email' })).toEqual(sorted('omar'));
  });

  it('sorts and pages', async () => {
    const byName = await list({ sort: 'name' });
    expect(byName.items.map((c) => c.firstName)).toEqual(['Omar', 'Zoé', 'Yuki']);
    const second = await list({ sort: 'name', page: 2, pageSize: 1 });
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 1 });
    expect(second.items.map((c) => c.firstName)).toEqual(['Zoé']);
    const reversed = await list({ sort: '-name' });
    expect(reversed.items.map((c) => c.firstName)).toEqual(['Yuki', 'Zoé', 'Omar']);
  });

  it('names every bad query parameter', async () => {
    const res = await request(ctx.app)
      .get('/api/v1/customers')
      .query({ pageSize: 1000, isVip: 'maybe', sort: 'shoe-size', language: 'klingon', timeZone: 'Nowhere' })
      .set('Authorization', agent);
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(
      ['query.isVip', 'query.language', 'query.pageSize', 'query.sort', 'query.timeZone'].sort(),
    );
    const deep = await request(ctx.app)
      .get('/api/v1/customers')
      .query({ page: 500, pageSize: 100 })
      .set('Authorization', agent);
    expect(deep.status).toBe(400);
    expect(deep.body.error.fields[0].path).toBe('query.page');
  });
});
