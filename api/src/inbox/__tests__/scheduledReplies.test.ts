import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Express } from 'express';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import {
  AuditLog,
  Conversation,
  Customer,
  forTenant,
  Message,
  OutboxEvent,
  ScheduledReply,
  Ticket,
} from '@c360/store';
import { sendStatusQuery } from '@c360/workflows';
import {
  eventually,
  FOLLOWUP_TEMPLATE_REPLY,
  linkTicket,
  openChannelHarness,
  openSendWorker,
  storeFollowupTemplate,
  type AnyJson,
  type ChannelHarness,
} from '../../webhooks/__tests__/support/channelHarness';

/**
 * Send later through the API: the reply is a `sendMessageWorkflow` on the dev server, run by a
 * worker with the real activities, delivering to the sandbox.
 */
Runtime.install({ logger: new DefaultLogger('ERROR') });

let h: ChannelHarness;
let app: Express;
let token = '';
let sendPath: Awaited<ReturnType<typeof openSendWorker>>;

beforeAll(async () => {
  h = await openChannelHarness('sendlater');
  token = await h.ctx.token(h.tenant, 'agent');
  sendPath = await openSendWorker(h, 'scheduled-replies');
  // Immediate replies through the harness's adapters, later ones through the send path.
  app = h.ctx.appWith({ ...h.appDeps, sends: sendPath.sends });
}, 120_000);
afterAll(async () => {
  await sendPath?.close();
  await h?.close();
});

const em = () => forTenant(h.ctx.orm.em.fork(), h.tenant.id);
const api = () => ({
  get: (path: string) => request(app).get(path).set('Authorization', `Bearer ${token}`),
  post: (path: string, body: object) =>
    request(app).post(path).set('Authorization', `Bearer ${token}`).send(body),
  patch: (path: string, body: object) =>
    request(app).patch(path).set('Authorization', `Bearer ${token}`).send(body),
  delete: (path: string) => request(app).delete(path).set('Authorization', `Bearer ${token}`),
});
const whatsappSent = async (to: string): Promise<AnyJson[]> =>
  (await h.control('GET', `/whatsapp/messages?to=${to}`)).json.data as AnyJson[];

