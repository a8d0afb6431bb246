import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Conversation, forTenant, Message } from '@c360/store';
import {
  eventually,
  FOLLOWUP_TEMPLATE_REPLY,
  openChannelHarness,
  storeFollowupTemplate,
  type AnyJson,
  type ChannelHarness,
} from '../../webhooks/__tests__/support/channelHarness';

let h: ChannelHarness;
let agentToken = '';

beforeAll(async () => {
  h = await openChannelHarness('inboxreply');
  agentToken = await h.ctx.token(h.tenant, 'agent');
  // The approved provider template the sandbox holds, as the template sync would store it.
  await storeFollowupTemplate(h);
}, 120_000);
afterAll(async () => h?.close());

const em = () => forTenant(h.ctx.orm.em.fork(), h.tenant.id);
const waPhone = () => `1555${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;
const followup = FOLLOWUP_TEMPLATE_REPLY;

const reply = (conversationId: string, body: object, key?: string) => {
  // The harness's listening API: the app wired with the sandbox-bound channel adapters.
  const req = request(h.apiUrl)
    .post(`/api/v1/inbox/conversations/${conversationId}/reply`)
    .set('Authorization', `Bearer ${agentToken}`);
  return (key ? req.set('Idempotency-Key', key) : req).send(body);
};

const replyTo = async (conversationId: string, body: object, key?: string) => {
  const response = await fetch(`${h.apiUrl}/api/v1/inbox/conversations/${conversationId}/reply`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${agentToken}`,
      'content-type': 'application/json',
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as AnyJson };
};

