import { z } from 'zod';
import { assetNotWithTemplate, replyBodySchema, textAssetOrTemplate } from './inboxSchemas';

const reply = replyBodySchema.shape;
const instant = z.iso.datetime({ offset: true });

export const scheduleReplyBodySchema = z
  .object({
    text: reply.text,
    html: reply.html,
    subject: reply.subject,
    template: reply.template,
    assetId: reply.assetId,
    sendAt: instant
      .optional()
      .meta({ description: 'when to send (the send path still waits out quiet hours)' }),
    atQuietHoursEnd: z
      .literal(true)
      .optional()
      .meta({ description: "send when the customer's current quiet hours end (see compose-check)" }),
  })
  .refine(...assetNotWithTemplate)
  .refine(...textAssetOrTemplate)
  .refine((b) => (b.sendAt !== undefined) !== (b.atQuietHoursEnd !== undefined), {
    message: 'give exactly one of sendAt or atQuietHoursEnd',
    path: ['sendAt'],
  });
export type ScheduleReplyBody = z.output<typeof scheduleReplyBodySchema>;

export const editScheduledReplyBodySchema = z
  .object({
    text: reply.text,
    html: reply.html,
    subject: reply.subject,
    template: reply.template,
    sendAt: instant.optional(),
  })
  .refine((b) => !(b.text !== undefined && b.template !== undefined), {
    message: 'give at most one of text or template',
    path: ['text'],
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: 'change at least one of text, html, subject, template, sendAt',
    path: ['sendAt'],
  });
export type EditScheduledReplyBody = z.output<typeof editScheduledReplyBodySchema>;

export const scheduledReplySchema = z
  .object({
    id: z.uuid(),
    conversationId: z.uuid(),
    status: z.enum(['scheduled', 'sent', 'cancelled', 'skipped', 'failed']),
    sendAt: z.string().meta({ description: 'the time the agent asked for' }),
    plannedAt: z
      .string()
      .nullable()
      .meta({ description: "when the send path plans to send it (after the customer's quiet hours)" }),
    content: z.record(z.string(), z.unknown()),
    authorId: z.uuid().nullable(),
    messageId: z.uuid().nullable(),
    outcome: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'ScheduledReply' });
export type ScheduledReplyView = z.output<typeof scheduledReplySchema>;

/** An immediate reply's 202: the scheduled reply it became, and why (absent: the client asked for `sendAt`). */
export const heldReplySchema = scheduledReplySchema
  .extend({
    heldBy: z.literal('quiet_hours').optional().meta({
      description:
        'sent now it would reach the customer in their quiet hours: it goes when they end (plannedAt)',
    }),
  })
  .meta({ id: 'HeldReply' });

export const scheduledReplyListSchema = z.object({ items: z.array(scheduledReplySchema) });

export const composeCheckSchema = z
  .object({
    quietHours: z
      .object({
        now: z.boolean(),
        endsAt: z
          .string()
          .nullable()
          .meta({ description: 'when the current quiet hours end (null when not quiet)' }),
        start: z.string(),
        end: z.string(),
        timeZone: z.string(),
      })
      .nullable()
      .meta({ description: 'the customer’s quiet hours (null when they set none)' }),
    whatsappWindow: z
      .object({ open: z.boolean(), closesAt: z.string().nullable() })
      .nullable()
      .meta({ description: 'WhatsApp conversations only' }),
    customerWroteInLast24h: z.boolean(),
    suggestSendLater: z.boolean().meta({
      description:
        'true during quiet hours when the customer has not written in the last 24 hours: offer "send at the end of quiet hours"',
    }),
  })
  .meta({ id: 'ComposeCheck' });
export type ComposeCheck = z.output<typeof composeCheckSchema>;