const customerWrites = async (text: string) => {
  const phone = `1555${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;
  expect((await h.control('POST', '/whatsapp/inbound', { from: phone, name: 'Ada', text })).status).toBe(202);
  const conversation = await eventually(() =>
    em().findOne(Conversation, { channel: 'whatsapp', externalThreadId: phone }),
  );
  return { phone, conversationId: conversation.id, customerId: conversation.customer.id };
};

const inHours = (h: number): string => new Date(Date.now() + h * 3600_000).toISOString();

/** Quiet hours 22:00-07:00 in a fixed-offset zone where it is 23:xx now: they end in 7-8 hours. */
const quietNow = async (customerId: string): Promise<string> => {
  let x = (new Date().getUTCHours() + 1) % 24;
  if (x > 12) x -= 24;
  const zone = x === 0 ? 'Etc/GMT' : x > 0 ? `Etc/GMT+${x}` : `Etc/GMT-${-x}`;
  const scoped = em();
  const customer = await scoped.findOneOrFail(Customer, { id: customerId });
  customer.customFields = {
    ...customer.customFields,
    marketingPreferences: {
      ...customer.customFields.marketingPreferences,
      quietHours: { start: '22:00', end: '07:00', timeZone: zone },
    },
  };
  await scoped.flush();
  return zone;
};

const agentReplies = async (ticketId: string) =>
  (
    await em().find(
      OutboxEvent,
      { aggregateType: 'ticket', aggregateId: ticketId, type: 'ticket.agent_replied' },
      { orderBy: { id: 'asc' } },
    )
  ).map((e) => e.payload as AnyJson);

describe('send later', () => {
  it('schedules, lists, edits and cancels a reply; nothing is sent', async () => {
    const { phone, conversationId } = await customerWrites('Call me back tomorrow?');
    const sendAt = inHours(1);
    const created = await api().post(`/api/v1/inbox/conversations/${conversationId}/reply`, {
      text: 'Sure, talk soon',
      sendAt,
    });
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({ status: 'scheduled', sendAt, plannedAt: sendAt });
    const id = created.body.id as string;

    const list = await api().get(`/api/v1/inbox/conversations/${conversationId}/scheduled-replies`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((r: AnyJson) => [r.id, r.status])).toEqual([[id, 'scheduled']]);

    const later = inHours(2);
    const edited = await api().patch(`/api/v1/inbox/scheduled-replies/${id}`, {
      text: 'Edited',
      sendAt: later,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ sendAt: later, content: { type: 'text', text: 'Edited' } });
    const row = await em().findOneOrFail(ScheduledReply, { id });
    const handle = h.ctx.temporal.workflow.getHandle(row.workflowId);
    await eventually(async () => (await handle.query(sendStatusQuery)).plannedAt === later);

    const cancelled = await api().delete(`/api/v1/inbox/scheduled-replies/${id}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(await handle.result()).toEqual({ status: 'skipped', reason: 'cancelled' });
    expect((await api().delete(`/api/v1/inbox/scheduled-replies/${id}`)).status).toBe(409);
    expect(await whatsappSent(phone)).toHaveLength(0);
  });

  it('sends a reply when its time comes, once, and records it on the scheduled reply', async () => {
    const { phone, conversationId } = await customerWrites('When does it ship?');
    const sendAt = new Date(Date.now() + 1500).toISOString();
    const created = await api().post(`/api/v1/inbox/conversations/${conversationId}/scheduled-replies`, {
      text: 'It ships today',
      sendAt,
    });
    expect(created.status).toBe(202);
    const row = await eventually(async () => {
      const r = await em().findOne(ScheduledReply, { id: created.body.id });
      return r?.status === 'sent' ? r : null;
    });
    expect(row.messageId).toBeTruthy();
    const sent = await whatsappSent(phone);
    expect(sent).toHaveLength(1);
    expect(sent[0].request).toMatchObject({ to: phone, type: 'text', text: { body: 'It ships today' } });
  });

  it('refuses free text that would go after the WhatsApp window closes, and bad input, storing nothing', async () => {
    const { conversationId } = await customerWrites('Hello');
    const late = await api().post(`/api/v1/inbox/conversations/${conversationId}/scheduled-replies`, {
      text: 'Too late',
      sendAt: inHours(30),
    });
    expect(late.status).toBe(409);
    const both = await api().post(`/api/v1/inbox/conversations/${conversationId}/scheduled-replies`, {
      text: 'x',
      sendAt: inHours(1),
      atQuietHoursEnd: true,
    });
    expect(both.status).toBe(400);
    expect(both.body.error.fields[0].path).toBe('body.sendAt');
    expect(await em().count(ScheduledReply, { conversation: conversationId })).toBe(0);
  });

  it("tells the composer it is the customer's quiet hours and sends at their end on request", async () => {
    const { conversationId, customerId } = await customerWrites('Late night question');
    const zone = await quietNow(customerId);

    const check = await api().get(`/api/v1/inbox/conversations/${conversationId}/compose-check`);
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({
      quietHours: { now: true, timeZone: zone },
      whatsappWindow: { open: true },
      customerWroteInLast24h: true,
      suggestSendLater: false,
    });
    const endsAt = check.body.quietHours.endsAt as string;
    expect(new Date(endsAt).getTime()).toBeGreaterThan(Date.now());

    const created = await api().post(`/api/v1/inbox/conversations/${conversationId}/scheduled-replies`, {
      text: 'Answering in the morning',
      atQuietHoursEnd: true,
    });
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({ sendAt: endsAt, plannedAt: endsAt });
    expect((await api().delete(`/api/v1/inbox/scheduled-replies/${created.body.id}`)).status).toBe(200);
  });
});

