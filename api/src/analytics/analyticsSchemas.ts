import { z } from 'zod';
import { INTERVALS } from '@c360/domain';
import { analyticsFilterFields, filterViewSchema } from './analyticsParams';
import { KPI_KEYS, TREND_METRICS } from '@c360/store';

export const DEFAULT_FUNNEL_STEPS = ['visit', 'signup', 'add_to_cart', 'checkout_started', 'purchase'];

export const overviewQuerySchema = z.strictObject({ ...analyticsFilterFields });
export const cohortsQuerySchema = z.strictObject({ ...analyticsFilterFields });
export const channelsQuerySchema = z.strictObject({ ...analyticsFilterFields });

export const trendsQuerySchema = z.strictObject({
  ...analyticsFilterFields,
  metric: z.enum(TREND_METRICS).meta({ description: 'what to chart' }),
  interval: z.enum(INTERVALS).default('week').meta({ description: 'bucket size, in the tenant’s time zone' }),
});

const stepName = z
  .string()
  .regex(/^[a-z0-9_.-]{1,100}$/, 'must be a conversion event type (a-z, 0-9, _ . -)');

export const funnelQuerySchema = z.strictObject({
  ...analyticsFilterFields,
  steps: z
    .string()
    .default(DEFAULT_FUNNEL_STEPS.join(','))
    .transform((s) => s.split(',').map((x) => x.trim()))
    .pipe(
      z
        .array(stepName)
        .min(2, 'needs at least 2 steps')
        .max(10, 'takes at most 10 steps')
        .refine((steps) => new Set(steps).size === steps.length, 'must not repeat a step'),
    )
    .meta({
      description: `comma-separated conversion event types, in order (default ${DEFAULT_FUNNEL_STEPS.join(',')})`,
    }),
  windowDays: z.coerce
    .number()
    .int()
    .min(1)
    .max(365)
    .default(30)
    .meta({ description: 'days from the first step within which the later steps must happen' }),
});

const kpiSchema = z.object({
  current: z.number().nullable(),
  previous: z.number().nullable(),
  change: z.number().nullable(),
  changePercent: z.number().nullable().meta({ description: 'null when the previous value is 0 or unknown' }),
});

export const overviewSchema = z
  .object({
    filter: filterViewSchema,
    previousRange: z.object({ from: z.iso.datetime(), to: z.iso.datetime() }),
    kpis: z.object(
      Object.fromEntries(KPI_KEYS.map((k) => [k, kpiSchema])) as Record<
        (typeof KPI_KEYS)[number],
        typeof kpiSchema
      >,
    ),
  })
  .meta({
    id: 'AnalyticsOverview',
    description:
      'csat: % of 1-5 answers that are 4-5; nps: % promoters − % detractors; engagement: mean engagement score of ' +
      'customers who wrote or answered in the period; slaBreachRate: % of tickets opened in the period with a breach; ' +
      'medians in minutes over tickets opened in the period; activeCustomers: wrote a message or won a deal.',
  });

export const trendsSchema = z
  .object({
    filter: filterViewSchema,
    metric: z.enum(TREND_METRICS),
    interval: z.enum(INTERVALS),
    timeZone: z.string(),
    points: z.array(
      z.object({
        key: z
          .string()
          .meta({ description: 'local start date of the bucket (yyyy-mm-dd, or yyyy-mm for months)' }),
        start: z.iso.datetime(),
        end: z.iso.datetime(),
        count: z
          .number()
          .int()
          .meta({ description: 'answers (csat, nps) or customers (clv, engagement) behind the value' }),
        value: z.number().nullable().meta({ description: 'null for an empty bucket' }),
      }),
    ),
  })
  .meta({ id: 'AnalyticsTrends' });

export const cohortsSchema = z
  .object({
    filter: filterViewSchema,
    timeZone: z.string(),
    cohorts: z.array(
      z.object({
        cohort: z.string().meta({ description: 'first-purchase month, yyyy-mm' }),
        size: z.number().int(),
        retained: z
          .array(z.number().int())
          .meta({ description: 'customers buying in month k after the first (k = 0 is the cohort)' }),
        rates: z.array(z.number()).meta({ description: 'retained as % of the cohort' }),
      }),
    ),
  })
  .meta({ id: 'AnalyticsCohorts' });

export const funnelSchema = z
  .object({
    filter: filterViewSchema,
    windowDays: z.number().int(),
    steps: z.array(
      z.object({
        step: z.string(),
        count: z.number().int(),
        fromPrevious: z.number().nullable(),
        fromFirst: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'AnalyticsFunnel' });

export const channelsSchema = z
  .object({
    filter: filterViewSchema,
    channels: z.array(
      z.object({
        channel: z.string(),
        volume: z.number().int().meta({ description: 'conversations started in the range' }),
        medianFirstResponseMinutes: z.number().nullable(),
        medianResolutionMinutes: z.number().nullable(),
        csat: z.number().nullable(),
        csatAnswers: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'AnalyticsChannels' });
