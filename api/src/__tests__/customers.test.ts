import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AuditLog, Customer, forTenant } from '@c360/store';
import { createCustomer, openTestContext, type TestContext } from './support/testContext';

let ctx: TestContext;
let agent: string;
let admin: string;

beforeAll(async () => {
  ctx = await openTestContext('customers');
  agent = `Bearer ${await ctx.token(ctx.a, 'agent')}`;
  admin = `Bearer ${await ctx.token(ctx.a, 'admin')}`;
});
afterAll(() => ctx?.close());

const countCustomers = (tenantId: string) => forTenant(ctx.orm.em, tenantId).count(Customer, {});

describe('customers CRUD', () => {
  it('creates, reads, changes and deletes a customer', async () => {
    const created = await request(ctx.app)
      .post('/api/v1/customers')
      .set('Authorization', agent)
      .send({
        firstName: ' Grace ',
        lastName: 'Hopper',
        emails: ['Grace.Hopper@Example.com'],
        phones: ['+14155550100'],
        timeZone: 'America/New_York',
        language: 'en',
        tags: ['navy', 'cobol'],
        ownerId: ctx.a.users.agent.id,
        lifecycleStage: 'customer',
        isVip: true,
        customFields: { rank: 'Rear Admiral' },
      });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.headers['location']).toBe(`/api/v1/customers/${id}`);
    expect(created.body).toMatchObject({
      firstName: 'Grace',
      emails: ['grace.hopper@example.com'],
      ownerId: ctx.a.users.agent.id,
      lifecycleStage: 'customer',
      isVip: true,
      customFields: { rank: 'Rear Admiral' },
    });
    // The stored row holds default preferences: opted in nowhere.
    const row = await forTenant(ctx.orm.em, ctx.a.id).findOneOrFail(Customer, { id });
    expect(row.customFields.marketingPreferences.channels).toEqual({
      whatsapp: { optedIn: false },
      email: { optedIn: false },
      sms: { optedIn: false },
    });

    const read = await request(ctx.app).get(`/api/v1/customers/${id}`).set('Authorization', agent);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);

    const patched = await request(ctx.app)
      .patch(`/api/v1/customers/${id}`)
      .set('Authorization', agent)
      .send({ tags: ['navy'], ownerId: null, customFields: { rank: 'Commodore' } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      tags: ['navy'],
      ownerId: null,
      firstName: 'Grace',
      customFields: { rank: 'Commodore' },
    });
    // Replacing the free-form fields keeps the preferences.
    const after = await forTenant(ctx.orm.em, ctx.a.id).findOneOrFail(Customer, { id });
    expect(after.customFields.marketingPreferences).toBeDefined();

    const deleted = await request(ctx.app).delete(`/api/v1/customers/${id}`).set('Authorization', admin);
    expect(deleted.status).toBe(204);
    expect((await request(ctx.app).get(`/api/v1/customers/${id}`).set('Authorization', agent)).status).toBe(
      404,
    );
  });

  it('names every bad field of a create and writes nothing', async () => {
    const before = await countCustomers(ctx.a.id);
    const res = await request(ctx.app)
      .post('/api/v1/customers')
      .set('Authorization', agent)
      .send({
        firstName: '',
        emails: ['not-an-email', 'ok@example.com', 'OK@example.com'],
        phones: ['0612'],
        timeZone: 'Mars/Olympus_Mons',
        language: 'xx',
        isVip: 'yes',
        lifecycleStage: 'alien',
        customFields: { marketingPreferences: {} },
        tenantId: ctx.b.id,
      });
    expect(res.status).toBe(400);
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
    expect(res.body.error.code).toBe('validation');
    const paths = (res.body.error.fields as { path: string; message: string }[]).map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.firstName',
        'body.emails.0',
        'body.phones.0',
        'body.timeZone',
        'body.language',
        'body.isVip',
        'body.lifecycleStage',
        'body.customFields.marketingPreferences',
        'body.tenantId',
      ]),
    );
    for (const field of res.body.error.fields as { message: string }[])
      expect(field.message.length).toBeGreaterThan(0);
    expect(await countCustomers(ctx.a.id)).toBe(before);
  });

  it('refuses an owner from another tenant', async () => {
    const res = await request(ctx.app)
      .post('/api/v1/customers')
      .set('Authorization', agent)
      .send({ firstName: 'Owned', ownerId: ctx.b.users.agent.id });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([
      { path: 'body.ownerId', message: 'is not a user of this tenant' },
    ]);
  });

  it('changes nothing when a patch has one bad field among good ones', async () => {
    const customer = await createCustomer(ctx, ctx.a, { firstName: 'Stable', tags: ['keep'] });
    const res = await request(ctx.app)
      .patch(`/api/v1/customers/${customer.id}`)
      .set('Authorization', agent)
      .send({ firstName: 'Changed', tags: ['new'], emails: ['broken'] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ path: 'body.emails.0', message: expect.any(String) }]);
    const read = await request(ctx.app).get(`/api/v1/customers/${customer.id}`).set('Authorization', agent);
    expect(read.body).toEqual(customer);
  });

  it('refuses an empty patch', async () => {
    const customer = await createCustomer(ctx, ctx.a);
    const res = await request(ctx.app)
      .patch(`/api/v1/customers/${customer.id}`)
      .set('Authorization', agent)
      .send({});
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('body');
  });

  it('answers 400 naming params.id for an id that is not a UUID', async () => {
    const res = await request(ctx.app).get('/api/v1/customers/42').set('Authorization', agent);
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ path: 'params.id', message: expect.any(String) }]);
  });
});

