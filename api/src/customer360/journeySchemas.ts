import { z } from 'zod';
import { JOURNEY_EVENT_KINDS, JOURNEY_STAGES } from '@c360/store';
import { decodeJourneyCursor } from './journeyCursor';

const kindList = z
  .string()
  .transform((s, ctx) => {
    const kinds = s.split(',').map((k) => k.trim());
    const unknown = kinds.filter((k) => !(JOURNEY_EVENT_KINDS as readonly string[]).includes(k));
    if (unknown.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown kind ${unknown.join(', ')}; one of ${JOURNEY_EVENT_KINDS.join(', ')}`,
      });
      return z.NEVER;
    }
    return [...new Set(kinds)] as (typeof JOURNEY_EVENT_KINDS)[number][];
  })
  .meta({ description: `comma-separated event kinds to keep (${JOURNEY_EVENT_KINDS.join(', ')})` });

export const journeyQuerySchema = z.strictObject({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(25)
    .meta({ description: 'events per page (at most 100)' }),
  cursor: z
    .string()
    .max(500)
    .transform((s, ctx) => {
      const cursor = decodeJourneyCursor(s);
      if (!cursor) {
        ctx.addIssue({ code: 'custom', message: 'is not a cursor this API handed out' });
        return z.NEVER;
      }
      return cursor;
    })
    .optional()
    .meta({ description: '`nextCursor` of the previous page' }),
  stage: z.enum(JOURNEY_STAGES).optional().meta({ description: 'only the events of this stage' }),
  kinds: kindList.optional(),
});

export const journeyStagesQuerySchema = z.strictObject({
  perStage: z.coerce
    .number()
    .int()
    .min(1)
    .max(50)
    .default(5)
    .meta({ description: 'newest events returned per stage (at most 50)' }),
});

const iso = z.iso.datetime();
const base = { id: z.uuid(), at: iso, stage: z.enum(JOURNEY_STAGES) };
const slaFields = {
  ticketId: z.uuid(),
  subject: z.string(),
  status: z.string(),
  priority: z.string(),
  slaPolicy: z.string(),
  firstResponseDueAt: iso.nullable(),
  resolutionDueAt: iso.nullable(),
  firstResponseBreached: z.boolean(),
  resolutionBreached: z.boolean(),
  slaBreached: z.boolean().meta({ description: 'either deadline was missed: the timeline’s breach marker' }),
};

export const journeyEventSchema = z
  .discriminatedUnion('kind', [
    z.object({
      ...base,
      kind: z.literal('message'),
      data: z.object({
        conversationId: z.uuid(),
        ticketId: z.uuid().nullable(),
        channel: z.string(),
        direction: z.enum(['inbound', 'outbound']),
        sentiment: z
          .number()
          .nullable()
          .meta({ description: '-1 (negative) .. 1 (positive); null until analysed' }),
        deliveryStatus: z.string(),
        preview: z.string().meta({ description: 'the first 160 characters of the body' }),
      }),
    }),
    z.object({ ...base, kind: z.literal('ticket_opened'), data: z.object(slaFields) }),
    z.object({
      ...base,
      kind: z.literal('ticket_resolved'),
      data: z.object({ ...slaFields, autoResolved: z.boolean() }),
    }),
    z.object({
      ...base,
      kind: z.literal('call'),
      data: z.object({
        ticketId: z.uuid().nullable(),
        direction: z.enum(['inbound', 'outbound']),
        durationSeconds: z.number().int(),
        endedAt: z.string().nullable(),
        transcriptTurns: z
          .number()
          .int()
          .meta({ description: 'speaker turns in the transcript (0 without one)' }),
        transcriptChars: z.number().int().meta({ description: 'length of the transcript text' }),
        summary: z.string().nullable().meta({
          description: 'the post-call summary the AI assist writes; null until then, never made up',
        }),
        actionItems: z.array(z.string()),
      }),
    }),
    z.object({
      ...base,
      kind: z.literal('knowledge_view'),
      data: z.object({
        articleId: z.uuid(),
        title: z.string(),
        durationSeconds: z.number().int().nullable(),
      }),
    }),
    z.object({
      ...base,
      kind: z.literal('conversion'),
      data: z.object({
        type: z.string().meta({ description: 'visit, signup, add_to_cart, checkout_started, purchase, ...' }),
        value: z.number().nullable(),
        currency: z.string().nullable(),
        properties: z.record(z.string(), z.unknown()),
      }),
    }),
    z.object({
      ...base,
      kind: z.literal('survey_sent'),
      data: z.object({
        surveyKind: z.enum(['csat', 'nps']),
        channel: z.string(),
        status: z.string(),
        ticketId: z.uuid().nullable(),
      }),
    }),
    z.object({
      ...base,
      kind: z.literal('survey_answered'),
      data: z.object({
        surveyKind: z.enum(['csat', 'nps']),
        score: z.number().int(),
        comment: z.string().nullable(),
        channel: z.string(),
        requestId: z.uuid(),
      }),
    }),
    z.object({
      ...base,
      kind: z.literal('timeline_event'),
      data: z.object({
        eventKind: z.string().meta({
          description:
            'sla_risk, sla_breach (the breach marker), health_drop, vip_detected, churn_winback, playbook_step, ...',
        }),
        title: z.string(),
        details: z.record(z.string(), z.unknown()),
      }),
    }),
  ])
  .meta({ id: 'JourneyEvent' });
export type JourneyEventView = z.output<typeof journeyEventSchema>;

export const journeyPageSchema = z
  .object({
    customerId: z.uuid(),
    items: z.array(journeyEventSchema),
    nextCursor: z
      .string()
      .nullable()
      .meta({ description: 'pass as `cursor` for the next page; null on the last' }),
  })
  .meta({ id: 'JourneyPage' });

export const journeyStagesSchema = z
  .object({
    customerId: z.uuid(),
    stages: z.array(
      z.object({
        stage: z.enum(JOURNEY_STAGES),
        count: z.number().int(),
        firstAt: iso.nullable(),
        lastAt: iso.nullable(),
        events: z.array(journeyEventSchema),
        nextCursor: z
          .string()
          .nullable()
          .meta({ description: 'continue this stage with GET /journey?stage=<stage>&cursor=<nextCursor>' }),
      }),
    ),
  })
  .meta({ id: 'JourneyStages' });
