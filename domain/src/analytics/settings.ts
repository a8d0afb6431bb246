import { z } from 'zod';
import { vipRuleSchema } from './vipRule';

/**
 * The per-tenant knobs of the calculators, stored as data (in `Tenant.settings.analytics`) and
 * validated with this schema. Every field has a default, so `{}` is a valid setting.
 */
const positive = z.number().positive();
const share = z.number().min(0).max(1);

export const healthWeightsSchema = z.object({
  recency: z.number().min(0).default(0.25),
  engagement: z.number().min(0).default(0.2),
  satisfaction: z.number().min(0).default(0.2),
  openTickets: z.number().min(0).default(0.1),
  slaBreaches: z.number().min(0).default(0.1),
  orderTrend: z.number().min(0).default(0.15),
});
export type HealthWeights = z.infer<typeof healthWeightsSchema>;
export type HealthFactorName = keyof HealthWeights;

export const analyticsSettingsSchema = z.object({
  rfm: z
    .object({
      /** Frequency and monetary value count won deals closed in the last `windowDays` days. */
      windowDays: positive.default(365),
    })
    .prefault({}),
  clv: z
    .object({
      /** How long a customer is expected to keep buying, in years. */
      expectedLifetimeYears: positive.default(3),
      /** A purchase history shorter than this is stretched to it, so one recent order is not annualised 365 times. */
      minObservationDays: positive.default(90),
      /** The stored trend compares today's CLV with the CLV this many days ago. */
      trendDays: positive.default(90),
    })
    .prefault({}),
  engagement: z
    .object({
      windowDays: positive.default(30),
      /** Interactions (inbound messages + survey answers) in the window that count as fully engaged. */
      saturation: positive.default(10),
      /** Channels the tenant talks on: the breadth part is the share of them the customer used. */
      channels: z.array(z.string().min(1)).min(1).default(['whatsapp', 'instagram', 'email']),
    })
    .prefault({}),
  health: z
    .object({
      weights: healthWeightsSchema.prefault({}),
      /** Days since the last purchase or inbound message at which the recency factor reaches 0. */
      recencyHorizonDays: positive.default(180),
      /** Open tickets at which the open-ticket factor reaches 0. */
      openTicketLimit: positive.default(5),
      /** SLA breaches (tickets opened in the window) at which the breach factor reaches 0. */
      slaBreachLimit: positive.default(3),
      /** Window for SLA breaches and surveys, and the length of each of the two periods the order trend compares. */
      windowDays: positive.default(90),
      /** Score at or above `healthy` is healthy, at or above `atRisk` neutral, below it at risk. */
      bands: z
        .object({
          healthy: z.number().min(0).max(100).default(70),
          atRisk: z.number().min(0).max(100).default(40),
        })
        .prefault({}),
      /** `customer.health_score_updated` fires when the score moves by more than this (or the band changes). */
      eventDelta: z.number().min(0).default(10),
    })
    .prefault({}),
  churn: z
    .object({
      /** A customer with no purchase for this many days counts as churned when training. */
      churnAfterDays: positive.default(180),
      /** Probability at or above `high` is high risk, at or above `medium` medium. */
      bands: z
        .object({ medium: share.default(0.3), high: share.default(0.6) })
        .refine((b) => b.medium <= b.high, { message: 'must not be above high', path: ['medium'] })
        .prefault({}),
      /** The trainer is used only with at least this many churned and this many retained customers. */
      minPerClass: z.number().int().min(1).default(20),
      /** L2 penalty on the coefficients (not the intercept). */
      l2: z.number().min(0).default(1),
    })
    .prefault({}),
  vip: z.object({ rule: vipRuleSchema.default({ kind: 'topPercentClv', percent: 5 }) }).prefault({}),
});
export type AnalyticsSettings = z.infer<typeof analyticsSettingsSchema>;

export const defaultAnalyticsSettings = (): AnalyticsSettings => analyticsSettingsSchema.parse({});
