import { z } from 'zod';
import {
  CONVERSATION_CHANNELS,
  CONVERSATION_STATUSES,
  DELIVERY_STATUSES,
  INBOX_SORTS,
  MESSAGE_DIRECTIONS,
  SLA_RISKS,
} from '@c360/store';

/** A comma-separated list in the query (`channel=whatsapp,email`), each value checked against `values`. */
const csvOf = <T extends string>(values: readonly [T, ...T[]], what: string) =>
  z
    .string()
    .transform((s) => s.split(',').map((v) => v.trim()))
    .pipe(z.array(z.enum(values)).min(1))
    .optional()
    .meta({ description: `${what}, comma-separated: ${values.join(', ')}` });

export const conversationListQuerySchema = z.object({
  channel: csvOf(CONVERSATION_CHANNELS, 'channels'),
  status: csvOf(CONVERSATION_STATUSES, 'conversation statuses'),
  assignee: z
    .union([z.literal('me'), z.literal('none'), z.uuid()])
    .optional()
    .meta({ description: '`me`, `none` (unassigned) or a user id' }),
  team: z.string().min(1).max(100).optional().meta({ description: "the linked ticket's team" }),
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .meta({ description: 'unread by the caller (the customer wrote after the caller last read it)' }),
  slaRisk: csvOf(SLA_RISKS, "SLA risk of the linked ticket's next due date"),
  sort: z.enum(INBOX_SORTS).default('last_activity').meta({
    description: '`last_activity` (newest first) or `sla_due` (soonest due first, nothing due last)',
  }),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().min(1).max(500).optional().meta({ description: "the previous page's `nextCursor`" }),
});

const conversationSummarySchema = z.object({
  id: z.uuid(),
  channel: z.enum(CONVERSATION_CHANNELS),
  status: z.enum(CONVERSATION_STATUSES),
  subject: z.string().nullable(),
  tags: z.array(z.string()),
  customer: z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string() }),
  assigneeId: z.uuid().nullable(),
  ticketId: z.uuid().nullable(),
  team: z.string().nullable(),
  lastMessageAt: z.iso.datetime().nullable(),
  lastActivityAt: z.iso.datetime(),
  slaDueAt: z.iso.datetime().nullable(),
  slaRisk: z.enum(SLA_RISKS),
  unread: z.boolean(),
  whatsappWindowOpen: z.boolean().nullable().meta({
    description: 'WhatsApp only: free-text replies are allowed (24 h after the last inbound message)',
  }),
  preview: z.string().nullable(),
});

export const conversationListSchema = z.object({
  items: z.array(conversationSummarySchema),
  nextCursor: z.string().nullable(),
});

export const threadQuerySchema = z.object({
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z
    .string()
    .min(1)
    .max(500)
    .optional()
    .meta({ description: "the previous page's `nextCursor` (older items)" }),
});

const threadItemSchema = z.union([
  z.object({
    kind: z.literal('message'),
    id: z.uuid(),
    at: z.iso.datetime(),
    direction: z.enum(MESSAGE_DIRECTIONS),
    channel: z.enum(CONVERSATION_CHANNELS),
    authorId: z.uuid().nullable(),
    body: z.string(),
    html: z.string().nullable().meta({ description: 'sanitised before storage' }),
    deliveryStatus: z.enum(DELIVERY_STATUSES),
    deliveryError: z.string().nullable(),
    attachments: z.array(
      z.object({
        fileName: z.string(),
        contentType: z.string(),
        size: z.number(),
        assetId: z.string().optional(),
        url: z.string().optional(),
      }),
    ),
    metadata: z.record(z.string(), z.unknown()),
  }),
  z.object({
    kind: z.literal('event'),
    id: z.uuid(),
    at: z.iso.datetime(),
    action: z.string().meta({ description: 'conversation.assigned, .tags_changed, .resolved, .reopened' }),
    actorType: z.string(),
    actorId: z.uuid().nullable(),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
  }),
]);

export const threadSchema = z.object({
  conversation: conversationSummarySchema.omit({
    preview: true,
    unread: true,
    slaRisk: true,
    slaDueAt: true,
    team: true,
  }),
  items: z.array(threadItemSchema).meta({ description: 'messages and events, newest first' }),
  nextCursor: z.string().nullable(),
});

const templateParameterSchema = z.union([
  z.object({ type: z.literal('text'), text: z.string().min(1).max(1024) }),
  z.object({
    type: z.literal('currency'),
    fallbackValue: z.string().min(1),
    code: z.string().length(3),
    amount1000: z.number().int(),
  }),
  z.object({ type: z.literal('date_time'), fallbackValue: z.string().min(1) }),
  z.object({
    type: z.enum(['image', 'document', 'video']),
    link: z.url(),
    filename: z.string().max(240).optional(),
  }),
]);

