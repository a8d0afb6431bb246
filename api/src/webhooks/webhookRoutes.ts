import type { Request } from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { z } from 'zod';
import { AppError } from '@c360/domain';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import { errorResponseSchema } from '../openapi/commonSchemas';
import { isValidHubSignature, SIGNATURE_HEADER } from './hubSignature';
import { ingestInboundEmail } from './ingestInboundEmail';
import { ingestMetaWebhook } from './ingestMetaWebhook';
import type { WebhookSettings } from './webhookSettings';

export type WebhookRouteDeps = {
  em: EntityManager;
  logger: Logger;
  settings: WebhookSettings | undefined;
  now: () => Date;
};

const verificationQuerySchema = z.object({
  'hub.mode': z.literal('subscribe'),
  'hub.verify_token': z.string().min(1),
  'hub.challenge': z.string().min(1).max(200),
});

const metaReceiptSchema = z.object({
  stored: z.number().int(),
  duplicates: z.number().int(),
  statuses: z.number().int(),
  staleStatuses: z.number().int(),
  ignored: z.number().int(),
});

const emailReceiptSchema = z.object({
  outcome: z.enum(['stored', 'duplicate', 'no_account']),
  conversationId: z.string().uuid().optional(),
  messageId: z.string().uuid().optional(),
  threadedBy: z.enum(['headers', 'thread_token', 'subject', 'new']).optional(),
});

const badSignature = {
  description: 'The X-Hub-Signature-256 header is missing or wrong: nothing was stored',
  schema: errorResponseSchema,
};

const settingsOf = (deps: WebhookRouteDeps): WebhookSettings => {
  if (!deps.settings) throw new AppError('unavailable', 'webhooks are not configured on this deployment');
  return deps.settings;
};

/** The raw bytes, exactly as sent: what the signature covers. */
const rawBodyOf = (req: Request): Buffer => (Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));

const requireSignature = (req: Request, secret: string): Buffer => {
  const raw = rawBodyOf(req);
  if (!isValidHubSignature(raw, req.get(SIGNATURE_HEADER), secret))
    throw new AppError('unauthenticated', 'the X-Hub-Signature-256 signature does not match the body');
  return raw;
};

const parseJson = (raw: Buffer): unknown => {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new AppError('validation', 'the webhook body is not valid JSON', {
      fields: [{ path: 'body', message: 'is not valid JSON' }],
    });
  }
};

/**
 * Meta's callback paths. Meta lets each product (WhatsApp, Instagram) subscribe its own callback
 * URL; all of them land on the same handler, which tells the products apart by `object`.
 */
export const META_WEBHOOK_PATHS = [
  '/api/v1/webhooks/meta',
  '/api/v1/webhooks/whatsapp',
  '/api/v1/webhooks/instagram',
] as const;

/** The inbound paths: Meta's webhooks (WhatsApp, Instagram) and inbound mail. Signed, never token-authenticated. */
export const webhookRoutes = (deps: WebhookRouteDeps): ApiRoute[] => [
  ...META_WEBHOOK_PATHS.flatMap((path, i) => {
    const suffix = i === 0 ? '' : path.slice(path.lastIndexOf('/') + 1).replace(/^./, (c) => c.toUpperCase());
    return [
      defineRoute({
        method: 'get',
        path,
        operationId: `verifyMetaWebhook${suffix}`,
        summary: 'Meta webhook verification challenge',
        description: 'Answers `hub.challenge` when `hub.verify_token` is the configured verify token.',
        tags: ['webhooks'],
        access: 'public',
        query: verificationQuerySchema,
        responses: {
          200: { description: 'The challenge, echoed', mediaType: 'text/plain', schema: z.string() },
          403: { description: 'Wrong verify token', schema: errorResponseSchema },
        },
        errors: [503],
        handler: async ({ query }) => {
          if (query['hub.verify_token'] !== settingsOf(deps).metaVerifyToken)
            throw new AppError('forbidden', 'the verify token does not match');
          return { status: 200, body: query['hub.challenge'], contentType: 'text/plain' };
        },
      }),
      defineRoute({
        method: 'post',
        path,
        operationId: `receiveMetaWebhook${suffix}`,
        summary: 'Receive a WhatsApp or Instagram webhook',
        description:
          'Verifies `X-Hub-Signature-256` (HMAC-SHA256 of the raw body with the app secret), then stores ' +
          'inbound messages, comments, story replies and mentions once each (by provider id) and applies ' +
          'delivery statuses. A 5xx makes Meta deliver the same payload again; nothing is lost or doubled.',
        tags: ['webhooks'],
        access: 'public',
        rawBody: { mediaType: 'application/json', description: "Meta's webhook payload, as signed" },
        responses: { 200: { description: 'Received', schema: metaReceiptSchema }, 401: badSignature },
        errors: [503],
        handler: async ({ req }) => {
          const raw = requireSignature(req, settingsOf(deps).metaAppSecret);
          const result = await ingestMetaWebhook(deps.em, parseJson(raw), deps.now(), deps.logger);
          return { status: 200, body: result };
        },
      }),
    ];
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/webhooks/email/inbound',
    operationId: 'receiveInboundEmail',
    summary: 'Receive an inbound mail (raw MIME)',
    description:
      'The raw RFC 5322 message as the body, signed like Meta webhooks (`X-Hub-Signature-256`, key: the ' +
      'inbound mail secret), the SMTP envelope recipients in `X-Envelope-To` (comma-separated). The tenant ' +
      'is the owner of the mailbox it was sent to; the thread is found by In-Reply-To/References, then the ' +
      'thread token of the reply address, then subject and sender.',
    tags: ['webhooks'],
    access: 'public',
    rawBody: { mediaType: 'message/rfc822', description: 'The message, as received by the mail relay' },
    responses: { 200: { description: 'Received', schema: emailReceiptSchema }, 401: badSignature },
    errors: [503],
    handler: async ({ req }) => {
      const settings = settingsOf(deps);
      const raw = requireSignature(req, settings.emailSecret);
      if (raw.length === 0)
        throw new AppError('validation', 'the message is empty', {
          fields: [{ path: 'body', message: 'must be a raw RFC 5322 message' }],
        });
      const envelopeTo = (req.get('x-envelope-to') ?? '').split(',').filter((a) => a.trim().length > 0);
      const result = await ingestInboundEmail(
        deps.em,
        raw,
        envelopeTo,
        deps.now(),
        settings.emailSubjectWindowDays ?? 30,
      );
      if (result.outcome === 'no_account') {
        // Acknowledged, so the relay does not retry a mail no tenant receives; logged for ops.
        deps.logger.warn({ recipients: result.recipients }, 'inbound mail for no configured mailbox');
        return { status: 200, body: { outcome: 'no_account' } };
      }
      return {
        status: 200,
        body: {
          outcome: result.outcome,
          conversationId: result.conversationId,
          messageId: result.messageId,
          threadedBy: result.threadedBy,
        },
      };
    },
  }),
];
