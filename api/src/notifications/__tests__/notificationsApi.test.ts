import pino from 'pino';
import request from 'supertest';
import { createNotificationActivities } from '@c360/activities';
import type { NotifyInput } from '@c360/workflows';
import { JWT_SECRET, openTestContext, type TestContext } from '../../__tests__/support/testContext';
import { createNotificationHub, type NotificationHub } from '../notificationHub';
import { createStreamTickets } from '../streamTickets';

let ctx: TestContext;
let hub: NotificationHub;
let app: TestContext['app'];

beforeAll(async () => {
  ctx = await openTestContext('notif');
  // Not started: these tests use the ticket route only.
  hub = createNotificationHub({
    databaseUrl: ctx.orm.config.get('clientUrl') as string,
    logger: pino({ level: 'silent' }),
  });
  app = ctx.appWith({
    notificationStream: { hub, tickets: createStreamTickets({ secret: JWT_SECRET, ttlSeconds: 60 }) },
  });
});
afterAll(() => ctx?.close());

const bearer = async (role: 'agent' | 'manager' = 'agent', tenant = () => ctx.a) =>
  `Bearer ${await ctx.token(tenant(), role)}`;

let key = 0;
const notify = (input: Partial<NotifyInput> & { userIds: string[] }) =>
  createNotificationActivities({ orm: ctx.orm }).notify({
    tenantId: ctx.a.id,
    category: input.category ?? 'customer',
    audience: { userIds: input.userIds },
    title: input.title ?? `item ${key}`,
    dedupeKey: input.dedupeKey ?? `api-test:${(key += 1)}`,
  });

