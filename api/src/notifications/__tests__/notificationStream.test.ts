import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import pino from 'pino';
import request from 'supertest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createNotificationActivities } from '@c360/activities';
import { createOrm, forTenant, Tenant, waitFor } from '@c360/store';
import type { NotificationCategory } from '@c360/workflows';
import { JWT_SECRET, openTestContext, type TestContext } from '../../__tests__/support/testContext';
import { createNotificationHub, type NotificationHub } from '../notificationHub';
import { createStreamTickets } from '../streamTickets';
import { openSse, type SseConnection, type SseEvent } from './support/sseClient';

/**
 * The live stream over real HTTP: two API apps (each with its own LISTEN hub, as two API
 * processes would have), items written through the notify activity on a separate connection
 * pool, and by a separate OS process.
 */
let ctx: TestContext;
let writer: MikroORM;
const hubs: NotificationHub[] = [];
const servers: Server[] = [];
const open: SseConnection[] = [];
let base: string;
let otherBase: string;

const startApi = async (now?: () => Date): Promise<string> => {
  const hub = createNotificationHub({ databaseUrl: databaseUrl(), logger: pino({ level: 'silent' }) });
  await hub.start();
  hubs.push(hub);
  const app = ctx.appWith({
    ...(now ? { now } : {}),
    notificationStream: {
      hub,
      tickets: createStreamTickets({ secret: JWT_SECRET, ttlSeconds: 60 }),
      settings: { heartbeatMs: 200, resumeLimit: 3 },
    },
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
const databaseUrl = () => ctx.orm.config.get('clientUrl') as string;

beforeAll(async () => {
  ctx = await openTestContext('notifstream');
  writer = await createOrm({ databaseUrl: databaseUrl(), poolMax: 2 });
  base = await startApi();
  otherBase = await startApi();
});
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});
afterAll(async () => {
  for (const s of servers) s.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await Promise.all(hubs.map((h) => h.stop()));
  await writer.close();
  await ctx?.close();
});

type Role = 'agent' | 'manager' | 'admin' | 'marketer' | 'ops';
const connect = async (role: Role, headers: Record<string, string> = {}, onBase = base) => {
  const auth = `Bearer ${await ctx.token(ctx.a, role)}`;
  const ticket = await request(base).post('/api/v1/notifications/stream-tickets').set('Authorization', auth);
  const connection = await openSse(`${onBase}${ticket.body.streamUrl as string}`, headers);
  open.push(connection);
  return connection;
};

/** The notify activity on another connection pool, as the worker process would write. */
const notify = (
  role: Role,
  title: string,
  category: NotificationCategory = 'vip',
  dedupeKey = randomUUID(),
) =>
  createNotificationActivities({ orm: writer }).notify({
    tenantId: ctx.a.id,
    category,
    audience: { userIds: [ctx.a.users[role].id] },
    title,
    dedupeKey,
  });

const notifications = (c: SseConnection) => c.events.filter((e) => e.event === 'notification');
const parsed = (e: SseEvent) =>
  JSON.parse(e.data) as {
    item: { id: string; title: string; seq: number; digestCount: number | null };
    toast: boolean;
  };
const titled = (title: string) => (e: SseEvent) =>
  e.event === 'notification' && parsed(e).item.title === title;
const unreadIs = (n: number) => (e: SseEvent) => e.event === 'unread' && JSON.parse(e.data).unread === n;

describe('notification stream', () => {
  it('sends no backlog to a fresh connection, only the unread count with the newest id, then live items from another pool', async () => {
    await notify('agent', 'old 1');
    await notify('agent', 'old 2');
    const stream = await connect('agent');
    expect(stream.status).toBe(200);
    const first = await stream.waitFor((e) => e.event === 'unread');
    expect(JSON.parse(first.data)).toMatchObject({ unread: 2, byCategory: { vip: 2 } });
    const newest = (
      await request(base)
        .get('/api/v1/notifications')
        .set('Authorization', `Bearer ${await ctx.token(ctx.a, 'agent')}`)
    ).body.data[0].seq as number;
    expect(first.id).toBe(String(newest));

    await notify('agent', 'live one');
    const live = await stream.waitFor(titled('live one'));
    expect(Number(live.id)).toBeGreaterThan(newest);
    // vip defaults to toast: the event tells the UI to toast it.
    expect(parsed(live).toast).toBe(true);
    await stream.waitFor(unreadIs(3));
    expect(notifications(stream).map((e) => parsed(e).item.title)).toEqual(['live one']);

    // Reading in another tab (another API process) updates this stream's count.
    await request(otherBase)
      .post(`/api/v1/notifications/${parsed(live).item.id}/read`)
      .set('Authorization', `Bearer ${await ctx.token(ctx.a, 'agent')}`);
    await stream.waitFor(unreadIs(2));
    // Heartbeats keep the idle stream open (every 200 ms here: wait for one rather than assume one came).
    await waitFor(
      async () => (stream.comments.includes('heartbeat') ? true : undefined),
      'a heartbeat',
      5_000,
    );
    expect(stream.comments).toContain('heartbeat');
  });

  it('resumes after Last-Event-ID with only the later items, bounded, on any API process', async () => {
    const seqs: number[] = [];
    const watcher = await connect('manager');
    await watcher.waitFor((e) => e.event === 'unread');
    for (const n of [1, 2, 3]) {
      await notify('manager', `m${n}`);
      seqs.push(Number((await watcher.waitFor(titled(`m${n}`))).id));
    }
    watcher.close();

    const resumed = await connect('manager', { 'Last-Event-ID': String(seqs[0]) }, otherBase);
    await resumed.waitFor((e) => e.event === 'unread');
    expect(notifications(resumed).map((e) => [Number(e.id), parsed(e).item.title])).toEqual([
      [seqs[1], 'm2'],
      [seqs[2], 'm3'],
    ]);
    expect(resumed.events.some((e) => e.event === 'resync')).toBe(false);

    // Five missed, three replayed (the newest), and a resync to reload the list.
    // Another category, so the tenant's burst limit (5 per category and window) does not fold them.
    for (const n of [4, 5, 6, 7, 8]) await notify('manager', `m${n}`, 'customer');
    const late = await connect('manager', { 'Last-Event-ID': String(seqs[2]) });
    await late.waitFor((e) => e.event === 'unread');
    expect(late.events.map((e) => e.event)).toEqual([
      'resync',
      'notification',
      'notification',
      'notification',
      'unread',
    ]);
    expect(notifications(late).map((e) => parsed(e).item.title)).toEqual(['m6', 'm7', 'm8']);
    // `customer` is in_app by default: listed, not toasted.
    expect(notifications(late).some((e) => parsed(e).toast)).toBe(false);
  });

  it('does not toast items replayed after a long disconnect', async () => {
    const stream = await connect('ops');
    const head = (await stream.waitFor((e) => e.event === 'unread')).id;
    await notify('ops', 'vip while away');
    stream.close();
    // An API whose clock is ten minutes on: the item is stale by then.
    const later = await startApi(() => new Date(Date.now() + 10 * 60_000));
    const resumed = await connect('ops', { 'Last-Event-ID': String(head) }, later);
    const replayed = await resumed.waitFor(titled('vip while away'));
    expect(parsed(replayed).toast).toBe(false);
  });

  it('delivers an item written by another OS process through LISTEN/NOTIFY', async () => {
    const stream = await connect('admin');
    await stream.waitFor((e) => e.event === 'unread');
    const script = `
      const { Client } = require('pg');
      (async () => {
        const c = new Client({ connectionString: process.argv[1] });
        await c.connect();
        await c.query(
          "insert into notification (id, tenant_id, created_at, user_id, category, title, dedupe_key, delivery) values (gen_random_uuid(), $1, now(), $2, 'system', 'from another process', 'proc:1', 'in_app')",
          [process.argv[2], process.argv[3]],
        );
        await c.end();
      })().catch((e) => { console.error(e); process.exit(1); });`;
    await promisify(execFile)(
      process.execPath,
      ['-e', script, databaseUrl(), ctx.a.id, ctx.a.users.admin.id],
      {
        cwd: process.cwd(),
      },
    );
    const event = await stream.waitFor(titled('from another process'));
    expect(parsed(event).toast).toBe(false);
  });

  it('sends a growing digest again under the same item id, without a toast', async () => {
    const tenant = await forTenant(ctx.orm.em.fork(), ctx.a.id).findOneOrFail(Tenant, { id: ctx.a.id });
    tenant.settings = {
      ...tenant.settings,
      notifications: { categories: { sla: { maxItemsPerWindow: 1, windowMinutes: 60 } } },
    };
    await ctx.orm.em.fork().persistAndFlush(tenant);
    const stream = await connect('marketer');
    await stream.waitFor((e) => e.event === 'unread');
    await notify('marketer', 'sla 1', 'sla');
    await notify('marketer', 'sla 2', 'sla');
    const digest = await stream.waitFor(
      (e) => e.event === 'notification' && parsed(e).item.digestCount === 1,
    );
    await notify('marketer', 'sla 3', 'sla');
    const grown = await stream.waitFor((e) => e.event === 'notification' && parsed(e).item.digestCount === 2);
    expect(parsed(grown).item.id).toBe(parsed(digest).item.id);
    expect(Number(grown.id)).toBeGreaterThan(Number(digest.id));
    expect(parsed(grown).toast).toBe(false);
    expect(parsed(stream.events.find(titled('sla 1'))!).toast).toBe(true);
  });

  it('refuses a missing or forged ticket with 401 before opening the stream', async () => {
    const res = await fetch(`${base}/api/v1/notifications/stream?ticket=forged`);
    expect(res.status).toBe(401);
    const missing = await fetch(`${base}/api/v1/notifications/stream`);
    expect(missing.status).toBe(400);
  });
});
