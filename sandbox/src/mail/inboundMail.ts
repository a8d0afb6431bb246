import { randomBytes } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { SandboxContext } from '../sandboxContext';
import type { CapturedMail, WebhookDelivery } from '../state/sandboxState';

export type ComposedMail = {
  from: string;
  to: string[];
  cc?: string[];
  subject: string;
  text?: string;
  html?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
  attachments?: { filename: string; contentType: string; contentBase64: string }[];
};

export const customerMessageId = () => `<${randomBytes(12).toString('hex')}@customer.sandbox.invalid>`;

/** Builds RFC 5322 source with nodemailer's composer (Date and Message-ID added when absent). */
export const composeMime = async (mail: ComposedMail): Promise<Buffer> =>
  new MailComposer({
    from: mail.from,
    to: mail.to,
    ...(mail.cc ? { cc: mail.cc } : {}),
    subject: mail.subject,
    ...(mail.text !== undefined ? { text: mail.text } : {}),
    ...(mail.html !== undefined ? { html: mail.html } : {}),
    messageId: mail.messageId ?? customerMessageId(),
    ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
    ...(mail.references?.length ? { references: mail.references } : {}),
    ...(mail.headers ? { headers: mail.headers } : {}),
    attachments: (mail.attachments ?? []).map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Buffer.from(a.contentBase64, 'base64'),
    })),
  })
    .compile()
    .build();

/** How a replying client treats the threading headers of the message it answers. */
export type ReplyHeaderStyle = 'keep' | 'strip' | 'rewrite';

const stripPrefixes = (subject: string) => subject.replace(/^((re|aw|sv|fwd?|tr)\s*:\s*)+/i, '');

/**
 * A customer's reply to a captured message: to its Reply-To (where a thread token lives) or From,
 * quoting it. `keep` sets In-Reply-To and References as RFC 5322 asks; `strip` drops both, as
 * some webmail and mobile clients do; `rewrite` replaces them with ids the platform never sent
 * and an Outlook-style subject, as some gateways do.
 */
export const replyTo = (
  original: CapturedMail,
  input: {
    from?: string;
    to?: string;
    text: string;
    html?: string;
    headers: ReplyHeaderStyle;
    subject?: string;
    quote: boolean;
  },
): ComposedMail => {
  const base = stripPrefixes(original.subject ?? '');
  const quoted =
    input.quote && original.text
      ? `\n\nOn ${original.date ?? 'an earlier day'}, ${original.from ?? 'you'} wrote:\n${original.text
          .split('\n')
          .map((l) => `> ${l}`)
          .join('\n')}`
      : '';
  const threading: Partial<ComposedMail> =
    input.headers === 'keep' && original.messageId
      ? { inReplyTo: original.messageId, references: [...original.references, original.messageId] }
      : input.headers === 'rewrite'
        ? {
            inReplyTo: customerMessageId(),
            references: [customerMessageId()],
            headers: { 'Thread-Topic': base, 'Thread-Index': randomBytes(22).toString('base64') },
          }
        : {};
  return {
    from: input.from ?? original.to[0] ?? 'customer@sandbox.invalid',
    to: [input.to ?? original.replyTo ?? original.from ?? 'support@sandbox.invalid'],
    subject: input.subject ?? (input.headers === 'rewrite' ? `RE: ${base}` : `Re: ${base}`),
    text: input.text + quoted,
    ...(input.html !== undefined ? { html: input.html } : {}),
    ...threading,
  };
};

/**
 * Hands raw MIME to the platform's inbound path: a POST of `message/rfc822` signed like a Meta
 * webhook (X-Hub-Signature-256 with the email secret), with the SMTP envelope in headers.
 */
export const injectInboundMail = (
  ctx: SandboxContext,
  raw: Buffer,
  envelope: { from: string; to: string[] },
): WebhookDelivery =>
  ctx.webhooks.send('email', raw.toString('utf8'), {
    contentType: 'message/rfc822',
    headers: { 'x-envelope-from': envelope.from, 'x-envelope-to': envelope.to.join(', ') },
  });
