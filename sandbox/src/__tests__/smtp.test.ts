import { createHmac } from 'node:crypto';
import nodemailer from 'nodemailer';
import { simpleParser } from 'mailparser';
import { eventually, startTestSandbox, type TestSandbox } from './support/testSandbox';

describe('SMTP capture and inbound mail', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.call('DELETE', '/_control/mail');
    t.receiver.received.length = 0;
  });

  const transport = () =>
    nodemailer.createTransport({
      host: t.sandbox.smtp.host,
      port: t.sandbox.smtp.port,
      secure: false,
      ignoreTLS: true,
      auth: { user: 'c360', pass: 'x' },
    });

  it('captures mail sent with nodemailer, with threading headers, attachments and raw source', async () => {
    const info = await transport().sendMail({
      from: 'Support <support@shop.example>',
      to: 'ana@customer.example',
      replyTo: 'support+t_abc123@shop.example',
      subject: 'Your order',
      text: 'It shipped.',
      html: '<p>It <b>shipped</b>.</p>',
      messageId: '<m1@shop.example>',
      inReplyTo: '<c0@customer.example>',
      references: ['<c0@customer.example>'],
      attachments: [
        { filename: 'invoice.pdf', content: Buffer.from('%PDF-1.4 fake'), contentType: 'application/pdf' },
      ],
    });
    expect(info.accepted).toEqual(['ana@customer.example']);
    const list = await t.call('GET', '/_control/mail');
    expect(list.json.data).toHaveLength(1);
    const mail = (await t.call('GET', `/_control/mail/${list.json.data[0].id}`)).json;
    expect(mail).toMatchObject({
      messageId: '<m1@shop.example>',
      inReplyTo: '<c0@customer.example>',
      references: ['<c0@customer.example>'],
      from: 'support@shop.example',
      to: ['ana@customer.example'],
      replyTo: 'support+t_abc123@shop.example',
      subject: 'Your order',
      envelope: { mailFrom: 'support@shop.example', rcptTo: ['ana@customer.example'] },
      auth: { username: 'c360' },
      attachments: [{ filename: 'invoice.pdf', contentType: 'application/pdf', size: 13 }],
    });
    expect(mail.text.trim()).toBe('It shipped.');
    const raw = await fetch(`${t.sandbox.url}/_control/mail/${mail.id}/raw`);
    expect(raw.headers.get('content-type')).toContain('message/rfc822');
    expect(await raw.text()).toContain('Message-ID: <m1@shop.example>');
    await t.call('DELETE', '/_control/mail');
    expect((await t.call('GET', '/_control/mail')).json.data).toEqual([]);
  });

  const capturedOne = async () => {
    await transport().sendMail({
      from: 'support@shop.example',
      to: 'ana@customer.example',
      replyTo: 'support+t_abc123@shop.example',
      subject: 'Re: Broken zip',
      text: 'Can you send a photo?',
      messageId: '<m2@shop.example>',
      references: ['<c1@customer.example>'],
    });
    return (await t.call('GET', '/_control/mail')).json.data[0].id as string;
  };
  const inboundPosts = () => t.receiver.posts('/webhooks/email/inbound');

  it('replies as the customer keeping the threading headers, signed and POSTed as raw MIME', async () => {
    const id = await capturedOne();
    const res = await t.call('POST', `/_control/mail/${id}/reply`, { text: 'Here it is' });
    expect(res.status).toBe(202);
    const [post] = await eventually(() => inboundPosts().length === 1 && inboundPosts(), 'inbound mail');
    expect(post!.headers['content-type']).toBe('message/rfc822');
    expect(post!.headers['x-hub-signature-256']).toBe(
      `sha256=${createHmac('sha256', 'c360-sandbox-email-secret').update(post!.raw).digest('hex')}`,
    );
    expect(post!.headers['x-envelope-to']).toBe('support+t_abc123@shop.example');
    const parsed = await simpleParser(post!.raw);
    expect(parsed.inReplyTo).toBe('<m2@shop.example>');
    expect(parsed.references).toEqual(['<c1@customer.example>', '<m2@shop.example>']);
    expect(parsed.subject).toBe('Re: Broken zip');
    expect(parsed.from?.value[0]?.address).toBe('ana@customer.example');
    expect(parsed.text).toContain('> Can you send a photo?');
  });

  it('replies as a client that strips or rewrites the threading headers', async () => {
    const id = await capturedOne();
    await t.call('POST', `/_control/mail/${id}/reply`, { text: 'stripped', headers: 'strip', quote: false });
    await t.call('POST', `/_control/mail/${id}/reply`, { text: 'rewritten', headers: 'rewrite' });
    const posts = await eventually(() => inboundPosts().length === 2 && inboundPosts(), 'two replies');
    const [stripped, rewritten] = await Promise.all(posts.map((p) => simpleParser(p.raw)));
    const byText = (s: string) => [stripped!, rewritten!].find((m) => (m.text ?? '').startsWith(s))!;
    expect(byText('stripped').inReplyTo).toBeUndefined();
    expect(byText('stripped').references).toBeUndefined();
    expect(byText('rewritten').inReplyTo).not.toBe('<m2@shop.example>');
    expect(byText('rewritten').references).not.toContain('<m2@shop.example>');
    expect(byText('rewritten').subject).toBe('RE: Broken zip');
    expect(byText('rewritten').headers.get('thread-topic')).toBe('Broken zip');
  });

  it('injects new inbound mail composed from fields, and refuses a bad one naming the field', async () => {
    const res = await t.call('POST', '/_control/email/inbound', {
      from: 'new@customer.example',
      to: ['help@shop.example'],
      subject: 'Hello',
      text: 'First contact',
    });
    expect(res.status).toBe(202);
    const [post] = await eventually(() => inboundPosts().length === 1 && inboundPosts(), 'inbound mail');
    const parsed = await simpleParser(post!.raw);
    expect(parsed.messageId).toBe(res.json.messageId);
    const bad = await t.call('POST', '/_control/email/inbound', {
      from: 'not-an-address',
      to: [],
      subject: 'x',
      text: 'y',
    });
    expect(bad.status).toBe(400);
  });
});
