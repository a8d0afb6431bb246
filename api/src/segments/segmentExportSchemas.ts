import { z } from 'zod';
import { whatsappTemplateSendSchema } from '../inbox/inboxSchemas';
import {
  DEFAULT_EXPORT_COLUMNS,
  EXPORT_COLUMN_NAMES,
  EXPORT_STREAM_FORMATS,
  isExportColumn,
  timeZoneSchema,
  type ExportColumn,
} from '@c360/domain';
import { SCHEDULE_OVERLAP_POLICIES } from '@c360/store';
import { uuidParam } from '../openapi/commonSchemas';

const columnList = z
  .string()
  .max(1000)
  .transform((raw, ctx): ExportColumn[] => {
    const names = raw
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n.length > 0);
    const unknown = names.filter((n) => !isExportColumn(n));
    if (unknown.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')}; allowed: ${EXPORT_COLUMN_NAMES.join(', ')}`,
      });
      return z.NEVER;
    }
    if (names.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'names no column' });
      return z.NEVER;
    }
    return [...new Set(names)] as ExportColumn[];
  });

export const exportQuerySchema = z.object({
  format: z
    .enum(EXPORT_STREAM_FORMATS)
    .default('csv')
    .meta({ description: 'csv (RFC 4180) or json (one array)' }),
  columns: columnList.optional().meta({
    description: `comma-separated column names from: ${EXPORT_COLUMN_NAMES.join(', ')}. Default: ${DEFAULT_EXPORT_COLUMNS.join(',')}`,
    example: 'id,email,firstName',
  }),
});

export const exportAcceptedSchema = z
  .object({
    exportId: z.uuid(),
    workflowId: z.string(),
    status: z.literal('running'),
    members: z.number().int().meta({ description: 'members counted when the export was asked for' }),
    statusUrl: z.string(),
  })
  .meta({ id: 'SegmentExportAccepted' });

export const segmentExportSchema = z
  .object({
    id: z.uuid(),
    segmentId: z.uuid().nullable(),
    scheduleId: z.uuid().nullable(),
    template: z.string().meta({ description: 'the report template (segment_members for a segment export)' }),
    title: z.string().nullable(),
    format: z.string(),
    columns: z.array(z.string()),
    status: z.enum(['running', 'done', 'failed']),
    fileName: z.string().nullable(),
    rowCount: z.number().int().nullable(),
    byteSize: z.number().int().nullable(),
    error: z.string().nullable(),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
    downloadUrl: z.string().nullable(),
  })
  .meta({ id: 'SegmentExport' });

// Five fields (minute hour day-of-month month day-of-week), Temporal's cron dialect; Temporal
// checks the values themselves when the schedule is created.
const cronField = /^[0-9A-Za-z*?/,\-#LW]+$/;
/** A schedule's cron, shared by segment export and report schedules. */
export const scheduleCronSchema = z
  .string()
  .trim()
  .max(100)
  .refine((c) => c.split(/\s+/).length === 5 && c.split(/\s+/).every((f) => cronField.test(f)), {
    message:
      'must be a five-field cron expression (minute hour day-of-month month day-of-week), e.g. "0 8 * * MON"',
  });

export const scheduleParamsSchema = z.object({ id: uuidParam, scheduleId: uuidParam });

export const scheduleCreateSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    cron: scheduleCronSchema.meta({ example: '0 8 * * MON' }),
    timeZone: timeZoneSchema
      .optional()
      .meta({ description: "IANA zone of the cron; the tenant's by default" }),
    format: z.enum(EXPORT_STREAM_FORMATS).default('csv'),
    columns: z
      .array(
        z.string().refine(isExportColumn, { message: `must be one of ${EXPORT_COLUMN_NAMES.join(', ')}` }),
      )
      .max(EXPORT_COLUMN_NAMES.length)
      .default([]),
    recipients: z.array(z.email()).min(1).max(50),
    overlapPolicy: z.enum(SCHEDULE_OVERLAP_POLICIES).default('SKIP'),
    catchupWindowSeconds: z
      .number()
      .int()
      .min(60)
      .max(7 * 86_400)
      .default(3600),
  })
  .strict();

export const scheduleSchema = z
  .object({
    id: z.uuid(),
    segmentId: z.uuid(),
    name: z.string(),
    cron: z.string(),
    timeZone: z.string(),
    format: z.string(),
    columns: z.array(z.string()),
    recipients: z.array(z.string()),
    overlapPolicy: z.string(),
    catchupWindowSeconds: z.number().int(),
    paused: z.boolean(),
    temporalScheduleId: z.string().nullable(),
    nextRunAt: z.string().nullable(),
    lastRunAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'ExportSchedule' });

export const scheduleListSchema = z.object({ items: z.array(scheduleSchema) });

export const campaignContentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().trim().min(1).max(4096) }),
  z.object({ type: z.literal('template'), ...whatsappTemplateSendSchema.shape }),
  z.object({
    type: z.literal('email'),
    subject: z.string().trim().min(1).max(500),
    html: z.string().min(1).max(200_000).optional(),
    text: z.string().min(1).max(100_000).optional(),
  }),
]);

const CONTENT_BY_CHANNEL = { whatsapp: ['text', 'template'], email: ['email', 'text'] } as const;

export const launchBodySchema = z
  .object({
    kind: z.enum(['campaign', 'playbook']),
    /** The campaign's name, or the playbook to run for every member. */
    name: z.string().trim().min(1).max(200),
    channel: z
      .enum(['whatsapp', 'email'])
      .optional()
      .meta({ description: 'campaigns: the channel to send on' }),
    purpose: z
      .enum(['marketing', 'service'])
      .default('marketing')
      .meta({ description: 'marketing needs each member opted in to the channel' }),
    content: campaignContentSchema.optional().meta({
      description:
        'campaigns: text (WhatsApp only inside the 24-hour window), an approved WhatsApp template, or an email',
    }),
    input: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.kind !== 'campaign') return;
    if (!b.channel)
      ctx.addIssue({ code: 'custom', path: ['channel'], message: 'a campaign needs a channel' });
    if (!b.content) ctx.addIssue({ code: 'custom', path: ['content'], message: 'a campaign needs content' });
    if (
      b.channel &&
      b.content &&
      !(CONTENT_BY_CHANNEL[b.channel] as readonly string[]).includes(b.content.type)
    )
      ctx.addIssue({
        code: 'custom',
        path: ['content', 'type'],
        message: `${b.channel} campaigns send ${CONTENT_BY_CHANNEL[b.channel].join(' or ')}`,
      });
  });