const inboxList = async (query: string): Promise<AnyJson[]> => {
  const response = await fetch(`${h.apiUrl}/api/v1/inbox/conversations?pageSize=100&${query}`, {
    headers: { authorization: `Bearer ${agentToken}` },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as AnyJson).items as AnyJson[];
};

const whatsappSent = async (to: string): Promise<AnyJson[]> =>
  (await h.control('GET', `/whatsapp/messages?to=${to}`)).json.data as AnyJson[];
const instagramSentTo = async (recipientId: string): Promise<AnyJson[]> =>
  ((await h.control('GET', '/instagram/messages')).json.data as AnyJson[]).filter(
    (m) => m.recipientId === recipientId,
  );
const mailTo = async (address: string): Promise<AnyJson[]> =>
  (await h.control('GET', `/mail?to=${encodeURIComponent(address)}`)).json.data as AnyJson[];

/** A customer writes on WhatsApp through the sandbox (at `at`, default now); the webhook lands it in a conversation. */
const whatsappCustomerWrites = async (text: string, at?: Date) => {
  const phone = waPhone();
  const sent = await h.control('POST', '/whatsapp/inbound', {
    from: phone,
    name: 'Ada',
    text,
    ...(at ? { at: at.toISOString() } : {}),
  });
  expect(sent.status).toBe(202);
  const conversation = await eventually(() =>
    em().findOne(Conversation, { channel: 'whatsapp', externalThreadId: phone }),
  );
  return { phone, conversationId: conversation.id };
};

describe('POST /api/v1/inbox/conversations/:id/reply', () => {
  it('sends WhatsApp free text inside the window once, even when the same Idempotency-Key is sent again', async () => {
    const { phone, conversationId } = await whatsappCustomerWrites('Is my order on its way?');
    const key = `retry-${randomUUID()}`;
    const first = await replyTo(conversationId, { text: 'Yes, it ships today.' }, key);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      alreadySent: false,
      providerMessageId: expect.stringMatching(/^wamid\./),
    });
    const again = await replyTo(conversationId, { text: 'Yes, it ships today.' }, key);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ alreadySent: true, messageId: first.body.messageId });

    const sent = await whatsappSent(phone);
    expect(sent).toHaveLength(1);
    expect(sent[0].request).toMatchObject({
      to: phone,
      type: 'text',
      text: { body: 'Yes, it ships today.' },
    });
    expect(await em().count(Message, { conversation: conversationId, direction: 'outbound' })).toBe(1);
  });

  it('uses the request id as the key when no Idempotency-Key is given', async () => {
    const { phone, conversationId } = await whatsappCustomerWrites('Hello?');
    const requestId = `req-${randomUUID()}`;
    for (let i = 0; i < 2; i += 1) {
      const res = await reply(conversationId, { text: 'Hello!' }).set('X-Request-Id', requestId);
      expect(res.status).toBe(i === 0 ? 201 : 200);
    }
    expect(await whatsappSent(phone)).toHaveLength(1);
  });

  it('refuses free text outside the WhatsApp 24-hour window with 409 naming it, and sends an approved template', async () => {
    const { phone, conversationId } = await whatsappCustomerWrites(
      'Old question',
      new Date(Date.now() - 25 * 3600_000),
    );
    const refused = await replyTo(conversationId, { text: 'Sorry for the delay' }, `late-${randomUUID()}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/24-hour customer service window/);
    expect(await whatsappSent(phone)).toHaveLength(0);

    const template = await replyTo(conversationId, { template: followup }, `late-${randomUUID()}`);
    expect(template.status).toBe(201);
    const sent = await whatsappSent(phone);
    expect(sent).toHaveLength(1);
    expect(sent[0].type).toBe('template');
  });

  it('answers 503 to sendAt where no send client is configured, and sends nothing', async () => {
    const { phone, conversationId } = await whatsappCustomerWrites('Later please');
    const res = await replyTo(conversationId, { text: 'Tomorrow', sendAt: '2030-01-01T09:00:00Z' });
    expect(res.status).toBe(503);
    expect(res.body.error.message).toMatch(/send later is not configured/);
    expect(await whatsappSent(phone)).toHaveLength(0);
  });

  it('answers 400 naming the field for bad input, and sends nothing', async () => {
    const { phone, conversationId } = await whatsappCustomerWrites('Bad input ahead');
    const none = await reply(conversationId, {});
    expect(none.status).toBe(400);
    expect(none.body.error.fields[0].path).toBe('body.text');
    const both = await reply(conversationId, { text: 'x', template: followup });
    expect(both.status).toBe(400);
    const badParam = await reply(conversationId, {
      template: { ...followup, parameters: { body: [{ type: 'text', text: '' }] } },
    });
    expect(badParam.status).toBe(400);
    expect(badParam.body.error.fields[0].path).toMatch(/^body\.template\.parameters\.body\.0/);
    const badKey = await reply(conversationId, { text: 'x' }, 'short');
    expect(badKey.status).toBe(400);
    expect(badKey.body.error.fields).toEqual([
      { path: 'headers.idempotency-key', message: expect.any(String) },
    ]);
    const htmlOnWhatsApp = await reply(conversationId, { text: 'x', html: '<p>x</p>' });
    expect(htmlOnWhatsApp.status).toBe(400);
    expect(htmlOnWhatsApp.body.error.fields[0].path).toBe('body.html');
    expect(await whatsappSent(phone)).toHaveLength(0);
  });

  it('refuses a template whose parameters do not fit the stored template with 409, before any call', async () => {
    const { phone, conversationId } = await whatsappCustomerWrites('Template check');
    const res = await replyTo(
      conversationId,
      { template: { ...followup, parameters: { body: [{ type: 'text', text: 'only one' }] } } },
      `tpl-${randomUUID()}`,
    );
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/template parameters/);
    expect(await whatsappSent(phone)).toHaveLength(0);
  });
});

describe('end to end: a customer writes on each channel through the sandbox, an agent answers from the inbox', () => {
  it('lists each conversation and delivers exactly one correctly formed answer per channel', async () => {
    const tag = randomUUID().slice(0, 8);

    // WhatsApp: the customer writes; the agent answers with an approved template.
    const wa = await whatsappCustomerWrites(`Where is order ${tag}?`);

    // Instagram DM.
    const ig = await h.control('POST', '/instagram/inbound', {
      from: { username: `ada_${tag}` },
      text: `Do you ship abroad? ${tag}`,
    });
    expect(ig.status).toBe(202);
    const igSender = ig.json.senderId as string;
    const igConversation = await eventually(() =>
      em().findOne(Conversation, { channel: 'instagram', externalThreadId: `dm:${igSender}` }),
    );

    // Email to the support mailbox.
    const customerEmail = `ada.${tag}@example.com`;
    const mail = await h.control('POST', '/email/inbound', {
      from: customerEmail,
      to: [h.mailbox],
      subject: `Broken blender ${tag}`,
      text: 'It stopped working after a week.',
    });
    expect(mail.status).toBe(202);
    const emailConversation = await eventually(() =>
      em().findOne(Conversation, { channel: 'email', subject: `Broken blender ${tag}` }),
    );

    // All three are in the inbox, unread, with the customer's words as preview.
    const listed = await inboxList('unread=true');
    const byId = new Map(listed.map((c) => [c.id as string, c]));
    expect(byId.get(wa.conversationId)).toMatchObject({
      channel: 'whatsapp',
      preview: `Where is order ${tag}?`,
      whatsappWindowOpen: true,
    });
    expect(byId.get(igConversation.id)).toMatchObject({
      channel: 'instagram',
      preview: `Do you ship abroad? ${tag}`,
    });
    expect(byId.get(emailConversation.id)).toMatchObject({
      channel: 'email',
      subject: `Broken blender ${tag}`,
    });

    // The agent answers each through the API; every request is sent twice, as a flaky client would.
    const answers = [
      [wa.conversationId, { template: followup }],
      [igConversation.id, { text: `Yes, worldwide. ${tag}` }],
      [
        emailConversation.id,
        { text: 'We will send a replacement.', html: '<p>We will send a <b>replacement</b>.</p>' },
      ],
    ] as const;
    for (const [conversationId, body] of answers) {
      const key = `e2e-${conversationId}`;
      const first = await replyTo(conversationId, body, key);
      expect(first.status).toBe(201);
      const retried = await replyTo(conversationId, body, key);
      expect(retried.status).toBe(200);
      expect(retried.body.messageId).toBe(first.body.messageId);
    }

    // WhatsApp: one template message with the template's name, language and parameters.
    const waSent = await whatsappSent(wa.phone);
    expect(waSent).toHaveLength(1);
    expect(waSent[0].request).toMatchObject({
      messaging_product: 'whatsapp',
      to: wa.phone,
      type: 'template',
      template: {
        name: 'conversation_followup',
        language: { code: 'en_US' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Ada' },
              { type: 'text', text: 'Sam' },
            ],
          },
        ],
      },
    });

    // Instagram: one DM to the customer.
    const igSent = await instagramSentTo(igSender);
    expect(igSent).toHaveLength(1);
    expect(igSent[0].message).toEqual({ text: `Yes, worldwide. ${tag}` });

    // Email: one reply in the thread, from the mailbox, with both parts.
    const mails = await mailTo(customerEmail);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      subject: `Re: Broken blender ${tag}`,
      text: expect.stringContaining('We will send a replacement.'),
      html: expect.stringContaining('<b>replacement</b>'),
    });
    expect(mails[0].inReplyTo).toBe(mail.json.messageId);

    // The thread shows the agent's answer as an outbound message.
    const thread = await fetch(`${h.apiUrl}/api/v1/inbox/conversations/${emailConversation.id}`, {
      headers: { authorization: `Bearer ${agentToken}` },
    });
    const items = ((await thread.json()) as AnyJson).items as AnyJson[];
    expect(items.map((i) => [i.kind, i.direction])).toEqual([
      ['message', 'outbound'],
      ['message', 'inbound'],
    ]);
  });
});