describe("an immediate reply in the customer's quiet hours (the send path's gate)", () => {
  const reply = (conversationId: string, body: object, key: string) =>
    request(app)
      .post(`/api/v1/inbox/conversations/${conversationId}/reply`)
      .set('Authorization', `Bearer ${token}`)
      .set('Idempotency-Key', key)
      .send(body);

  it('is held until they end as a scheduled reply on the send path, once per key, and sends nothing now', async () => {
    const { phone, conversationId, customerId } = await customerWrites('Are you open?');
    await quietNow(customerId);
    const endsAt = (await api().get(`/api/v1/inbox/conversations/${conversationId}/compose-check`)).body
      .quietHours.endsAt as string;
    const key = `held-${randomUUID()}`;

    const held = await reply(conversationId, { text: 'Yes, from nine.' }, key);
    expect(held.status).toBe(202);
    expect(held.body).toMatchObject({
      heldBy: 'quiet_hours',
      status: 'scheduled',
      sendAt: endsAt,
      plannedAt: endsAt,
      conversationId,
      content: { type: 'text', text: 'Yes, from nine.' },
    });
    // The send path holds it: its workflow plans the end of quiet hours.
    const row = await em().findOneOrFail(ScheduledReply, { id: held.body.id });
    const handle = h.ctx.temporal.workflow.getHandle(row.workflowId);
    await eventually(async () => (await handle.query(sendStatusQuery)).plannedAt === endsAt);

    // The same request again: the same held reply, nothing new.
    const again = await reply(conversationId, { text: 'Yes, from nine.' }, key);
    expect(again.status).toBe(202);
    expect(again.body.id).toBe(held.body.id);
    expect(await em().count(ScheduledReply, { conversation: conversationId })).toBe(1);
    expect(await whatsappSent(phone)).toHaveLength(0);

    expect((await api().delete(`/api/v1/inbox/scheduled-replies/${held.body.id}`)).status).toBe(200);
    expect(await handle.result()).toEqual({ status: 'skipped', reason: 'cancelled' });
    expect(await whatsappSent(phone)).toHaveLength(0);
  });

  it('answers a key already sent before quiet hours began from the adapter, without holding it', async () => {
    const { phone, conversationId, customerId } = await customerWrites('Quick question');
    const key = `sent-${randomUUID()}`;
    const first = await reply(conversationId, { text: 'Quick answer' }, key);
    expect(first.status).toBe(201);
    await quietNow(customerId);
    const retry = await reply(conversationId, { text: 'Quick answer' }, key);
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ alreadySent: true, messageId: first.body.messageId });
    expect(await em().count(ScheduledReply, { conversation: conversationId })).toBe(0);
    expect(await whatsappSent(phone)).toHaveLength(1);
  });

  it('refuses WhatsApp free text when the window closes before quiet hours end; a template is held', async () => {
    const { phone, conversationId, customerId } = await customerWrites('Hello?');
    await quietNow(customerId);
    // The customer last wrote 23 hours ago: the window closes before the morning.
    const scoped = em();
    const conversation = await scoped.findOneOrFail(Conversation, { id: conversationId });
    conversation.lastInboundAt = new Date(Date.now() - 23 * 3600_000);
    await scoped.flush();

    const text = await reply(conversationId, { text: 'Good morning' }, `late-${randomUUID()}`);
    expect(text.status).toBe(409);
    expect(text.body.error.message).toContain("the window closes before the customer's quiet hours end");
    expect(await em().count(ScheduledReply, { conversation: conversationId })).toBe(0);

    // An approved template may go outside the window: it is held for the morning like any reply.
    await storeFollowupTemplate(h);
    const held = await reply(conversationId, { template: FOLLOWUP_TEMPLATE_REPLY }, `late-${randomUUID()}`);
    expect(held.status).toBe(202);
    expect(held.body).toMatchObject({ heldBy: 'quiet_hours', content: { type: 'template' } });
    expect((await api().delete(`/api/v1/inbox/scheduled-replies/${held.body.id}`)).status).toBe(200);
    expect(await whatsappSent(phone)).toHaveLength(0);
  });

  it('refuses an Instagram comment reply in quiet hours (it cannot be held), naming when they end', async () => {
    const username = `ig_${randomUUID().slice(0, 6)}`;
    const comment = await h.control('POST', '/instagram/comments', { from: { username }, text: 'Price?' });
    const message = await eventually(() =>
      em().findOne(Message, { providerMessageId: comment.json.commentId }),
    );
    const conversation = await em().findOneOrFail(Conversation, { id: message.conversation.id });
    await quietNow(conversation.customer.id);
    const endsAt = (await api().get(`/api/v1/inbox/conversations/${conversation.id}/compose-check`)).body
      .quietHours.endsAt as string;
    const refused = await reply(conversation.id, { text: '20 euros' }, `ig-${randomUUID()}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      `the customer is in quiet hours until ${endsAt}: a comment reply cannot be held, reply then`,
    );
    expect(await em().count(ScheduledReply, { conversation: conversation.id })).toBe(0);
    expect(await em().count(Message, { conversation: conversation.id, direction: 'outbound' })).toBe(0);
  });
});

describe("a reply sent later on a ticket's conversation", () => {
  it('counts when it is sent: first response and the SLA clock', async () => {
    const { conversationId, customerId } = await customerWrites('Where is it?');
    const ticketId = await linkTicket(h, conversationId, customerId);
    const created = await api().post(`/api/v1/inbox/conversations/${conversationId}/scheduled-replies`, {
      text: 'On its way',
      sendAt: new Date(Date.now() + 1500).toISOString(),
    });
    expect(created.status).toBe(202);
    expect(await agentReplies(ticketId)).toEqual([]);
    const row = await eventually(async () => {
      const r = await em().findOne(ScheduledReply, { id: created.body.id });
      return r?.status === 'sent' ? r : null;
    });
    const events = await eventually(async () => {
      const found = await agentReplies(ticketId);
      return found.length > 0 ? found : null;
    });
    expect(events).toEqual([
      expect.objectContaining({ conversationId, messageId: row.messageId, firstResponse: true }),
    ]);
    const ticket = await em().findOneOrFail(Ticket, { id: ticketId });
    expect(ticket.firstRespondedAt?.toISOString()).toBe(events[0].at);
  });

  it('held by quiet hours, counts when the agent answered, once, and is audited as held', async () => {
    const { conversationId, customerId } = await customerWrites('Still there?');
    const ticketId = await linkTicket(h, conversationId, customerId);
    await quietNow(customerId);
    const before = Date.now();
    const key = `held-sla-${randomUUID()}`;
    const send = () =>
      request(app)
        .post(`/api/v1/inbox/conversations/${conversationId}/reply`)
        .set('Authorization', `Bearer ${token}`)
        .set('Idempotency-Key', key)
        .send({ text: 'Yes, answering first thing.' });
    const held = await send();
    expect(held.status).toBe(202);
    expect((await send()).status).toBe(202);
    const events = await agentReplies(ticketId);
    expect(events).toEqual([
      expect.objectContaining({ conversationId, messageId: null, firstResponse: true }),
    ]);
    const ticket = await em().findOneOrFail(Ticket, { id: ticketId });
    expect(ticket.firstRespondedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(ticket.firstRespondedAt!.toISOString()).toBe(events[0].at);
    const audit = await em().find(AuditLog, { action: 'conversation.reply_held', entityId: conversationId });
    expect(audit.map((a) => a.after)).toEqual([
      { scheduledReplyId: held.body.id, heldBy: 'quiet_hours', plannedAt: held.body.plannedAt },
    ]);
    expect((await api().delete(`/api/v1/inbox/scheduled-replies/${held.body.id}`)).status).toBe(200);
  });
});