const buttonParameterSchema = z.union([
  z.object({ type: z.literal('payload'), payload: z.string().min(1) }),
  z.object({ type: z.literal('text'), text: z.string().min(1) }),
  z.object({
    type: z.literal('action'),
    flowToken: z.string().min(1),
    flowActionData: z.record(z.string(), z.unknown()).optional(),
  }),
]);

/** An approved WhatsApp template with its parameters, as replies and campaigns send it. */
export const whatsappTemplateSendSchema = z.object({
  name: z.string().min(1).max(512),
  language: z.string().min(2).max(15),
  parameters: z
    .object({
      header: z.array(templateParameterSchema).optional(),
      body: z.array(templateParameterSchema).optional(),
      buttons: z
        .array(z.object({ index: z.number().int().min(0), parameters: z.array(buttonParameterSchema) }))
        .optional(),
    })
    .default({}),
});

/** One of the tenant's reply assets sent with the reply (see /replies/assets). */
export const replyAssetIdSchema = z
  .uuid()
  .optional()
  .meta({
    description:
      "one of the tenant's reply assets, sent as a media message (WhatsApp, Instagram) or an attachment (email); " +
      "refused with a 400 when the channel's provider does not take its type or size",
  });

type ReplyParts = { text?: string | undefined; assetId?: string | undefined; template?: unknown };
type Refinement = [(b: ReplyParts) => boolean, { message: string; path: string[] }];

/** A template goes alone; anything else needs text, an asset, or both. */
export const assetNotWithTemplate: Refinement = [
  (b) => !(b.assetId !== undefined && b.template !== undefined),
  { message: 'cannot go with a template: send the asset with text, or alone', path: ['assetId'] },
];
export const textAssetOrTemplate: Refinement = [
  // A template with an asset is the other refinement's to name.
  (b) => (b.template !== undefined ? b.text === undefined : b.text !== undefined || b.assetId !== undefined),
  { message: 'give text and/or an asset, or a template', path: ['text'] },
];

export const replyBodySchema = z
  .object({
    text: z.string().trim().min(1).max(4096).optional().meta({ description: 'free text (every channel)' }),
    html: z.string().min(1).max(200_000).optional().meta({ description: 'email only: the HTML part' }),
    subject: z
      .string()
      .min(1)
      .max(500)
      .optional()
      .meta({ description: 'email only; defaults to Re: <subject>' }),
    template: whatsappTemplateSendSchema
      .optional()
      .meta({ description: 'WhatsApp only: an approved template (allowed outside the 24-hour window)' }),
    commentVisibility: z
      .enum(['public', 'private'])
      .default('public')
      .meta({ description: 'Instagram comment threads: a public reply or a private reply (DM)' }),
    assetId: replyAssetIdSchema,
    sendAt: z.iso
      .datetime({ offset: true })
      .optional()
      .meta({ description: 'send later: scheduled through the send path (answers 202)' }),
  })
  .refine(...assetNotWithTemplate)
  .refine(...textAssetOrTemplate);

export const replyResultSchema = z.object({
  messageId: z.uuid(),
  providerMessageId: z.string(),
  alreadySent: z
    .boolean()
    .meta({ description: 'true when this Idempotency-Key was sent before: nothing was sent now' }),
  idempotencyKey: z.string(),
});

export const assignBodySchema = z.object({
  assigneeId: z
    .union([z.literal('me'), z.uuid(), z.null()])
    .meta({ description: 'a user id of the tenant, `me`, or null to unassign' }),
});

const tagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9 _:-]{0,49}$/, 'a tag is 1-50 letters, digits, spaces, _ : or -');

export const tagsBodySchema = z
  .object({
    add: z.array(tagSchema).max(20).default([]),
    remove: z.array(tagSchema).max(20).default([]),
  })
  .refine((b) => b.add.length + b.remove.length > 0, {
    message: 'add or remove at least one tag',
    path: ['add'],
  });

export const conversationStateSchema = z.object({
  id: z.uuid(),
  status: z.enum(CONVERSATION_STATUSES),
  assigneeId: z.uuid().nullable(),
  tags: z.array(z.string()),
  ticketId: z.uuid().nullable(),
  ticketStatus: z.string().nullable(),
  changed: z.boolean().meta({ description: 'false when the conversation was already in that state' }),
});

export const readStateSchema = z.object({ id: z.uuid(), unread: z.boolean() });