describe('tenant isolation', () => {
  it("answers another tenant's customer exactly like a missing one, on every route, and leaves it untouched", async () => {
    const theirs = await createCustomer(ctx, ctx.b, { firstName: 'Theirs' });
    const missing = randomUUID();
    const auditBefore = await forTenant(ctx.orm.em, ctx.b.id).count(AuditLog, { entityId: theirs.id });

    const attempts = (id: string) => [
      request(ctx.app).get(`/api/v1/customers/${id}`).set('Authorization', admin),
      request(ctx.app)
        .patch(`/api/v1/customers/${id}`)
        .set('Authorization', admin)
        .send({ firstName: 'Mine now' }),
      request(ctx.app).delete(`/api/v1/customers/${id}`).set('Authorization', admin),
      request(ctx.app).get(`/api/v1/customers/${id}/preferences`).set('Authorization', admin),
      request(ctx.app)
        .post(`/api/v1/customers/${id}/preferences`)
        .set('Authorization', admin)
        .send({ channels: { email: { optedIn: true } } }),
      request(ctx.app)
        .post(`/api/v1/customers/${id}/consent`)
        .set('Authorization', admin)
        .send({ channel: 'sms', granted: true, reason: 'test', source: 'inbox' }),
      request(ctx.app).get(`/api/v1/customers/${id}/consent/logs`).set('Authorization', admin),
    ];
    const theirsAnswers = await Promise.all(attempts(theirs.id));
    const missingAnswers = await Promise.all(attempts(missing));
    theirsAnswers.forEach((res, i) => {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
      expect(res.body.error.message.replace(theirs.id, '<id>')).toBe(
        missingAnswers[i]!.body.error.message.replace(missing, '<id>'),
      );
    });

    const owner = await request(ctx.app)
      .get(`/api/v1/customers/${theirs.id}`)
      .set('Authorization', `Bearer ${await ctx.token(ctx.b, 'agent')}`);
    expect(owner.body).toEqual(theirs);
    expect(await forTenant(ctx.orm.em, ctx.b.id).count(AuditLog, { entityId: theirs.id })).toBe(auditBefore);
  });
});

describe('customer list before anything was indexed', () => {
  it('creates the missing index and answers an empty page rather than an error', async () => {
    const exists = async () => (await ctx.search.indices.exists({ index: ctx.index })).body;
    expect(await exists()).toBe(false);
    const res = await request(ctx.app).get('/api/v1/customers').set('Authorization', agent);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [], page: 1, pageSize: 25, total: 0 });
    expect(await exists()).toBe(true);
  });
});

describe('HTTP basics', () => {
  it('answers malformed JSON with 400', async () => {
    const res = await request(ctx.app)
      .post('/api/v1/customers')
      .set('Authorization', agent)
      .set('Content-Type', 'application/json')
      .send('{"firstName": "Ada",');
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: 'validation',
      message: 'the request body is not valid JSON',
      fields: [{ path: 'body', message: 'is not valid JSON' }],
    });
  });

  it('answers an unknown route with a JSON 404', async () => {
    const res = await request(ctx.app).get('/api/v1/nothing-here').set('Authorization', agent);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'not_found' }, requestId: expect.any(String) });
  });

  it('echoes a valid X-Request-Id and replaces an unusable one', async () => {
    const kept = await request(ctx.app).get('/healthz').set('X-Request-Id', 'trace-1234-abcd');
    expect(kept.headers['x-request-id']).toBe('trace-1234-abcd');
    for (const unusable of ['bad id with spaces', 'x'.repeat(200), '<script>']) {
      const replaced = await request(ctx.app).get('/healthz').set('X-Request-Id', unusable);
      expect(replaced.headers['x-request-id']).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      );
    }
  });

  it('logs one JSON line per request with its id, tenant and user, and no personal data', async () => {
    const email = `secret.${randomUUID().slice(0, 6)}@example.com`;
    const res = await request(ctx.app)
      .get('/api/v1/customers')
      .query({ q: email })
      .set('Authorization', agent)
      .set('Cookie', 'session=topsecret');
    const requestId = res.headers['x-request-id'];
    const line = ctx.logs.find((l) => l['requestId'] === requestId);
    expect(line).toMatchObject({
      tenantId: ctx.a.id,
      userId: ctx.a.users.agent.id,
      req: { method: 'GET', path: '/api/v1/customers', queryKeys: ['q'] },
      res: { statusCode: res.status },
    });
    const text = JSON.stringify(ctx.logs);
    expect(text).not.toContain(email);
    expect(text).not.toContain('topsecret');
    expect(text).not.toContain(agent.slice(7));
  });
});
