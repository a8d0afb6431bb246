import { randomUUID } from 'node:crypto';
import { Conversation, forTenant, Message } from '@c360/store';
import { eventually, openChannelHarness, type AnyJson, type ChannelHarness } from './support/channelHarness';

let h: ChannelHarness;
beforeAll(async () => {
  h = await openChannelHarness('emailthr');
}, 120_000);
afterAll(async () => h?.close());

const em = () => forTenant(h.ctx.orm.em.fork(), h.tenant.id);
const byEmailId = (id: string) => eventually(() => em().findOne(Message, { emailMessageId: id }));
const capturedTo = async (address: string): Promise<AnyJson[]> =>
  (await h.control('GET', `/mail?to=${encodeURIComponent(address)}`)).json.data as AnyJson[];

describe('email threading through the sandbox', () => {
  let customer: string;
  let conversationId: string;
  let captured: AnyJson;

  beforeAll(async () => {
    customer = `ada.${randomUUID().slice(0, 6)}@example.com`;
    // The customer writes first, with HTML that must not survive as is.
    const first = await h.control('POST', '/email/inbound', {
      from: customer,
      to: [h.mailbox],
      subject: 'Order 42 is late',
      text: 'My order 42 has not arrived.',
      html: '<p>My order <b>42</b> has not arrived.</p><script>alert(1)</script><img src="x" onerror="alert(2)">',
    });
    expect(first.status).toBe(202);
    const inbound = await byEmailId(first.json.messageId);
    conversationId = inbound.conversation.id;
    expect(inbound.html).toContain('<b>42</b>');
    expect(inbound.html).not.toMatch(/script|onerror/);

    // The agent answers through the adapter.
    await h.activities.sendEmail({
      tenantId: h.tenant.id,
      conversationId,
      idempotencyKey: `reply-${randomUUID()}`,
      html: '<p>Sorry, <a href="https://shop.example/track/42">track it here</a>.</p><script>steal()</script>',
      attachments: [
        {
          filename: 'label.pdf',
          contentType: 'application/pdf',
          contentBase64: Buffer.from('%PDF-1.4').toString('base64'),
        },
      ],
    });
    [captured] = await capturedTo(customer);
    expect(captured).toBeDefined();
  }, 30_000);

  it('sends a threaded, sanitised mail with a plain-text alternative and the attachment', async () => {
    const conversation = await em().findOneOrFail(Conversation, { id: conversationId });
    const inbound = await em().findOneOrFail(Message, { conversation: conversationId, direction: 'inbound' });
    expect(captured.inReplyTo).toBe(inbound.emailMessageId);
    expect(captured.references).toContain(inbound.emailMessageId);
    expect(captured.subject).toBe('Re: Order 42 is late');
    expect(String(captured.replyTo)).toMatch(/^support\+[0-9a-f]{32}@/);
    expect(captured.html).toContain('track it here');
    expect(captured.html).not.toContain('script');
    expect(captured.text).toContain('track it here');
    expect(captured.attachments).toEqual([
      expect.objectContaining({ filename: 'label.pdf', contentType: 'application/pdf', size: 8 }),
    ]);
    const sent = await em().findOneOrFail(Message, { emailMessageId: captured.messageId });
    expect(sent).toMatchObject({ direction: 'outbound', deliveryStatus: 'sent' });
    expect(conversation.subject).toBe('Order 42 is late');
  });

  it.each([
    ['a client that keeps In-Reply-To and References', { headers: 'keep' }],
    ['a client that strips them (thread token in the reply address)', { headers: 'strip' }],
    ['Outlook rewriting ids and subject (thread token)', { headers: 'rewrite' }],
    [
      'a client that strips headers and writes to the plain mailbox (subject and sender)',
      { headers: 'strip', toMailbox: true },
    ],
  ])('joins the thread for %s', async (_what, style: { headers: string; toMailbox?: boolean }) => {
    const reply = await h.control('POST', `/mail/${captured.id}/reply`, {
      text: `Still waiting (${randomUUID().slice(0, 4)})`,
      headers: style.headers,
      ...(style.toMailbox ? { to: h.mailbox } : {}),
    });
    expect(reply.status).toBe(202);
    if (style.headers !== 'keep') expect(reply.json.inReplyTo ?? null).not.toBe(captured.messageId);
    const stored = await byEmailId(reply.json.messageId);
    expect(stored.conversation.id).toBe(conversationId);
  });

  it('joins a forward of the thread by the same sender, and starts a new thread for a new subject', async () => {
    const forward = await h.control('POST', '/email/inbound', {
      from: customer,
      to: [h.mailbox],
      subject: 'Fwd: RE: Order 42 is late',
      text: 'Forwarding this again.',
    });
    expect((await byEmailId(forward.json.messageId)).conversation.id).toBe(conversationId);
    const fresh = await h.control('POST', '/email/inbound', {
      from: customer,
      to: [h.mailbox],
      subject: 'Invoice for order 43',
      text: 'Please send the invoice.',
    });
    expect((await byEmailId(fresh.json.messageId)).conversation.id).not.toBe(conversationId);
  });

  it('stores an inbound mail delivered twice once', async () => {
    const sent = await h.control('POST', '/email/inbound', {
      from: customer,
      to: [h.mailbox],
      subject: 'Twice',
      text: 'Same mail',
    });
    const first = await byEmailId(sent.json.messageId);
    await h.control('POST', '/email/inbound', { raw: sent.json.raw, envelopeTo: [h.mailbox] });
    await eventually(async () => {
      const list = (await h.control('GET', '/webhooks?channel=email')).json.data as AnyJson[];
      return list.filter((d) => d.state === 'delivered').length >= 2 ? list : null;
    });
    expect(await em().count(Message, { emailMessageId: first.emailMessageId })).toBe(1);
  });
});
