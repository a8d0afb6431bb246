import { Router } from 'express';
import { z } from 'zod';
import { composeMime, injectInboundMail, replyTo } from '../mail/inboundMail';
import { captureOf } from '../mail/smtpCapture';
import type { SandboxContext } from '../sandboxContext';
import { notFound, parseBody } from './controlError';

const address = z.email({ message: 'must be an email address' });
const attachment = z
  .object({ filename: z.string().min(1), contentType: z.string().min(3), contentBase64: z.base64() })
  .strict();

const inboundSchema = z.union([
  z
    .object({
      raw: z.string().min(1),
      envelopeFrom: address.optional(),
      envelopeTo: z.array(address).min(1).optional(),
    })
    .strict(),
  z
    .object({
      from: address,
      to: z.array(address).min(1),
      cc: z.array(address).optional(),
      subject: z.string().max(998),
      text: z.string().optional(),
      html: z.string().optional(),
      messageId: z
        .string()
        .regex(/^<[^<>\s]+@[^<>\s]+>$/, 'must look like <id@host>')
        .optional(),
      inReplyTo: z.string().min(1).optional(),
      references: z.array(z.string().min(1)).optional(),
      headers: z.record(z.string(), z.string()).optional(),
      attachments: z.array(attachment).optional(),
    })
    .strict()
    .refine((m) => m.text !== undefined || m.html !== undefined, {
      message: 'text or html is required',
      path: ['text'],
    }),
]);

const replySchema = z
  .object({
    from: address.optional(),
    to: address.optional(),
    text: z.string().min(1),
    html: z.string().optional(),
    subject: z.string().max(998).optional(),
    headers: z.enum(['keep', 'strip', 'rewrite']).default('keep'),
    quote: z.boolean().default(true),
  })
  .strict();

/** Captured outbound mail (list, read, raw, clear), and customers' mail into the platform's inbound path. */
export const mailRoutes = (ctx: SandboxContext): Router => {
  const { state } = ctx;
  const router = Router();

  router.get('/mail', (req, res) => {
    const { to, subject } = req.query;
    const data = state.mail
      .filter(
        (m) =>
          (typeof to !== 'string' || m.to.includes(to) || m.envelope.rcptTo.includes(to)) &&
          (typeof subject !== 'string' || (m.subject ?? '').includes(subject)),
      )
      .map(({ raw: _raw, ...summary }) => summary);
    res.json({ data });
  });
  router.get('/mail/:id', (req, res) => {
    const mail = state.mail.find((m) => m.id === req.params['id']);
    if (!mail) throw notFound(`mail ${req.params['id']}`);
    res.json(mail);
  });
  router.get('/mail/:id/raw', (req, res) => {
    const mail = state.mail.find((m) => m.id === req.params['id']);
    if (!mail) throw notFound(`mail ${req.params['id']}`);
    res.type('message/rfc822').send(mail.raw);
  });
  router.delete('/mail', (_req, res) => {
    state.mail.length = 0;
    res.status(204).end();
  });

  router.post('/mail/:id/reply', async (req, res) => {
    const input = parseBody(replySchema, req);
    const original = state.mail.find((m) => m.id === req.params['id']);
    if (!original) throw notFound(`mail ${req.params['id']}`);
    const composed = replyTo(original, input);
    const raw = await composeMime(composed);
    const parsed = await captureOf(raw, { mailFrom: composed.from, rcptTo: composed.to }, null);
    const delivery = injectInboundMail(ctx, raw, { from: composed.from, to: composed.to });
    res.status(202).json({
      deliveryId: delivery.id,
      messageId: parsed.messageId,
      inReplyTo: parsed.inReplyTo,
      references: parsed.references,
      to: parsed.to,
      subject: parsed.subject,
      raw: parsed.raw,
    });
  });

  router.post('/email/inbound', async (req, res) => {
    const input = parseBody(inboundSchema, req);
    const raw = 'raw' in input ? Buffer.from(input.raw, 'utf8') : await composeMime(input);
    const parsed = await captureOf(raw, { mailFrom: null, rcptTo: [] }, null);
    const envelope = {
      from: ('raw' in input ? input.envelopeFrom : undefined) ?? parsed.from ?? 'unknown@sandbox.invalid',
      to: ('raw' in input ? input.envelopeTo : undefined) ?? [...parsed.to, ...parsed.cc],
    };
    const delivery = injectInboundMail(ctx, raw, envelope);
    res.status(202).json({
      deliveryId: delivery.id,
      messageId: parsed.messageId,
      subject: parsed.subject,
      raw: parsed.raw,
    });
  });

  return router;
};
