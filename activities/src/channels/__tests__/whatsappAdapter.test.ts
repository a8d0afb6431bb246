import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import { forTenant, Message, useTestDatabase } from '@c360/store';
import { CHANNEL_FAILURES } from '@c360/workflows';
import { openAdapterSetup, type AdapterSetup } from './support/adapterSetup';

const db = useTestDatabase();
let s: AdapterSetup;
beforeAll(async () => {
  s = await openAdapterSetup(db.orm, {
    attempts: 3,
    baseDelayMs: 10,
    maxDelayMs: 50,
    maxRetryAfterMs: 5_000,
  });
}, 60_000);
afterAll(async () => s?.close());
beforeEach(async () => {
  s.sleeps.length = 0;
  await s.control('DELETE', '/faults');
});

const key = () => `wf-${randomUUID()}-step-1`;
const sentTo = async (waId: string) =>
  (await s.control('GET', `/whatsapp/messages?to=${waId}`)).json.data as unknown[];
const graphCalls = async (since: number) =>
  (
    (await s.control('GET', `/requests?endpoint=whatsapp.messages&since=${since}`)).json.data as {
      seq: number;
    }[]
  ).length;
const lastSeq = async () => {
  const all = (await s.control('GET', '/requests')).json.data as { seq: number }[];
  return all.length > 0 ? Math.max(...all.map((r) => r.seq)) : 0;
};
const failureOf = async (p: Promise<unknown>): Promise<ApplicationFailure> => {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApplicationFailure);
  return error as ApplicationFailure;
};

it('sends a text in the window and records the provider id', async () => {
  const c = await s.whatsappConversation(new Date());
  const sent = await s.activities.sendWhatsAppMessage({
    tenantId: s.tenantId,
    conversationId: c.id,
    idempotencyKey: key(),
    content: { type: 'text', text: 'Hello from the shop' },
  });
  expect(sent.alreadySent).toBe(false);
  const atSandbox = (await sentTo(c.waId)) as { id: string; request: { text: { body: string } } }[];
  expect(atSandbox).toHaveLength(1);
  expect(atSandbox[0]!.id).toBe(sent.providerMessageId);
  expect(atSandbox[0]!.request.text.body).toBe('Hello from the shop');
  const row = await forTenant(db.orm.em.fork(), s.tenantId).findOneOrFail(Message, { id: sent.messageId });
  expect(row).toMatchObject({
    deliveryStatus: 'sent',
    providerMessageId: sent.providerMessageId,
    direction: 'outbound',
  });
});

it('sends one message for one idempotency key, however often the activity runs', async () => {
  const c = await s.whatsappConversation(new Date());
  const input = {
    tenantId: s.tenantId,
    conversationId: c.id,
    idempotencyKey: key(),
    content: { type: 'text' as const, text: 'Only once' },
  };
  const [a, b] = await Promise.all([
    s.activities.sendWhatsAppMessage(input),
    s.activities.sendWhatsAppMessage(input),
  ]);
  const c2 = await s.activities.sendWhatsAppMessage(input);
  expect(c2).toMatchObject({
    alreadySent: true,
    messageId: a.messageId,
    providerMessageId: a.providerMessageId,
  });
  expect(b.messageId).toBe(a.messageId);
  expect(await sentTo(c.waId)).toHaveLength(1);
  expect(
    await forTenant(db.orm.em.fork(), s.tenantId).count(Message, { idempotencyKey: input.idempotencyKey }),
  ).toBe(1);
});

it('waits what a 429 asks (Retry-After) and then sends once', async () => {
  const c = await s.whatsappConversation(new Date());
  await s.control('POST', '/faults', {
    endpoint: 'whatsapp.messages',
    kind: 'rate_limit',
    count: 1,
    retryAfterSeconds: 2,
  });
  const since = await lastSeq();
  await s.activities.sendWhatsAppMessage({
    tenantId: s.tenantId,
    conversationId: c.id,
    idempotencyKey: key(),
    content: { type: 'text', text: 'after the limit' },
  });
  expect(s.sleeps).toEqual([2000]);
  expect(await graphCalls(since)).toBe(2);
  expect(await sentTo(c.waId)).toHaveLength(1);
});

it('backs off exponentially on 500s and sends once', async () => {
  const c = await s.whatsappConversation(new Date());
  await s.control('POST', '/faults', { endpoint: 'whatsapp.messages', kind: 'server_error', count: 2 });
  await s.activities.sendWhatsAppMessage({
    tenantId: s.tenantId,
    conversationId: c.id,
    idempotencyKey: key(),
    content: { type: 'text', text: 'after the outage' },
  });
  expect(s.sleeps).toEqual([10, 20]);
  expect(await sentTo(c.waId)).toHaveLength(1);
});

it('hands a long rate limit to Temporal as a retryable failure with the provider delay', async () => {
  const c = await s.whatsappConversation(new Date());
  await s.control('POST', '/faults', {
    endpoint: 'whatsapp.messages',
    kind: 'rate_limit',
    count: 1,
    retryAfterSeconds: 60,
  });
  const input = {
    tenantId: s.tenantId,
    conversationId: c.id,
    idempotencyKey: key(),
    content: { type: 'text' as const, text: 'later' },
  };
  const failure = await failureOf(s.activities.sendWhatsAppMessage(input));
  expect(failure).toMatchObject({
    type: CHANNEL_FAILURES.transient,
    nonRetryable: false,
    nextRetryDelay: 60_000,
  });
  expect(await sentTo(c.waId)).toHaveLength(0);
  // Temporal's retry of the same activity: the queued row is reused, one message goes out.
  const retried = await s.activities.sendWhatsAppMessage(input);
  expect(retried.alreadySent).toBe(false);
  expect(await sentTo(c.waId)).toHaveLength(1);
  expect(
    await forTenant(db.orm.em.fork(), s.tenantId).count(Message, { idempotencyKey: input.idempotencyKey }),
  ).toBe(1);
});

