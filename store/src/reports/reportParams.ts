import { z } from 'zod';
import { EXPORT_COLUMN_NAMES, INTERVALS, isExportColumn, type ExportColumn } from '@c360/domain';
import { CUSTOMER_SORTS } from '../search/searchCustomers';
import { CONVERSATION_CHANNELS, LIFECYCLE_STAGES } from '../entities/vocabulary';

/** The report templates a run or a schedule renders. */
export const REPORT_TEMPLATES = ['customer_list', 'segment_members', 'analytics_overview', 'csat'] as const;
export type ReportTemplate = (typeof REPORT_TEMPLATES)[number];

/** How each template's files and notices are titled (a segment's members by its name). */
export const REPORT_TITLES: Record<ReportTemplate, string> = {
  customer_list: 'Customer list',
  segment_members: 'Segment members',
  analytics_overview: 'Analytics overview',
  csat: 'CSAT and NPS',
};

/** What a report is written as; segment members may also be JSON (the segment export's format). */
export const REPORT_FORMATS = ['csv', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Longest range a report covers, as for the analytics API. */
export const MAX_REPORT_RANGE_DAYS = 731;

const columns = z
  .array(z.string().refine(isExportColumn, { message: `must be one of ${EXPORT_COLUMN_NAMES.join(', ')}` }))
  .max(EXPORT_COLUMN_NAMES.length)
  .transform((names) => [...new Set(names)] as ExportColumn[])
  .optional()
  .meta({ description: `export columns; default: id, names, email, phone, language, stage, VIP` });

/**
 * The customer list's quick filters (the chips above the list), each a set of the list's own
 * query parameters; the customer area shows the same chips.
 */
export const CUSTOMER_LIST_QUICK_FILTERS = {
  vip: { isVip: true },
  atRisk: { lifecycleStage: 'at_risk' },
  leads: { lifecycleStage: 'lead' },
  optedInWhatsapp: { optedIn: 'whatsapp' },
  optedInEmail: { optedIn: 'email' },
} as const;
export type CustomerListQuickFilter = keyof typeof CUSTOMER_LIST_QUICK_FILTERS;
const QUICK_FILTER_NAMES = Object.keys(CUSTOMER_LIST_QUICK_FILTERS) as [
  CustomerListQuickFilter,
  ...CustomerListQuickFilter[],
];

const instant = z.iso.datetime({ offset: true });
const range = {
  from: instant
    .optional()
    .meta({ description: 'start (inclusive), ISO 8601; default: `to` minus rangeDays' }),
  to: instant.optional().meta({ description: 'end (exclusive), ISO 8601; default: when the report runs' }),
  rangeDays: z
    .number()
    .int()
    .min(1)
    .max(MAX_REPORT_RANGE_DAYS)
    .optional()
    .meta({ description: 'without from: the days before `to` (a schedule covers the days before each run)' }),
  segmentId: z.uuid().optional().meta({ description: 'only the members of this segment' }),
  channel: z
    .enum(CONVERSATION_CHANNELS)
    .optional()
    .meta({ description: 'only customers with a conversation on this channel' }),
};

const checkRange = (p: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx) => {
  if (!p.from || !p.to) return;
  const span = Date.parse(p.to) - Date.parse(p.from);
  if (span <= 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
  else if (span > MAX_REPORT_RANGE_DAYS * 86_400_000)
    ctx.addIssue({
      code: 'custom',
      path: ['from'],
      message: `the range must be at most ${MAX_REPORT_RANGE_DAYS} days`,
    });
};

/** Each template's parameters: checked by the API when asked for, and again by the run. */
export const REPORT_PARAM_SCHEMAS = {
  customer_list: z.strictObject({
    q: z.string().trim().min(1).max(200).optional().meta({ description: 'the list search text' }),
    tag: z.array(z.string().trim().min(1).max(50)).max(20).optional().meta({ description: 'has every tag' }),
    language: z.string().min(2).max(10).optional(),
    lifecycleStage: z.enum(LIFECYCLE_STAGES).optional(),
    isVip: z.boolean().optional(),
    timeZone: z.string().min(1).max(64).optional(),
    optedIn: z.enum(['whatsapp', 'email', 'sms']).optional(),
    quickFilters: z
      .array(z.enum(QUICK_FILTER_NAMES))
      .max(QUICK_FILTER_NAMES.length)
      .optional()
      .meta({ description: `the list's quick filters: ${QUICK_FILTER_NAMES.join(', ')}` }),
    sort: z
      .enum(CUSTOMER_SORTS)
      .optional()
      .meta({ description: 'the list order; default: most recently updated' }),
    columns,
  }),
  segment_members: z.strictObject({
    segmentId: z.uuid().meta({ description: 'the segment whose members are listed' }),
    columns,
  }),
  analytics_overview: z
    .strictObject({ ...range })
    .superRefine(checkRange)
    .meta({ description: 'the KPIs of /analytics/overview; default range: the 30 days before the run' }),
  csat: z
    .strictObject({
      ...range,
      interval: z.enum(INTERVALS).optional().meta({ description: 'trend buckets; default week' }),
    })
    .superRefine(checkRange)
    .meta({
      description: 'CSAT and NPS per bucket, and the answers; default range: the 90 days before the run',
    }),
} as const satisfies Record<ReportTemplate, z.ZodType>;

export type ReportParams<T extends ReportTemplate> = z.output<(typeof REPORT_PARAM_SCHEMAS)[T]>;

/** The parameters a schedule or a run was given, parsed for its template; throws a ZodError. */
export const parseReportParams = <T extends ReportTemplate>(template: T, params: unknown): ReportParams<T> =>
  REPORT_PARAM_SCHEMAS[template].parse(params ?? {}) as ReportParams<T>;

/** The customer list query of the list's own parameters and its ticked quick filters (last wins). */
export const customerListSearch = (p: ReportParams<'customer_list'>) => {
  const { quickFilters, columns: _columns, ...query } = p;
  const merged: Record<string, unknown> = { ...query };
  for (const chip of quickFilters ?? []) Object.assign(merged, CUSTOMER_LIST_QUICK_FILTERS[chip]);
  return merged as Omit<ReportParams<'customer_list'>, 'quickFilters' | 'columns'>;
};
