import { z } from 'zod';
import { CHURN_FEATURES, HEALTH_FACTORS, RFM_SEGMENTS, vipConditionSchema } from '@c360/domain';
import { customerSchema } from '../customers/customerSchemas';
import { marketingPreferencesDoc } from '../customers/preferencesSchemas';

const iso = z.iso.datetime();
const money = z.number().meta({ description: 'in the currency of the orders' });

export const insightCardSchema = z
  .object({
    kind: z.string().meta({ example: 'spend_change' }),
    severity: z.enum(['positive', 'info', 'warning', 'critical']),
    title: z.string().meta({ example: 'Spend down 40% vs previous 90 days' }),
    numbers: z.record(z.string(), z.number()).meta({ description: 'the numbers the sentence was made from' }),
  })
  .meta({ id: 'InsightCard' });

export const slaRiskSchema = z
  .object({
    ticketId: z.uuid(),
    subject: z.string(),
    status: z.string(),
    priority: z.string(),
    badge: z.enum(['breached', 'at_risk', 'ok']),
    deadline: z.enum(['first_response', 'resolution']).nullable(),
    dueAt: iso.nullable(),
    minutesLeft: z.number().int().nullable().meta({ description: 'negative once the deadline has passed' }),
  })
  .meta({
    id: 'SlaRisk',
    description:
      'breached: a breach flag is set or a pending deadline has passed; at_risk: the tenant’s SLA riskThreshold (default 80%) of a pending deadline’s window is used',
  });

const orderSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  amount: money,
  currency: z.string(),
  closedAt: iso,
});

export const ordersSummarySchema = z.object({
  count: z.number().int().meta({ description: 'won deals' }),
  total: money,
  averageOrderValue: money.nullable(),
  currency: z.string().nullable(),
  firstOrderAt: iso.nullable(),
  lastOrderAt: iso.nullable(),
  openDeals: z.number().int(),
  recent: z.array(orderSchema).meta({ description: 'the five most recent won deals' }),
});

const rfmSchema = z.object({
  recencyDays: z.number(),
  frequency: z.number(),
  monetary: z.number(),
  r: z.number().int().min(1).max(5),
  f: z.number().int().min(1).max(5),
  m: z.number().int().min(1).max(5),
  segment: z.enum(RFM_SEGMENTS),
});

const clvSchema = z.object({
  historical: money,
  predicted: money,
  total: money,
  formula: z.string(),
  inputs: z.object({
    orders: z.number().int(),
    averageOrderValue: z.number(),
    observedDays: z.number(),
    purchasesPerYear: z.number(),
    expectedLifetimeYears: z.number(),
  }),
  change: z.object({ previousTotal: money, change: money, changePercent: z.number().nullable() }),
  trend: z
    .array(z.object({ key: z.string(), start: iso, end: iso, historical: money, total: money }))
    .meta({ description: 'CLV at the end of each of the last 12 months (tenant time zone)' }),
});

const healthSchema = z.object({
  score: z.number().int().min(0).max(100),
  band: z.enum(['healthy', 'neutral', 'at_risk']),
  previousScore: z.number().nullable(),
  change: z.number().nullable(),
  factors: z.array(
    z.object({
      name: z.enum(HEALTH_FACTORS as [string, ...string[]]),
      raw: z.number().nullable(),
      value: z.number(),
      weight: z.number(),
      contribution: z.number().meta({ description: 'points of the score this factor gave' }),
    }),
  ),
});

const churnSchema = z.object({
  probability: z.number().min(0).max(1),
  band: z.enum(['low', 'medium', 'high']),
  drivers: z.array(
    z.object({
      feature: z.enum(CHURN_FEATURES),
      value: z.number(),
      coefficient: z.number(),
      contribution: z.number().meta({ description: 'log-odds this feature added' }),
    }),
  ),
  modelSource: z.enum(['default', 'trained']),
});

export const profile360Schema = z
  .object({
    customer: customerSchema,
    orders: ordersSummarySchema,
    scores: z.object({
      source: z.enum(['stored', 'computed']).meta({
        description: 'stored by the scoring worker, or computed for this answer when none are stored yet',
      }),
      computedAt: iso,
    }),
    rfm: rfmSchema.nullable().meta({ description: 'null for a customer who never bought' }),
    clv: clvSchema,
    health: healthSchema,
    vip: z.object({
      isVip: z
        .boolean()
        .meta({ description: 'the tenant’s VIP rule matched, or the customer is flagged VIP' }),
      flagged: z.boolean().meta({ description: 'the customer record’s own VIP flag' }),
      matched: z.array(vipConditionSchema),
    }),
    churn: churnSchema,
    engagement: z.object({
      score: z.number(),
      interactions: z.number(),
      activeChannels: z.array(z.string()),
    }),
    surveys: z.object({
      csat: z.number().nullable(),
      csatAnswers: z.number().int(),
      nps: z.number().nullable(),
      npsAnswers: z.number().int(),
    }),
    insights: z.array(insightCardSchema),
    slaRisks: z
      .array(slaRiskSchema)
      .meta({ description: 'one per open or pending ticket, most urgent first' }),
    latestCall: z
      .object({
        id: z.uuid(),
        direction: z.enum(['inbound', 'outbound']),
        durationSeconds: z.number().int(),
        summary: z.string().nullable(),
        actionItems: z.array(z.string()),
        startedAt: iso,
        ticketId: z.uuid().nullable(),
      })
      .nullable(),
    preferences: marketingPreferencesDoc,
  })
  .meta({ id: 'Customer360' });
export type Profile360View = z.output<typeof profile360Schema>;

export const insightsSchema = z
  .object({ customerId: z.uuid(), generatedAt: iso, cards: z.array(insightCardSchema) })
  .meta({ id: 'CustomerInsights' });
