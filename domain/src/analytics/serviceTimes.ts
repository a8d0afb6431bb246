import type { TicketFact } from './inputs';
import { quantile, round } from './stats';

export type Durations = { count: number; median: number | null; p90: number | null };

/** Count, median and 90th percentile of durations, in minutes. */
export const summariseDurations = (minutes: number[]): Durations => {
  const m = quantile(minutes, 0.5);
  const p = quantile(minutes, 0.9);
  return {
    count: minutes.length,
    median: m === null ? null : round(m, 1),
    p90: p === null ? null : round(p, 1),
  };
};

const minutesBetween = (from: Date, to: Date): number => (to.getTime() - from.getTime()) / 60_000;

/** Minutes from opening to first response, for the tickets that got one. */
export const firstResponseMinutes = (tickets: TicketFact[]): number[] =>
  tickets.flatMap((t) => (t.firstRespondedAt ? [minutesBetween(t.createdAt, t.firstRespondedAt)] : []));

/** Minutes from opening to resolution, for the tickets that were resolved. */
export const resolutionMinutes = (tickets: TicketFact[]): number[] =>
  tickets.flatMap((t) => (t.resolvedAt ? [minutesBetween(t.createdAt, t.resolvedAt)] : []));

export type ServiceTimes = { firstResponse: Durations; resolution: Durations };

export const serviceTimes = (tickets: TicketFact[]): ServiceTimes => ({
  firstResponse: summariseDurations(firstResponseMinutes(tickets)),
  resolution: summariseDurations(resolutionMinutes(tickets)),
});
