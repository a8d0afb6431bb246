import { z } from 'zod';
import { INTERVALS } from '@c360/domain';

const healthFactorSchema = z.object({
  name: z
    .string()
    .meta({ description: 'recency, engagement, satisfaction, openTickets, slaBreaches or orderTrend' }),
  raw: z
    .number()
    .nullable()
    .meta({ description: 'the measure behind the value (days, score, count or ratio); null without data' }),
  value: z.number().meta({ description: '0 (bad) to 1 (good)' }),
  weight: z.number().meta({ description: "the factor's share of the score (weights sum to 1)" }),
  contribution: z.number().meta({ description: 'points of the 0-100 score this factor gave' }),
});

export const healthSchema = z
  .object({
    score: z.number().int().min(0).max(100),
    band: z.enum(['healthy', 'neutral', 'at_risk']),
    previousScore: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'the score before it last changed; null before a second score' }),
    change: z.number().int().nullable(),
    factors: z.array(healthFactorSchema),
  })
  .meta({ id: 'HealthScore' });

export const healthScoreViewSchema = z
  .object({
    customerId: z.uuid(),
    scored: z.boolean().meta({ description: 'false until the customer is first scored' }),
    computedAt: z.iso.datetime().nullable(),
    health: healthSchema.nullable(),
  })
  .meta({ id: 'CustomerHealthScore' });

export const rescoreResultSchema = z
  .object({
    customerId: z.uuid(),
    changed: z
      .boolean()
      .meta({ description: 'false when nothing moved: nothing was stored and no event raised' }),
    computedAt: z.iso.datetime(),
    health: healthSchema,
    previous: z
      .object({ score: z.number().int(), band: z.string(), computedAt: z.iso.datetime() })
      .nullable()
      .meta({ description: 'the stored health score before this recompute; null if never scored' }),
    events: z.array(z.string()).meta({
      description:
        'edge-triggered events raised by this recompute: customer.health_score_updated, customer.vip_detected, customer.churn_risk_high',
    }),
  })
  .meta({ id: 'CustomerRescore' });

const clvSchema = z.object({
  historical: z.number().meta({ description: 'won revenue to date' }),
  predicted: z.number(),
  total: z.number(),
  formula: z.string(),
  inputs: z.object({
    orders: z.number().int(),
    averageOrderValue: z.number(),
    observedDays: z.number(),
    purchasesPerYear: z.number(),
    expectedLifetimeYears: z.number(),
  }),
  change: z.object({
    previousTotal: z.number(),
    change: z.number(),
    changePercent: z.number().nullable(),
  }),
});

export const lifetimeValueViewSchema = z
  .object({
    customerId: z.uuid(),
    computedAt: z.iso.datetime().nullable(),
    clv: clvSchema
      .nullable()
      .meta({ description: 'the stored CLV with its formula and inputs; null until scored' }),
    trend: z
      .array(
        z.object({
          key: z.string().meta({ description: 'the local date the period starts on (2026-03 for a month)' }),
          start: z.iso.datetime(),
          end: z.iso.datetime(),
          historical: z.number(),
          total: z.number(),
        }),
      )
      .meta({ description: "CLV at the end of each period, in the tenant's time zone" }),
  })
  .meta({ id: 'CustomerLifetimeValue' });

const DAY_MS = 86_400_000;

export const lifetimeValueQuerySchema = z
  .object({
    interval: z.enum(INTERVALS).default('month').meta({ description: 'period of the trend' }),
    from: z.iso
      .datetime({ offset: true })
      .optional()
      .meta({ description: 'trend start; default a year before `to`' }),
    to: z.iso.datetime({ offset: true }).optional().meta({ description: 'trend end; default now' }),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), {
    message: 'must not be before from',
    path: ['to'],
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= 3_660 * DAY_MS, {
    message: 'the range may span at most ten years',
    path: ['from'],
  });
