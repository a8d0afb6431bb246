import { createHmac } from 'node:crypto';
import { eventually, startTestSandbox, type TestSandbox } from './support/testSandbox';

const signed = (secret: string, raw: Buffer) =>
  `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;

describe('webhook delivery', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox();
  });
  afterAll(() => t.close());
  beforeEach(() => {
    t.receiver.received.length = 0;
  });

  it('delivers an inbound WhatsApp message in the Cloud API shape, signed with the app secret', async () => {
    const res = await t.call('POST', '/_control/whatsapp/inbound', {
      from: '15557654321',
      name: 'Ana',
      text: 'Where is my order?',
    });
    expect(res.status).toBe(202);
    const [post] = await eventually(() => {
      const p = t.receiver.posts('/webhooks/whatsapp');
      return p.length === 1 && p;
    }, 'the inbound webhook');
    expect(post!.headers['x-hub-signature-256']).toBe(signed('c360-sandbox-app-secret', post!.raw));
    expect(post!.headers['content-type']).toContain('application/json');
    const value = JSON.parse(post!.raw.toString()).entry[0].changes[0].value;
    expect(value.contacts).toEqual([{ profile: { name: 'Ana' }, wa_id: '15557654321' }]);
    expect(value.messages[0]).toMatchObject({
      from: '15557654321',
      id: res.json.messageId,
      type: 'text',
      text: { body: 'Where is my order?' },
    });
    expect(value.messages[0].timestamp).toMatch(/^\d+$/);
  });

  it('delivers a flow response as an nfm_reply with its JSON', async () => {
    await t.call('POST', '/_control/whatsapp/inbound', {
      from: '15557654321',
      flowResponse: { response: { rating: 5, flow_token: 'survey-t1' } },
    });
    const post = await eventually(() => t.receiver.posts('/webhooks/whatsapp')[0], 'the flow reply');
    const message = JSON.parse(post.raw.toString()).entry[0].changes[0].value.messages[0];
    expect(message.interactive.type).toBe('nfm_reply');
    expect(JSON.parse(message.interactive.nfm_reply.response_json)).toEqual({
      rating: 5,
      flow_token: 'survey-t1',
    });
  });

  it('answers a flow the business sent: nfm_reply with its flow_token, in reply to that message', async () => {
    const sent = await t.call('POST', '/v21.0/100000000000001/messages', {
      messaging_product: 'whatsapp',
      to: '15557654321',
      type: 'interactive',
      interactive: {
        type: 'flow',
        body: { text: 'How did we do?' },
        action: {
          name: 'flow',
          parameters: {
            flow_message_version: '3',
            flow_token: 'survey-t2',
            flow_id: '800000000000001',
            flow_cta: 'Rate us',
          },
        },
      },
    });
    expect(sent.status).toBe(200);
    const wamid = sent.json.messages[0].id;
    t.receiver.received.length = 0;
    const res = await t.call('POST', '/_control/whatsapp/flow-replies', {
      messageId: wamid,
      response: { score: 4, comment: 'Quick' },
    });
    expect(res.status).toBe(202);
    const post = await eventually(
      () => t.receiver.posts('/webhooks/whatsapp').find((p) => p.raw.includes('nfm_reply')),
      'the flow reply',
    );
    expect(post.headers['x-hub-signature-256']).toBe(signed('c360-sandbox-app-secret', post.raw));
    const message = JSON.parse(post.raw.toString()).entry[0].changes[0].value.messages[0];
    expect(message).toMatchObject({
      from: '15557654321',
      id: res.json.messageId,
      context: { id: wamid },
      type: 'interactive',
      interactive: { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent' } },
    });
    expect(JSON.parse(message.interactive.nfm_reply.response_json)).toEqual({
      score: 4,
      comment: 'Quick',
      flow_token: 'survey-t2',
    });

    // A message that opens no flow, and one that was never sent, are refused.
    const textSent = await t.call('POST', '/v21.0/100000000000001/messages', {
      messaging_product: 'whatsapp',
      to: '15557654321',
      type: 'text',
      text: { body: 'hi' },
    });
    const noFlow = await t.call('POST', '/_control/whatsapp/flow-replies', {
      messageId: textSent.json.messages[0].id,
      response: { score: 4 },
    });
    expect(noFlow.status).toBe(400);
    expect(JSON.stringify(noFlow.json)).toContain('body.messageId');
    const unknown = await t.call('POST', '/_control/whatsapp/flow-replies', {
      messageId: 'wamid.nope',
      response: {},
    });
    expect(unknown.status).toBe(404);
  });

  it('retries with backoff while the receiver answers non-2xx and records every attempt', async () => {
    t.receiver.answerTo('retry me', 500, 503);
    const res = await t.call('POST', '/_control/whatsapp/inbound', { from: '15557654321', text: 'retry me' });
    const done = await eventually(async () => {
      const d = (await t.call('GET', `/_control/webhooks/${res.json.deliveryId}`)).json;
      return d.state === 'delivered' && d;
    }, 'delivery');
    expect(done.attempts.map((a: { status: number }) => a.status)).toEqual([500, 503, 200]);
    const posts = t.receiver.posts('/webhooks/whatsapp').filter((p) => p.raw.toString().includes('retry me'));
    expect(posts).toHaveLength(3);
    expect(new Set(posts.map((p) => p.raw.toString())).size).toBe(1);
    const viaControl = await t.call('GET', `/_control/webhooks/${res.json.deliveryId}`);
    expect(viaControl.json.attempts).toHaveLength(3);
  });

  it('gives up after the configured retries and marks the delivery failed', async () => {
    t.receiver.answer(500, 500, 500, 500);
    const res = await t.call('POST', '/_control/whatsapp/inbound', { from: '15557654321', text: 'lost?' });
    const failed = await eventually(async () => {
      const d = (await t.call('GET', `/_control/webhooks/${res.json.deliveryId}`)).json;
      return d.state === 'failed' && d;
    }, 'failure');
    expect(failed.attempts).toHaveLength(4);
    const listed = await t.call('GET', '/_control/webhooks?state=failed');
    expect(listed.json.data.map((d: { id: string }) => d.id)).toContain(res.json.deliveryId);
  });

  it('runs the GET verification challenge against the receiver', async () => {
    const ok = await t.call('POST', '/_control/webhooks/verify', { channel: 'whatsapp' });
    expect(ok.json).toMatchObject({ verified: true, status: 200 });
    const get = t.receiver.received.find((r) => r.method === 'GET')!;
    expect(get.query.get('hub.mode')).toBe('subscribe');
    expect(get.query.get('hub.verify_token')).toBe('c360-sandbox-verify-token');
    await t.call('PATCH', '/_control/settings', { verifyToken: 'other' });
    const refused = await t.call('POST', '/_control/webhooks/verify', { channel: 'instagram' });
    expect(refused.json).toMatchObject({ verified: false, status: 403 });
    await t.call('PATCH', '/_control/settings', { verifyToken: 'c360-sandbox-verify-token' });
  });

  it('replays a delivery with the same bytes and signature', async () => {
    const res = await t.call('POST', '/_control/whatsapp/inbound', { from: '15557654321', text: 'twice' });
    await eventually(() => t.receiver.posts('/webhooks/whatsapp').length === 1, 'the first delivery');
    const replay = await t.call('POST', `/_control/webhooks/${res.json.deliveryId}/redeliver`);
    expect(replay.status).toBe(202);
    const posts = await eventually(() => {
      const p = t.receiver.posts('/webhooks/whatsapp');
      return p.length === 2 && p;
    }, 'the replay');
    expect(posts[1]!.raw.equals(posts[0]!.raw)).toBe(true);
    expect(posts[1]!.headers['x-hub-signature-256']).toBe(posts[0]!.headers['x-hub-signature-256']);
  });

  it('serves a second WhatsApp number added over the control API, with its own metadata', async () => {
    const added = await t.call('POST', '/_control/whatsapp/accounts', {
      phoneNumberId: '100000000000002',
      wabaId: '200000000000002',
      displayPhoneNumber: '15550002222',
    });
    expect(added.status).toBe(201);
    await t.call('POST', '/_control/whatsapp/inbound', {
      phoneNumberId: '100000000000002',
      from: '15557654321',
      text: 'tenant two',
    });
    const post = await eventually(() => t.receiver.posts('/webhooks/whatsapp')[0], 'the webhook');
    const body = JSON.parse(post.raw.toString());
    expect(body.entry[0].id).toBe('200000000000002');
    expect(body.entry[0].changes[0].value.metadata).toEqual({
      display_phone_number: '15550002222',
      phone_number_id: '100000000000002',
    });
    const send = await t.call('POST', '/v21.0/100000000000002/messages', {
      messaging_product: 'whatsapp',
      to: '15557654321',
      text: { body: 'hello' },
    });
    expect(send.status).toBe(200);
  });

  it("answers an unreadable Graph request body in Meta's error shape", async () => {
    const response = await fetch(`${t.sandbox.graphUrl}/100000000000001/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.sandbox.accessToken}` },
      body: '{not json',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: unknown }).error).toMatchObject({
      code: 100,
      type: 'OAuthException',
    });
  });
});
