import { z } from 'zod';

/**
 * The payloads of the events that start or signal playbooks, as their producers write them
 * (store/src/scores/rescoreCustomers.ts, the segment membership tracker, the surveys). A payload
 * that does not parse starts nothing: the routes read them through these schemas.
 */
const instant = z.iso.datetime({ offset: true });

export const healthScoreUpdatedPayloadSchema = z.object({
  customerId: z.string().min(1),
  computedAt: instant,
  score: z.number(),
  previousScore: z.number().nullable(),
  factorChanges: z
    .array(
      z.object({
        name: z.enum(['recency', 'engagement', 'satisfaction', 'openTickets', 'slaBreaches', 'orderTrend']),
        before: z.number().nullable(),
        after: z.number(),
        change: z.number(),
      }),
    )
    .default([]),
});

export const vipDetectedPayloadSchema = z.object({
  customerId: z.string().min(1),
  computedAt: instant,
  matched: z.array(z.record(z.string(), z.unknown())).default([]),
});

export const churnRiskHighPayloadSchema = z.object({
  customerId: z.string().min(1),
  computedAt: instant,
  probability: z.number(),
  drivers: z
    .array(
      z.object({
        feature: z.string(),
        value: z.number(),
        coefficient: z.number(),
        contribution: z.number(),
      }),
    )
    .default([]),
});

export const lowRatingReceivedPayloadSchema = z.object({
  customerId: z.string().min(1),
  ticketId: z.string().min(1),
  surveyResponseId: z.string().min(1),
  score: z.number(),
  kind: z.enum(['csat', 'nps']),
});

export const segmentEnteredPayloadSchema = z.object({
  segmentId: z.string().min(1),
  customerId: z.string().min(1),
  at: instant,
});

export const ticketResolvedPayloadSchema = z.object({
  ticketId: z.string().min(1),
  customerId: z.string().min(1),
  resolvedAt: instant,
});

export const customerChangedPayloadSchema = z.object({
  customerId: z.string().min(1),
  reasons: z.array(z.string()).default([]),
});
