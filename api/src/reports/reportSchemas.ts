import { z } from 'zod';
import { timeZoneSchema } from '@c360/domain';
import { REPORT_FORMATS, REPORT_TEMPLATES } from '@c360/store';
import { uuidParam } from '../openapi/commonSchemas';
import { scheduleCronSchema } from '../segments/segmentExportSchemas';

/** The overlap policies a report schedule offers, as Temporal names them. */
export const REPORT_OVERLAP_POLICIES = {
  skip: 'SKIP',
  buffer_one: 'BUFFER_ONE',
  allow_all: 'ALLOW_ALL',
} as const;
export type ReportOverlapPolicy = keyof typeof REPORT_OVERLAP_POLICIES;
const OVERLAP_NAMES = Object.keys(REPORT_OVERLAP_POLICIES) as [ReportOverlapPolicy, ...ReportOverlapPolicy[]];

const params = z
  .record(z.string(), z.unknown())
  .default({})
  .meta({ description: "the template's parameters (see GET /reports/templates)" });

export const reportTemplateListSchema = z
  .array(
    z.object({
      template: z.enum(REPORT_TEMPLATES),
      title: z.string(),
      formats: z.array(z.enum(REPORT_FORMATS)),
      params: z.record(
        z.string(),
        z.object({ type: z.string(), required: z.boolean(), description: z.string() }),
      ),
    }),
  )
  .meta({ id: 'ReportTemplates' });

export const reportRunBodySchema = z
  .strictObject({ template: z.enum(REPORT_TEMPLATES), format: z.enum(REPORT_FORMATS), params })
  .meta({ id: 'ReportRun' });

export const reportRunAcceptedSchema = z
  .object({ exportId: z.uuid(), workflowId: z.string(), statusUrl: z.string(), downloadUrl: z.string() })
  .meta({ id: 'ReportRunAccepted' });

export const reportScheduleCreateSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    template: z.enum(REPORT_TEMPLATES),
    params,
    formats: z
      .array(z.enum(REPORT_FORMATS))
      .min(1)
      .max(REPORT_FORMATS.length)
      .refine((f) => new Set(f).size === f.length, { message: 'must not repeat a format' }),
    cron: scheduleCronSchema.meta({ example: '0 8 * * MON' }),
    timeZone: timeZoneSchema
      .optional()
      .meta({ description: "IANA zone of the cron; the tenant's by default" }),
    recipients: z.array(z.email()).min(1).max(50),
    overlapPolicy: z
      .enum(OVERLAP_NAMES)
      .default('skip')
      .meta({ description: 'a tick while the previous run still goes: skip it, run it after, or run both' }),
    catchupWindowSeconds: z
      .number()
      .int()
      .min(60)
      .max(7 * 86_400)
      .default(3600)
      .meta({ description: 'ticks missed while Temporal was down are run if they are at most this old' }),
  })
  .meta({ id: 'ReportScheduleCreate' });

export const reportScheduleSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    template: z.string(),
    params: z.record(z.string(), z.unknown()),
    formats: z.array(z.string()),
    cron: z.string(),
    timeZone: z.string(),
    recipients: z.array(z.string()),
    overlapPolicy: z.string(),
    catchupWindowSeconds: z.number().int(),
    paused: z.boolean(),
    nextRunAt: z.string().nullable(),
    lastRunAt: z.string().nullable(),
    temporalScheduleId: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'ReportSchedule' });

export const reportScheduleListSchema = z
  .object({ items: z.array(reportScheduleSchema) })
  .meta({ id: 'ReportScheduleList' });

export const reportScheduleParamsSchema = z.object({ id: uuidParam });
