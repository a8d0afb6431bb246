import { createHmac, randomUUID } from 'node:crypto';
import request from 'supertest';
import { ChannelIdentity, Conversation, Customer, forTenant, Message, OutboxEvent } from '@c360/store';
import { createCustomer } from '../../__tests__/support/testContext';
import { eventually, openChannelHarness, type ChannelHarness } from './support/channelHarness';

let h: ChannelHarness;
beforeAll(async () => {
  h = await openChannelHarness('metawh');
}, 120_000);
afterAll(async () => h?.close());

const em = () => forTenant(h.ctx.orm.em.fork(), h.tenant.id);
const sign = (body: string, secret = 'c360-sandbox-app-secret') =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
const messageByProviderId = (id: string) => em().findOne(Message, { providerMessageId: id });
const waPhone = () => `1555${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;

describe('Meta webhook verification and signatures', () => {
  it('answers the verification challenge with the configured token and refuses another', async () => {
    const verified = await h.control('POST', '/webhooks/verify', { channel: 'whatsapp' });
    expect(verified.json).toMatchObject({ verified: true, status: 200 });
    const wrong = await request(h.ctx.app)
      .get('/api/v1/webhooks/meta')
      .query({ 'hub.mode': 'subscribe', 'hub.verify_token': 'not-the-token', 'hub.challenge': '42' });
    // The app without webhook settings answers 503; with them, a wrong token is 403.
    const configured = await fetch(
      `${h.apiUrl}/api/v1/webhooks/meta?hub.mode=subscribe&hub.verify_token=not-the-token&hub.challenge=42`,
    );
    expect(wrong.status).toBe(503);
    expect(configured.status).toBe(403);
  });

  it('answers 401 to a wrong or missing signature and stores nothing', async () => {
    const wamid = `wamid.${randomUUID()}`;
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: h.sandbox.accounts.whatsapp.wabaId,
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { phone_number_id: h.sandbox.accounts.whatsapp.phoneNumberId },
                contacts: [{ wa_id: '15550009999', profile: { name: 'Mallory' } }],
                messages: [
                  {
                    from: '15550009999',
                    id: wamid,
                    timestamp: '1767225600',
                    type: 'text',
                    text: { body: 'hi' },
                  },
                ],
              },
            },
          ],
        },
      ],
    });
    const post = (signature?: string) => {
      const r = fetch(`${h.apiUrl}/api/v1/webhooks/meta`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(signature ? { 'x-hub-signature-256': signature } : {}),
        },
        body,
      });
      return r;
    };
    expect((await post(sign(body, 'another-secret'))).status).toBe(401);
    expect((await post()).status).toBe(401);
    expect((await post(sign(`${body} `))).status).toBe(401);
    expect(await messageByProviderId(wamid)).toBeNull();
    // The same bytes correctly signed are stored, once even when replayed.
    const first = await post(sign(body));
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ stored: 1, duplicates: 0 });
    const replay = await post(sign(body));
    expect(await replay.json()).toMatchObject({ stored: 0, duplicates: 1 });
    expect(await em().count(Message, { providerMessageId: wamid })).toBe(1);
  });
});

describe('inbound WhatsApp through the sandbox', () => {
  it('creates the customer, the conversation and the message, and raises customer.changed', async () => {
    const from = waPhone();
    const sent = await h.control('POST', '/whatsapp/inbound', {
      from,
      name: 'Grace Hopper',
      text: 'Where is my order?',
    });
    expect(sent.status).toBe(202);
    const message = await eventually(() => messageByProviderId(sent.json.messageId));
    expect(message).toMatchObject({
      direction: 'inbound',
      deliveryStatus: 'received',
      body: 'Where is my order?',
    });
    const conversation = await em().findOneOrFail(Conversation, { id: message.conversation.id });
    expect(conversation).toMatchObject({ channel: 'whatsapp', externalThreadId: from });
    expect(conversation.lastInboundAt).not.toBeNull();
    const customer = await em().findOneOrFail(Customer, { id: conversation.customer.id });
    expect(customer).toMatchObject({ firstName: 'Grace', lastName: 'Hopper', phones: [`+${from}`] });
    const events = await em().find(OutboxEvent, { aggregateId: customer.id, type: 'customer.changed' });
    expect(events.length).toBeGreaterThan(0);

    // The next message joins the same conversation.
    const again = await h.control('POST', '/whatsapp/inbound', {
      from,
      buttonReply: { id: 'yes', title: 'Yes' },
    });
    const second = await eventually(() => messageByProviderId(again.json.messageId));
    expect(second.conversation.id).toBe(conversation.id);
    expect(second.body).toBe('Yes');
  });

  it('matches an existing customer by phone', async () => {
    const from = waPhone();
    const customer = await createCustomer(h.ctx, h.tenant, { phones: [`+${from}`] });
    const sent = await h.control('POST', '/whatsapp/inbound', { from, text: 'Hello again' });
    const message = await eventually(() => messageByProviderId(sent.json.messageId));
    const conversation = await em().findOneOrFail(Conversation, { id: message.conversation.id });
    expect(conversation.customer.id).toBe(customer.id);
    expect(await em().count(ChannelIdentity, { channel: 'whatsapp', externalId: from })).toBe(1);
  });

  it('stores a webhook delivered twice once', async () => {
    const from = waPhone();
    const sent = await h.control('POST', '/whatsapp/inbound', { from, text: 'deliver me twice' });
    const message = await eventually(() => messageByProviderId(sent.json.messageId));
    // Meta redelivers the exact payload when it did not see our 200 in time.
    const raw = JSON.stringify(sent.json.payload);
    const replay = await fetch(`${h.apiUrl}/api/v1/webhooks/meta`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(raw) },
      body: raw,
    });
    expect(await replay.json()).toMatchObject({ duplicates: 1, stored: 0 });
    expect(await em().count(Message, { providerMessageId: message.providerMessageId })).toBe(1);
    expect(await em().count(Conversation, { externalThreadId: from })).toBe(1);
  });
});

describe('inbound Instagram through the sandbox', () => {
  it('threads DMs, story replies and mentions together, and comments per post', async () => {
    const username = `ig_${randomUUID().slice(0, 6)}`;
    const dm = await h.control('POST', '/instagram/inbound', {
      from: { username },
      text: 'Do you ship to Lyon?',
    });
    expect(dm.status).toBeLessThan(300);
    const dmMessage = await eventually(() => messageByProviderId(dm.json.messageId));
    const reply = await h.control('POST', '/instagram/story-replies', {
      from: { username },
      text: 'Love this!',
    });
    const mention = await h.control('POST', '/instagram/story-mentions', { from: { username } });
    const storyReply = await eventually(() => messageByProviderId(reply.json.messageId));
    const storyMention = await eventually(() => messageByProviderId(mention.json.messageId));
    expect(storyReply.conversation.id).toBe(dmMessage.conversation.id);
    expect(storyMention.conversation.id).toBe(dmMessage.conversation.id);
    expect(storyReply.metadata.kind).toBe('story_reply');
    expect(storyMention.metadata.kind).toBe('story_mention');

    const comment = await h.control('POST', '/instagram/comments', { from: { username }, text: 'Price?' });
    const commentMessage = await eventually(() => messageByProviderId(comment.json.commentId));
    expect(commentMessage.conversation.id).not.toBe(dmMessage.conversation.id);
    expect(commentMessage.metadata).toMatchObject({
      kind: 'comment',
      instagramCommentId: comment.json.commentId,
    });
    const identity = await em().findOneOrFail(ChannelIdentity, {
      channel: 'instagram',
      externalId: dm.json.senderId,
    });
    const commentConversation = await em().findOneOrFail(Conversation, {
      id: commentMessage.conversation.id,
    });
    expect(commentConversation.customer.id).toBe(identity.customer.id);
  });
});

describe('WhatsApp delivery statuses', () => {
  it('moves the sent message to read and never back to delivered', async () => {
    const from = waPhone();
    const inbound = await h.control('POST', '/whatsapp/inbound', { from, text: 'Can you help?' });
    const first = await eventually(() => messageByProviderId(inbound.json.messageId));
    const sent = await h.activities.sendWhatsAppMessage({
      tenantId: h.tenant.id,
      conversationId: first.conversation.id,
      idempotencyKey: `status-${randomUUID()}`,
      content: { type: 'text', text: 'Of course, what is your order number?' },
    });
    const read = await eventually(async () => {
      const m = await messageByProviderId(sent.providerMessageId);
      return m?.deliveryStatus === 'read' ? m : null;
    });
    expect(read.direction).toBe('outbound');
    const late = await h.control('POST', '/whatsapp/statuses', {
      messageId: sent.providerMessageId,
      status: 'delivered',
    });
    await eventually(async () => {
      const d = await h.control('GET', `/webhooks/${late.json.deliveryId}`);
      return (
        d.json.state === 'delivered' || d.json.attempts?.some((a: { status: number }) => a.status === 200)
      );
    });
    expect((await messageByProviderId(sent.providerMessageId))?.deliveryStatus).toBe('read');
  });
});
