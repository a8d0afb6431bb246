import type { Express } from 'express';
import request from 'supertest';
import {
  AuditLog,
  Conversation,
  Customer,
  forTenant,
  Message,
  OutboxEvent,
  saveSlaSettings,
  Ticket,
  TICKET_RESOLVED,
  type ConversationChannel,
  type ConversationStatus,
} from '@c360/store';
import type { Role } from '@c360/domain';
import { openTestContext, type TenantFixture, type TestContext } from '../../__tests__/support/testContext';

const NOW = new Date('2026-11-20T12:00:00.000Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

let ctx: TestContext;
let app: Express;
const ids: Record<'c1' | 'c2' | 'c3' | 'c4' | 'other', string> = {
  c1: '',
  c2: '',
  c3: '',
  c4: '',
  other: '',
};
const tickets: Record<'t1' | 't2' | 't3', string> = { t1: '', t2: '', t3: '' };
let customerId = '';

type ConvSeed = {
  channel: ConversationChannel;
  status: ConversationStatus;
  lastMessageAt: Date;
  lastInboundAt: Date | null;
  assigneeId?: string;
  ticket?: Partial<Ticket> & { team: string };
};

const seedConversation = async (tenant: TenantFixture, seed: ConvSeed) => {
  const em = forTenant(ctx.orm.em.fork(), tenant.id);
  const customer = em.create(Customer, {
    tenant: tenant.id,
    firstName: 'Grace',
    lastName: 'Hopper',
    timeZone: 'UTC',
    language: 'en',
  });
  const ticket = seed.ticket
    ? em.create(Ticket, {
        tenant: tenant.id,
        customer,
        subject: 'Help',
        slaPolicy: 'standard',
        ...seed.ticket,
      })
    : null;
  const conversation = em.create(Conversation, {
    tenant: tenant.id,
    customer,
    channel: seed.channel,
    status: seed.status,
    assignee: seed.assigneeId ?? null,
    ticket,
    lastMessageAt: seed.lastMessageAt,
    lastInboundAt: seed.lastInboundAt,
    createdAt: minutes(-600),
  });
  await em.flush();
  return { conversation: conversation.id, ticket: ticket?.id ?? '', customer: customer.id };
};

const get = async (path: string, role: Role = 'agent', tenant: TenantFixture = ctx.a) =>
  request(app)
    .get(path)
    .set('Authorization', `Bearer ${await ctx.token(tenant, role)}`);
const post = async (path: string, body?: object, role: Role = 'agent', tenant: TenantFixture = ctx.a) =>
  request(app)
    .post(path)
    .set('Authorization', `Bearer ${await ctx.token(tenant, role)}`)
    .send(body ?? {});

const list = async (query: string, role: Role = 'agent'): Promise<string[]> => {
  const res = await get(`/api/v1/inbox/conversations?pageSize=100&${query}`, role);
  expect(res.status).toBe(200);
  return (res.body.items as { id: string }[]).map((i) => i.id);
};

beforeAll(async () => {
  ctx = await openTestContext('inboxlist');
  // The clock moves a millisecond per reading, so actions in one test have an order.
  let ticks = 0;
  app = ctx.appWith({ now: () => new Date(NOW.getTime() + ticks++) });
  const c1 = await seedConversation(ctx.a, {
    channel: 'whatsapp',
    status: 'open',
    lastMessageAt: minutes(-10),
    lastInboundAt: minutes(-10),
    assigneeId: ctx.a.users.agent.id,
    ticket: {
      team: 'billing',
      createdAt: minutes(-65),
      firstResponseDueAt: minutes(-5),
      resolutionDueAt: minutes(600),
    },
  });
  const c2 = await seedConversation(ctx.a, {
    channel: 'email',
    status: 'pending',
    lastMessageAt: minutes(-60),
    lastInboundAt: minutes(-60),
    // Opened 150 min ago, first response due in 30: 83 % of its window used (at risk at 80 %).
    ticket: {
      team: 'support',
      createdAt: minutes(-150),
      firstResponseDueAt: minutes(30),
      resolutionDueAt: minutes(600),
    },
  });
  const c3 = await seedConversation(ctx.a, {
    channel: 'instagram',
    status: 'open',
    lastMessageAt: minutes(-120),
    lastInboundAt: null,
    assigneeId: ctx.a.users.manager.id,
    ticket: {
      team: 'support',
      createdAt: minutes(-300),
      firstResponseDueAt: minutes(-200),
      firstRespondedAt: minutes(-210),
      resolutionDueAt: minutes(300),
    },
  });
  const c4 = await seedConversation(ctx.a, {
    channel: 'whatsapp',
    status: 'closed',
    lastMessageAt: minutes(-180),
    lastInboundAt: null,
  });
  const other = await seedConversation(ctx.b, {
    channel: 'whatsapp',
    status: 'open',
    lastMessageAt: minutes(-1),
    lastInboundAt: minutes(-1),
  });
  Object.assign(ids, {
    c1: c1.conversation,
    c2: c2.conversation,
    c3: c3.conversation,
    c4: c4.conversation,
    other: other.conversation,
  });
  Object.assign(tickets, { t1: c1.ticket, t2: c2.ticket, t3: c3.ticket });
  customerId = c1.customer;

  const em = forTenant(ctx.orm.em.fork(), ctx.a.id);
  const message = (
    sentAt: Date,
    direction: 'inbound' | 'outbound',
    body: string,
    extra: { author?: string; attachments?: Message['attachments'] } = {},
  ) =>
    em.create(Message, {
      tenant: ctx.a.id,
      conversation: ids.c1,
      channel: 'whatsapp',
      direction,
      body,
      deliveryStatus: direction === 'inbound' ? 'received' : 'delivered',
      sentAt,
      ...extra,
    });
  message(minutes(-30), 'inbound', 'My invoice is wrong', {
    attachments: [{ fileName: 'invoice.pdf', contentType: 'application/pdf', size: 1200 }],
  });
  message(minutes(-20), 'outbound', 'Let me check', { author: ctx.a.users.agent.id });
  message(minutes(-10), 'inbound', 'Thanks');
  await em.flush();
}, 120_000);
afterAll(async () => ctx?.close());

describe('GET /api/v1/inbox/conversations', () => {
  it("lists the tenant's conversations by last activity, newest first, and none of another tenant", async () => {
    expect(await list('')).toEqual([ids.c1, ids.c2, ids.c3, ids.c4]);
  });

  it("sorts by the linked ticket's next SLA due date, nothing due last", async () => {
    // c3's first response is done: its resolution (+300 min) is what is due.
    expect(await list('sort=sla_due')).toEqual([ids.c1, ids.c2, ids.c3, ids.c4]);
    const res = await get('/api/v1/inbox/conversations?sort=sla_due');
    const byId = new Map(
      (res.body.items as { id: string; slaRisk: string; slaDueAt: string | null }[]).map((i) => [i.id, i]),
    );
    expect(byId.get(ids.c1)).toMatchObject({ slaRisk: 'breached', slaDueAt: minutes(-5).toISOString() });
    expect(byId.get(ids.c2)).toMatchObject({ slaRisk: 'at_risk', slaDueAt: minutes(30).toISOString() });
    expect(byId.get(ids.c3)).toMatchObject({ slaRisk: 'ok', slaDueAt: minutes(300).toISOString() });
    expect(byId.get(ids.c4)).toMatchObject({ slaRisk: 'none', slaDueAt: null });
  });

  it("judges SLA risk by the tenant's risk threshold", async () => {
    const em = forTenant(ctx.orm.em.fork(), ctx.a.id);
    const risk = async () =>
      (
        (await get('/api/v1/inbox/conversations?pageSize=100')).body.items as {
          id: string;
          slaRisk: string;
        }[]
      ).find((i) => i.id === ids.c2)?.slaRisk;
    try {
      // c2 has used 83 % of its first-response window: at risk from 80 %, not yet from 90 %.
      await saveSlaSettings(em, ctx.a.id, { riskThreshold: 0.9 });
      expect(await risk()).toBe('ok');
      await saveSlaSettings(em, ctx.a.id, { riskThreshold: 0.5 });
      expect(await risk()).toBe('at_risk');
    } finally {
      await saveSlaSettings(em, ctx.a.id, {});
    }
  });

  it('filters by channel, status, assignee (me, none, an id), team and SLA risk', async () => {
    expect(await list('channel=whatsapp')).toEqual([ids.c1, ids.c4]);
    expect(await list('channel=whatsapp,email')).toEqual([ids.c1, ids.c2, ids.c4]);
    expect(await list('status=open')).toEqual([ids.c1, ids.c3]);
    expect(await list('assignee=me')).toEqual([ids.c1]);
    expect(await list('assignee=me', 'manager')).toEqual([ids.c3]);
    expect(await list('assignee=none')).toEqual([ids.c2, ids.c4]);
    expect(await list(`assignee=${ctx.a.users.manager.id}`)).toEqual([ids.c3]);
    expect(await list('team=support')).toEqual([ids.c2, ids.c3]);
    expect(await list('slaRisk=breached')).toEqual([ids.c1]);
    expect(await list('slaRisk=at_risk,ok')).toEqual([ids.c2, ids.c3]);
    expect(await list('channel=whatsapp&status=open&slaRisk=breached')).toEqual([ids.c1]);
  });

  it('tracks unread per agent: marking read and unread moves one conversation in and out', async () => {
    expect(await list('unread=true')).toEqual([ids.c1, ids.c2]);
    const read = await post(`/api/v1/inbox/conversations/${ids.c1}/read`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ id: ids.c1, unread: false });
    expect(await list('unread=true')).toEqual([ids.c2]);
    expect(await list('unread=false')).toEqual([ids.c1, ids.c3, ids.c4]);
    // Another agent's read state is their own.
    expect(await list('unread=true', 'manager')).toEqual([ids.c1, ids.c2]);
    const unread = await request(app)
      .delete(`/api/v1/inbox/conversations/${ids.c1}/read`)
      .set('Authorization', `Bearer ${await ctx.token(ctx.a, 'agent')}`);
    expect(unread.status).toBe(200);
    expect(await list('unread=true')).toEqual([ids.c1, ids.c2]);
  });

  it('pages by cursor through every conversation exactly once, for both sorts', async () => {
    for (const sort of ['last_activity', 'sla_due']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await get(
          `/api/v1/inbox/conversations?sort=${sort}&pageSize=1${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.status).toBe(200);
        expect(res.body.items).toHaveLength(1);
        seen.push(res.body.items[0].id as string);
        cursor = res.body.nextCursor as string | null;
      } while (cursor);
      expect(seen).toEqual([ids.c1, ids.c2, ids.c3, ids.c4]);
    }
  });

  it('answers 400 naming the field for a bad filter or cursor', async () => {
    const channel = await get('/api/v1/inbox/conversations?channel=sms');
    expect(channel.status).toBe(400);
    expect(channel.body.error.fields.map((f: { path: string }) => f.path)).toContain('query.channel.0');
    const assignee = await get('/api/v1/inbox/conversations?assignee=bob');
    expect(assignee.status).toBe(400);
    expect(assignee.body.error.fields[0].path).toBe('query.assignee');
    const cursor = await get('/api/v1/inbox/conversations?cursor=bm90LWEtY3Vyc29y');
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.fields).toEqual([{ path: 'query.cursor', message: expect.any(String) }]);
  });

  it('is for agents, managers and admins only', async () => {
    expect((await get('/api/v1/inbox/conversations', 'marketer')).status).toBe(403);
    expect((await get('/api/v1/inbox/conversations', 'admin')).status).toBe(200);
    expect((await request(app).get('/api/v1/inbox/conversations')).status).toBe(401);
  });
});

describe('a conversation of another tenant', () => {
  it('is not found, for reading and for every action', async () => {
    const path = `/api/v1/inbox/conversations/${ids.other}`;
    expect((await get(path)).status).toBe(404);
    expect((await post(`${path}/assign`, { assigneeId: 'me' })).status).toBe(404);
    expect((await post(`${path}/tags`, { add: ['vip'] })).status).toBe(404);
    expect((await post(`${path}/resolve`)).status).toBe(404);
    expect((await post(`${path}/reopen`)).status).toBe(404);
    expect((await post(`${path}/read`)).status).toBe(404);
    expect((await post(`${path}/reply`, { text: 'hello' })).status).toBe(404);
    const em = forTenant(ctx.orm.em.fork(), ctx.b.id);
    const untouched = await em.findOneOrFail(Conversation, { id: ids.other });
    expect(untouched).toMatchObject({ status: 'open', tags: [] });
    expect(untouched.assignee).toBeNull();
  });
});

describe('triage actions and the thread', () => {
  it('assigns, tags and shows both as events in the thread beside the messages, newest first', async () => {
    const path = `/api/v1/inbox/conversations/${ids.c2}`;
    const assigned = await post(`${path}/assign`, { assigneeId: ctx.a.users.manager.id });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ assigneeId: ctx.a.users.manager.id, changed: true });
    const tagged = await post(`${path}/tags`, { add: ['VIP', 'refund'] });
    expect(tagged.body).toMatchObject({ tags: ['refund', 'vip'], changed: true });
    const untagged = await post(`${path}/tags`, { remove: ['refund'] });
    expect(untagged.body).toMatchObject({ tags: ['vip'], changed: true });
    const again = await post(`${path}/tags`, { add: ['vip'] });
    expect(again.body).toMatchObject({ tags: ['vip'], changed: false });

    const thread = await get(path);
    expect(thread.status).toBe(200);
    expect(thread.body.items.map((i: { action: string }) => i.action)).toEqual([
      'conversation.tags_changed',
      'conversation.tags_changed',
      'conversation.assigned',
    ]);
    expect(thread.body.items[2]).toMatchObject({
      kind: 'event',
      actorId: ctx.a.users.agent.id,
      before: { assigneeId: null },
      after: { assigneeId: ctx.a.users.manager.id },
    });
    expect(await list('assignee=none')).toEqual([ids.c4]);
  });

  it('pages the thread of messages and events by cursor', async () => {
    const path = `/api/v1/inbox/conversations/${ids.c1}`;
    await post(`${path}/tags`, { add: ['billing'] });
    const items: { kind: string; direction?: string; body?: string; attachments?: unknown[] }[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(`${path}?pageSize=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.conversation).toMatchObject({
        id: ids.c1,
        channel: 'whatsapp',
        whatsappWindowOpen: true,
      });
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    // The tag event (now, by the app's clock: the audit row's time) comes before the older messages.
    expect(items.map((i) => i.body ?? i.kind)).toEqual([
      'event',
      'Thanks',
      'Let me check',
      'My invoice is wrong',
    ]);
    expect(items[3]).toMatchObject({
      kind: 'message',
      direction: 'inbound',
      channel: 'whatsapp',
      deliveryStatus: 'received',
      attachments: [{ fileName: 'invoice.pdf', contentType: 'application/pdf', size: 1200 }],
    });
  });

  it('refuses an assignee outside the tenant and a malformed tag with 400 naming the field, changing nothing', async () => {
    const path = `/api/v1/inbox/conversations/${ids.c3}`;
    const foreign = await post(`${path}/assign`, { assigneeId: ctx.b.users.agent.id });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.fields).toEqual([{ path: 'body.assigneeId', message: expect.any(String) }]);
    const badTag = await post(`${path}/tags`, { add: ['ok', '<script>'] });
    expect(badTag.status).toBe(400);
    expect(badTag.body.error.fields[0].path).toBe('body.add.1');
    const empty = await post(`${path}/tags`, {});
    expect(empty.status).toBe(400);
    const em = forTenant(ctx.orm.em.fork(), ctx.a.id);
    const c3 = await em.findOneOrFail(Conversation, { id: ids.c3 });
    expect(c3.assignee?.id).toBe(ctx.a.users.manager.id);
    expect(c3.tags).toEqual([]);
    expect(await em.count(AuditLog, { entityId: ids.c3 })).toBe(0);
  });
});