it('refuses an expired token for good and marks the message failed', async () => {
  const c = await s.whatsappConversation(new Date());
  await s.control('POST', '/faults', { endpoint: 'whatsapp.messages', kind: 'token_expired', count: 1 });
  const input = {
    tenantId: s.tenantId,
    conversationId: c.id,
    idempotencyKey: key(),
    content: { type: 'text' as const, text: 'x' },
  };
  const failure = await failureOf(s.activities.sendWhatsAppMessage(input));
  expect(failure).toMatchObject({ type: CHANNEL_FAILURES.auth, nonRetryable: true });
  const row = await forTenant(db.orm.em.fork(), s.tenantId).findOneOrFail(Message, {
    idempotencyKey: input.idempotencyKey,
  });
  expect(row.deliveryStatus).toBe('failed');
  expect(row.deliveryError).toMatch(/190/);
});

describe('templates', () => {
  it('sends a template whose parameters fit, even outside the 24-hour window', async () => {
    const c = await s.whatsappConversation(null);
    const sent = await s.activities.sendWhatsAppMessage({
      tenantId: s.tenantId,
      conversationId: c.id,
      idempotencyKey: key(),
      content: {
        type: 'template',
        name: 'order_update',
        language: 'en_US',
        parameters: {
          header: [{ type: 'text', text: '#42' }],
          body: [
            { type: 'text', text: 'Ada' },
            { type: 'text', text: '#42' },
            { type: 'text', text: 'Monday' },
          ],
        },
      },
    });
    const row = await forTenant(db.orm.em.fork(), s.tenantId).findOneOrFail(Message, { id: sent.messageId });
    expect(row.body).toBe('Hi Ada, your order #42 has shipped and arrives on Monday.');
    expect(await sentTo(c.waId)).toHaveLength(1);
  });

  it.each([
    [
      'a missing body parameter',
      'order_update',
      { header: [{ type: 'text', text: '#1' }], body: [{ type: 'text', text: 'Ada' }] },
      /template\.body the template's body takes 3 parameters, got 1/,
    ],
    [
      'a text where the header takes a document',
      'invoice_ready',
      {
        header: [{ type: 'text', text: 'x' }],
        body: [
          { type: 'text', text: 'Ada' },
          { type: 'text', text: 'I-1' },
        ],
        buttons: [{ index: 0, parameters: [{ type: 'text', text: 'I-1' }] }],
      },
      /template\.header\[0\]\.type must be document/,
    ],
    ['an unknown template', 'no_such_template', {}, /no WhatsApp template no_such_template/],
    ['a template not approved', 'promo_pending', {}, /is pending, not approved/],
  ])('refuses %s before any call', async (_what, name, parameters, message) => {
    const c = await s.whatsappConversation(new Date());
    const since = await lastSeq();
    const failure = await failureOf(
      s.activities.sendWhatsAppMessage({
        tenantId: s.tenantId,
        conversationId: c.id,
        idempotencyKey: key(),
        content: { type: 'template', name, language: 'en_US', parameters: parameters as never },
      }),
    );
    expect(failure).toMatchObject({ type: CHANNEL_FAILURES.invalid, nonRetryable: true });
    expect(failure.message).toMatch(message);
    expect(await graphCalls(since)).toBe(0);
  });
});

it('refuses free text outside the 24-hour window before any call', async () => {
  const c = await s.whatsappConversation(new Date(Date.now() - 25 * 3600_000));
  const since = await lastSeq();
  const failure = await failureOf(
    s.activities.sendWhatsAppMessage({
      tenantId: s.tenantId,
      conversationId: c.id,
      idempotencyKey: key(),
      content: { type: 'text', text: 'too late' },
    }),
  );
  expect(failure).toMatchObject({ type: CHANNEL_FAILURES.invalid, nonRetryable: true });
  expect(failure.message).toMatch(/24-hour/);
  expect(await graphCalls(since)).toBe(0);
});

it('sends interactive buttons and the survey flow', async () => {
  const c = await s.whatsappConversation(new Date());
  await s.activities.sendWhatsAppMessage({
    tenantId: s.tenantId,
    conversationId: c.id,
    idempotencyKey: key(),
    content: {
      type: 'buttons',
      body: 'Was this helpful?',
      buttons: [
        { id: 'yes', title: 'Yes' },
        { id: 'no', title: 'No' },
      ],
    },
  });
  await s.activities.sendWhatsAppMessage({
    tenantId: s.tenantId,
    conversationId: c.id,
    idempotencyKey: key(),
    content: {
      type: 'flow',
      body: 'Rate us',
      flowId: '800000000000001',
      flowToken: 'survey-1',
      cta: 'Rate',
      screen: 'RATING',
    },
  });
  const sent = (await sentTo(c.waId)) as { request: { type: string; interactive: { type: string } } }[];
  expect(sent.map((m) => m.request.interactive.type)).toEqual(['button', 'flow']);
});