describe('notification center API', () => {
  it('lists the caller’s own items newest first, paged by cursor, filtered by unread and category', async () => {
    const agent = ctx.a.users.agent.id;
    for (const [title, category] of [
      ['one', 'customer'],
      ['two', 'sla'],
      ['three', 'customer'],
    ] as const)
      await notify({ userIds: [agent], title, category });
    await notify({ userIds: [ctx.a.users.manager.id], title: 'not yours' });

    const first = await request(app)
      .get('/api/v1/notifications?pageSize=2')
      .set('Authorization', await bearer());
    expect(first.status).toBe(200);
    expect(first.body.data.map((i: { title: string }) => i.title)).toEqual(['three', 'two']);
    expect(first.body.data[0]).toMatchObject({
      category: 'customer',
      read: false,
      readAt: null,
      delivery: 'in_app',
      digestCount: null,
    });
    const second = await request(app)
      .get(`/api/v1/notifications?pageSize=2&cursor=${first.body.nextCursor}`)
      .set('Authorization', await bearer());
    expect(second.body).toEqual({ data: [expect.objectContaining({ title: 'one' })], nextCursor: null });

    const sla = await request(app)
      .get('/api/v1/notifications?category=sla,vip')
      .set('Authorization', await bearer());
    expect(sla.body.data.map((i: { title: string }) => i.title)).toEqual(['two']);

    const bad = await request(app)
      .get('/api/v1/notifications?category=weather&unread=maybe')
      .set('Authorization', await bearer());
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'query.category.0',
      'query.unread',
    ]);
  });

  it('marks read and unread, counts unread by category, and hides other users’ items', async () => {
    const user = ctx.a.users.marketer.id;
    await notify({ userIds: [user], title: 'a', category: 'vip' });
    await notify({ userIds: [user], title: 'b', category: 'sla' });
    const auth = await bearer('marketer' as 'agent');
    const list = await request(app).get('/api/v1/notifications').set('Authorization', auth);
    const [b] = list.body.data as { id: string }[];

    const count = await request(app).get('/api/v1/notifications/unread-count').set('Authorization', auth);
    expect(count.body).toEqual({
      unread: 2,
      byCategory: { customer: 0, vip: 1, sla: 1, survey: 0, export: 0, system: 0 },
    });
    const read = await request(app).post(`/api/v1/notifications/${b!.id}/read`).set('Authorization', auth);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: b!.id, read: true });
    expect(
      (await request(app).get('/api/v1/notifications?unread=true').set('Authorization', auth)).body.data,
    ).toHaveLength(1);
    const unread = await request(app)
      .post(`/api/v1/notifications/${b!.id}/unread`)
      .set('Authorization', auth);
    expect(unread.body).toMatchObject({ read: false, readAt: null });

    // Another user of the tenant, and a user of another tenant, get 404 and change nothing.
    expect(
      (
        await request(app)
          .post(`/api/v1/notifications/${b!.id}/read`)
          .set('Authorization', await bearer())
      ).status,
    ).toBe(404);
    expect(
      (
        await request(app)
          .post(`/api/v1/notifications/${b!.id}/read`)
          .set('Authorization', await bearer('agent', () => ctx.b))
      ).status,
    ).toBe(404);
    expect(
      (await request(app).get('/api/v1/notifications/unread-count').set('Authorization', auth)).body.unread,
    ).toBe(2);
  });

  it('marks all read, by category and only up to the seq the user saw', async () => {
    const user = ctx.a.users.admin.id;
    await notify({ userIds: [user], title: 'x', category: 'system' });
    await notify({ userIds: [user], title: 'y', category: 'customer' });
    const auth = `Bearer ${await ctx.token(ctx.a, 'admin')}`;
    const seen = (await request(app).get('/api/v1/notifications').set('Authorization', auth)).body.data[0]
      .seq as number;
    await notify({ userIds: [user], title: 'z (arrived after the user looked)', category: 'customer' });

    const some = await request(app)
      .post('/api/v1/notifications/read-all')
      .set('Authorization', auth)
      .send({ category: 'system' });
    expect(some.body).toMatchObject({ updated: 1, unread: { unread: 2 } });
    const all = await request(app)
      .post('/api/v1/notifications/read-all')
      .set('Authorization', auth)
      .send({ upToSeq: seen });
    expect(all.body).toMatchObject({ updated: 1, unread: { unread: 1 } });
    const left = await request(app).get('/api/v1/notifications?unread=true').set('Authorization', auth);
    expect(left.body.data.map((i: { title: string }) => i.title)).toEqual([
      'z (arrived after the user looked)',
    ]);

    const bad = await request(app)
      .post('/api/v1/notifications/read-all')
      .set('Authorization', auth)
      .send({ upToSeq: -1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('body.upToSeq');
  });

  it('reads and changes preferences per category, with defaults, refusing bad values without a change', async () => {
    const auth = `Bearer ${await ctx.token(ctx.a, 'ops')}`;
    const initial = await request(app).get('/api/v1/notifications/preferences').set('Authorization', auth);
    expect(initial.body.preferences).toContainEqual({ category: 'sla', delivery: 'toast', isDefault: true });
    expect(initial.body.preferences).toHaveLength(6);

    const changed = await request(app)
      .put('/api/v1/notifications/preferences')
      .set('Authorization', auth)
      .send({ preferences: { sla: 'email', survey: 'none' } });
    expect(changed.status).toBe(200);
    expect(changed.body.preferences).toContainEqual({ category: 'sla', delivery: 'email', isDefault: false });
    expect(changed.body.preferences).toContainEqual({
      category: 'survey',
      delivery: 'none',
      isDefault: false,
    });

    const bad = await request(app)
      .put('/api/v1/notifications/preferences')
      .set('Authorization', auth)
      .send({ preferences: { sla: 'pigeon', customer: 'email' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('body.preferences.sla');
    const after = await request(app).get('/api/v1/notifications/preferences').set('Authorization', auth);
    expect(after.body.preferences).toContainEqual({
      category: 'customer',
      delivery: 'in_app',
      isDefault: true,
    });

    const reset = await request(app)
      .put('/api/v1/notifications/preferences')
      .set('Authorization', auth)
      .send({ preferences: { sla: 'default' } });
    expect(reset.body.preferences).toContainEqual({ category: 'sla', delivery: 'toast', isDefault: true });

    // The notify activity honours what the API stored: survey is `none` for this user now.
    expect(await notify({ userIds: [ctx.a.users.ops.id], category: 'survey' })).toEqual({ notified: 0 });
  });

  it('gives stream tickets only for a bearer token, and takes neither kind of token for the other', async () => {
    const res = await request(app)
      .post('/api/v1/notifications/stream-tickets')
      .set('Authorization', await bearer());
    expect(res.status).toBe(201);
    expect(res.body.streamUrl).toBe(
      `/api/v1/notifications/stream?ticket=${encodeURIComponent(res.body.ticket)}`,
    );
    expect((await request(app).post('/api/v1/notifications/stream-tickets')).status).toBe(401);
    // A ticket is not an access token.
    expect(
      (await request(app).get('/api/v1/notifications').set('Authorization', `Bearer ${res.body.ticket}`))
        .status,
    ).toBe(401);
    // An access token is not a ticket.
    const token = await ctx.token(ctx.a, 'agent');
    expect((await request(app).get(`/api/v1/notifications/stream?ticket=${token}`)).status).toBe(401);
    // Without the hub configured the ticket route says so.
    expect(
      (
        await request(ctx.app)
          .post('/api/v1/notifications/stream-tickets')
          .set('Authorization', await bearer())
      ).status,
    ).toBe(503);
  });

  it('documents the routes and the stream’s authentication in the OpenAPI document', async () => {
    const doc = (await request(app).get('/api/openapi.json')).body;
    const stream = doc.paths['/api/v1/notifications/stream'].get;
    expect(Object.keys(stream.responses['200'].content)).toEqual(['text/event-stream']);
    expect(stream.description).toMatch(/EventSource cannot send an Authorization header/);
    expect(stream.description).toMatch(/Last-Event-ID/);
    for (const path of [
      '/api/v1/notifications',
      '/api/v1/notifications/unread-count',
      '/api/v1/notifications/{id}/read',
      '/api/v1/notifications/read-all',
      '/api/v1/notifications/preferences',
      '/api/v1/notifications/stream-tickets',
    ])
      expect(doc.paths[path]).toBeDefined();
  });
});