describe('resolve and reopen', () => {
  const events = () =>
    ctx.orm.em
      .fork()
      .find(OutboxEvent, { tenantId: ctx.a.id, type: TICKET_RESOLVED, aggregateId: tickets.t1 });

  it('resolves the linked ticket and emits ticket.resolved once, however often it is resolved', async () => {
    const path = `/api/v1/inbox/conversations/${ids.c1}`;
    const first = await post(`${path}/resolve`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'closed', ticketStatus: 'resolved', changed: true });
    const second = await post(`${path}/resolve`);
    expect(second.body).toMatchObject({ status: 'closed', ticketStatus: 'resolved', changed: false });

    const emitted = await events();
    expect(emitted).toHaveLength(1);
    const em = forTenant(ctx.orm.em.fork(), ctx.a.id);
    const ticket = await em.findOneOrFail(Ticket, { id: tickets.t1 });
    expect(ticket).toMatchObject({ status: 'resolved', autoResolved: false });
    expect(ticket.resolvedAt!.getTime()).toBeGreaterThanOrEqual(NOW.getTime());
    expect(emitted[0]!.payload).toEqual({
      ticketId: tickets.t1,
      customerId,
      conversationId: ids.c1,
      resolvedAt: ticket.resolvedAt!.toISOString(),
      autoResolved: false,
    });
    expect(await em.count(AuditLog, { entityId: ids.c1, action: 'conversation.resolved' })).toBe(1);
  });

  it('reopens the conversation and its ticket; resolving again is a new resolution', async () => {
    const path = `/api/v1/inbox/conversations/${ids.c1}`;
    const reopened = await post(`${path}/reopen`);
    expect(reopened.body).toMatchObject({ status: 'open', ticketStatus: 'open', changed: true });
    const em = forTenant(ctx.orm.em.fork(), ctx.a.id);
    expect(await em.findOneOrFail(Ticket, { id: tickets.t1 })).toMatchObject({
      status: 'open',
      resolvedAt: null,
    });
    await post(`${path}/resolve`);
    expect(await events()).toHaveLength(2);
    const thread = await get(path);
    expect(thread.body.items.slice(0, 3).map((i: { action: string }) => i.action)).toEqual([
      'conversation.resolved',
      'conversation.reopened',
      'conversation.resolved',
    ]);
  });
});
