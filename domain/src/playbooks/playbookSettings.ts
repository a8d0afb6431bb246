import { z } from 'zod';

/**
 * The tenant's default playbooks, stored as data in `Tenant.settings.playbooks` and validated
 * with this schema: one entry per playbook, each with an on/off flag and its parameters. Every
 * field has a default, so `{}` is a valid setting and every playbook is on by default.
 */
const sendChannel = z.enum(['whatsapp', 'email', 'instagram']);

/** What a playbook sends through the send path: a subset of the send path's `SendContent`. */
export const playbookContentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().min(1).max(4096) }),
  z.object({
    type: z.literal('template'),
    name: z.string().min(1).max(512),
    language: z.string().min(2).max(15),
    parameters: z
      .object({ body: z.array(z.object({ type: z.literal('text'), text: z.string() })).optional() })
      .default({}),
  }),
  z.object({
    type: z.literal('email'),
    subject: z.string().min(1).max(998),
    html: z.string().optional(),
    text: z.string().optional(),
  }),
]);
export type PlaybookContent = z.infer<typeof playbookContentSchema>;

const messageSchema = (defaults: { subject: string; text: string }) =>
  z
    .object({
      channel: sendChannel.default('email'),
      content: playbookContentSchema.default({ type: 'email', ...defaults }),
    })
    .prefault({});

const days = z.number().int().min(1).max(365);

export const REENTRY_RULES = ['never', 'afterDays'] as const;
export const reentryRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('never') }),
  z.object({ kind: z.literal('afterDays'), days }),
]);
export type ReentryRule = z.infer<typeof reentryRuleSchema>;

/** The playbooks a segment can start on entry: those that need nothing but the customer. */
export const SEGMENT_PLAYBOOKS = ['vip', 'churnWinback'] as const;
export type SegmentPlaybook = (typeof SEGMENT_PLAYBOOKS)[number];

/**
 * A segment's attachment: a playbook to start for each customer who enters, or a message (the
 * segment's entry campaign) sent to each of them through the send path. Either way once per
 * entry, as the re-entry rule allows.
 */
export const segmentAttachmentSchema = z.union([
  z.object({
    segmentId: z.uuid(),
    playbook: z.enum(SEGMENT_PLAYBOOKS),
    reentry: reentryRuleSchema.default({ kind: 'never' }),
  }),
  z.object({
    segmentId: z.uuid(),
    message: z.object({
      channel: sendChannel,
      content: playbookContentSchema,
      purpose: z.enum(['marketing', 'service']).default('marketing'),
    }),
    reentry: reentryRuleSchema.default({ kind: 'never' }),
  }),
]);
export type SegmentAttachment = z.infer<typeof segmentAttachmentSchema>;

const enabled = z.boolean().default(true);

export const playbookSettingsSchema = z.object({
  /** `customer.health_score_updated`: tell the owner when health fell by at least `minDrop` points. */
  healthDrop: z
    .object({
      enabled,
      params: z
        .object({
          minDrop: z.number().min(1).max(100).default(15),
          /** A factor "moved" when its contribution changed by at least this many points. */
          factorMinChange: z.number().min(0).max(100).default(1),
        })
        .prefault({}),
    })
    .prefault({}),
  /** `customer.vip_detected`: tag, notify owner and managers, raise open tickets, welcome message. */
  vip: z
    .object({
      enabled,
      params: z
        .object({
          tag: z.string().min(1).max(50).default('VIP'),
          ticketPriority: z.enum(['high', 'urgent']).default('high'),
          welcome: messageSchema({
            subject: 'Welcome to our VIP programme',
            text: 'Thank you for being one of our best customers. From now on you have priority support.',
          }),
        })
        .prefault({}),
    })
    .prefault({}),
  /** `csat.low_rating_received`: a follow-up ticket for the team lead, escalated if left unresolved. */
  lowCsat: z
    .object({
      enabled,
      params: z
        .object({
          priority: z.enum(['high', 'urgent']).default('high'),
          /** The team lead who gets the follow-up; null: the first active manager (by email). */
          teamLeadUserId: z.uuid().nullable().default(null),
          resolveWithinHours: z
            .number()
            .int()
            .min(1)
            .max(24 * 30)
            .default(24),
        })
        .prefault({}),
    })
    .prefault({}),
  /** `customer.churn_risk_high`: notify, wait for engagement, then a win-back message and its outcome. */
  churnWinback: z
    .object({
      enabled,
      params: z
        .object({
          engagementWaitDays: days.default(7),
          outcomeWaitDays: days.default(14),
          message: messageSchema({
            subject: 'We miss you',
            text: 'It has been a while. Here is something to welcome you back.',
          }),
        })
        .prefault({}),
    })
    .prefault({}),
  /** `segment.entered`: start the playbook attached to the segment, once per entry. */
  segmentEntered: z
    .object({
      enabled,
      params: z
        .object({
          attachments: z
            .array(segmentAttachmentSchema)
            .max(200)
            .default([])
            .refine((list) => new Set(list.map((a) => a.segmentId)).size === list.length, {
              message: 'a segment can have one attachment',
            }),
        })
        .prefault({}),
    })
    .prefault({}),
});
export type PlaybookSettings = z.infer<typeof playbookSettingsSchema>;
export type PlaybookName = keyof PlaybookSettings;
export const PLAYBOOK_NAMES = Object.keys(playbookSettingsSchema.shape) as PlaybookName[];

export const defaultPlaybookSettings = (): PlaybookSettings => playbookSettingsSchema.parse({});
