import { Conversation, forTenant, OutboxEvent, Ticket } from '@c360/store';
import {
  eventually,
  linkTicket,
  openChannelHarness,
  type AnyJson,
  type ChannelHarness,
} from '../../webhooks/__tests__/support/channelHarness';

/**
 * The writes that drive a ticket's SLA clock, through the real API and the channel sandbox:
 * an agent reply, waiting on the customer, and the customer's answer each append their outbox
 * event in the transaction of the change.
 */
let h: ChannelHarness;
let agentToken = '';

beforeAll(async () => {
  h = await openChannelHarness('inboxsla');
  agentToken = await h.ctx.token(h.tenant, 'agent');
}, 120_000);
afterAll(async () => h?.close());

const em = () => forTenant(h.ctx.orm.em.fork(), h.tenant.id);

const call = async (method: string, path: string, body?: object) => {
  const response = await fetch(`${h.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${agentToken}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as AnyJson };
};

const customerWrites = async (phone: string, text: string) => {
  const sent = await h.control('POST', '/whatsapp/inbound', { from: phone, name: 'Ada', text });
  expect(sent.status).toBe(202);
};

const ticketEvents = async (ticketId: string) =>
  (
    await em().find(
      OutboxEvent,
      { aggregateType: 'ticket', aggregateId: ticketId },
      { orderBy: { id: 'asc' } },
    )
  ).map((e) => ({ type: e.type, payload: e.payload }));

/** A customer's WhatsApp conversation with an open ticket linked to it. */
const conversationWithTicket = async () => {
  const phone = `1555${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;
  await customerWrites(phone, 'My parcel never came');
  const conversation = await eventually(() =>
    em().findOne(Conversation, { channel: 'whatsapp', externalThreadId: phone }),
  );
  const ticketId = await linkTicket(h, conversation.id, conversation.customer.id);
  return {
    phone,
    conversationId: conversation.id,
    ticketId,
    customerId: conversation.customer.id,
  };
};

it('records ticket.agent_replied for each reply, marking the first response once', async () => {
  const c = await conversationWithTicket();
  expect(
    (await call('POST', `/api/v1/inbox/conversations/${c.conversationId}/reply`, { text: 'On it' })).status,
  ).toBe(201);
  expect(
    (await call('POST', `/api/v1/inbox/conversations/${c.conversationId}/reply`, { text: 'Found it' }))
      .status,
  ).toBe(201);
  const replies = (await ticketEvents(c.ticketId)).filter((e) => e.type === 'ticket.agent_replied');
  expect(replies.map((e) => e.payload['firstResponse'])).toEqual([true, false]);
  expect(replies[0]?.payload).toMatchObject({
    ticketId: c.ticketId,
    customerId: c.customerId,
    conversationId: c.conversationId,
  });
  const ticket = await em().findOneOrFail(Ticket, { id: c.ticketId });
  expect(ticket.firstRespondedAt?.toISOString()).toBe(replies[0]?.payload['at']);
});

it('waits on the customer (ticket pending) until the customer writes again (ticket open), each a ticket.status_changed', async () => {
  const c = await conversationWithTicket();
  const waiting = await call('POST', `/api/v1/inbox/conversations/${c.conversationId}/wait-on-customer`);
  expect(waiting.status).toBe(200);
  expect(waiting.body).toMatchObject({ status: 'pending', ticketStatus: 'pending', changed: true });
  const again = await call('POST', `/api/v1/inbox/conversations/${c.conversationId}/wait-on-customer`);
  expect(again.body).toMatchObject({ changed: false });
  expect(await ticketEvents(c.ticketId)).toEqual([
    { type: 'ticket.status_changed', payload: expect.objectContaining({ from: 'open', to: 'pending' }) },
  ]);

  await customerWrites(c.phone, 'Here is the tracking number');
  await eventually(async () => (await em().findOneOrFail(Ticket, { id: c.ticketId })).status === 'open');
  expect((await em().findOneOrFail(Conversation, { id: c.conversationId })).status).toBe('open');
  const events = await ticketEvents(c.ticketId);
  expect(events.map((e) => [e.type, e.payload['from'], e.payload['to']])).toEqual([
    ['ticket.status_changed', 'open', 'pending'],
    ['ticket.status_changed', 'pending', 'open'],
  ]);
  expect(events[1]?.payload).toMatchObject({ ticketId: c.ticketId, customerId: c.customerId });
});

it('refuses to wait on the customer of a resolved ticket with 409, changing nothing', async () => {
  const c = await conversationWithTicket();
  expect((await call('POST', `/api/v1/inbox/conversations/${c.conversationId}/resolve`)).status).toBe(200);
  const refused = await call('POST', `/api/v1/inbox/conversations/${c.conversationId}/wait-on-customer`);
  expect(refused.status).toBe(409);
  expect((await em().findOneOrFail(Ticket, { id: c.ticketId })).status).toBe('resolved');
  expect((await ticketEvents(c.ticketId)).map((e) => e.type)).not.toContain('ticket.status_changed');
});
