import type { DealFact } from './inputs';
import { daysBetween, quantile, sum } from './stats';

/**
 * RFM: recency (days since the last won deal, whenever it was), frequency (won deals in the
 * window) and monetary value (their total), scored 1-5 against the tenant's quintiles.
 */
export type RfmValues = { recencyDays: number; frequency: number; monetary: number };

/** Four cut points (20th, 40th, 60th, 80th percentiles) for each of R, F and M. */
export type RfmThresholds = { recency: number[]; frequency: number[]; monetary: number[] };

export type RfmScores = { r: number; f: number; m: number };

export const RFM_SEGMENTS = [
  'Champions',
  'Loyal',
  'Potential loyalist',
  'New',
  'Promising',
  'Needs attention',
  'About to sleep',
  'At risk',
  "Can't lose",
  'Hibernating',
  'Lost',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

export type Rfm = RfmValues & RfmScores & { segment: RfmSegment };

const wonDates = (deals: DealFact[]): { at: Date; amount: number }[] =>
  deals.flatMap((d) => (d.status === 'won' && d.closedAt ? [{ at: d.closedAt, amount: d.amount }] : []));

/** The customer's R, F and M as of `now`; null when the customer never won a deal. */
export const rfmValues = (deals: DealFact[], windowDays: number, now: Date): RfmValues | null => {
  const won = wonDates(deals).filter((d) => d.at.getTime() <= now.getTime());
  if (won.length === 0) return null;
  const last = Math.max(...won.map((d) => d.at.getTime()));
  const inWindow = won.filter((d) => daysBetween(d.at, now) <= windowDays);
  return {
    recencyDays: Math.floor(daysBetween(new Date(last), now)),
    frequency: inWindow.length,
    monetary: sum(inWindow.map((d) => d.amount)),
  };
};

const QUINTILES = [0.2, 0.4, 0.6, 0.8];
const cuts = (values: number[]): number[] => QUINTILES.map((q) => quantile(values, q) ?? 0);

/** The tenant's quintile cut points, from the RFM values of its customers who bought. */
export const rfmThresholds = (population: RfmValues[]): RfmThresholds => ({
  recency: cuts(population.map((v) => v.recencyDays)),
  frequency: cuts(population.map((v) => v.frequency)),
  monetary: cuts(population.map((v) => v.monetary)),
});

/** Higher is better: 1 + the number of cut points the value is strictly above. */
const scoreHigherBetter = (value: number, cutPoints: number[]): number =>
  1 + cutPoints.filter((c) => value > c).length;

/** Lower is better (recency): 1 + the number of cut points the value is at or below. */
const scoreLowerBetter = (value: number, cutPoints: number[]): number =>
  1 + cutPoints.filter((c) => value <= c).length;

export const scoreRfm = (values: RfmValues, thresholds: RfmThresholds): RfmScores => ({
  r: scoreLowerBetter(values.recencyDays, thresholds.recency),
  f: scoreHigherBetter(values.frequency, thresholds.frequency),
  m: scoreHigherBetter(values.monetary, thresholds.monetary),
});

/**
 * Segment from R and FM = round((F + M) / 2), halves rounded up. The grid (rows R, columns FM):
 *
 *        FM=1            2                  3                  4           5
 *  R=5   New             Potential loyalist Potential loyalist Champions   Champions
 *  R=4   Promising       Potential loyalist Potential loyalist Loyal       Loyal
 *  R=3   About to sleep  About to sleep     Needs attention    Loyal       Loyal
 *  R=2   Hibernating     Hibernating        At risk            At risk     Can't lose
 *  R=1   Lost            Hibernating        At risk            At risk     Can't lose
 */
const GRID: Record<number, RfmSegment[]> = {
  5: ['New', 'Potential loyalist', 'Potential loyalist', 'Champions', 'Champions'],
  4: ['Promising', 'Potential loyalist', 'Potential loyalist', 'Loyal', 'Loyal'],
  3: ['About to sleep', 'About to sleep', 'Needs attention', 'Loyal', 'Loyal'],
  2: ['Hibernating', 'Hibernating', 'At risk', 'At risk', "Can't lose"],
  1: ['Lost', 'Hibernating', 'At risk', 'At risk', "Can't lose"],
};

export const rfmSegment = ({ r, f, m }: RfmScores): RfmSegment => {
  const fm = Math.floor((f + m) / 2 + 0.5);
  return GRID[r]?.[fm - 1] ?? 'Lost';
};

/** Values, scores and segment in one go; null when the customer never bought. */
export const computeRfm = (
  deals: DealFact[],
  thresholds: RfmThresholds,
  windowDays: number,
  now: Date,
): Rfm | null => {
  const values = rfmValues(deals, windowDays, now);
  if (!values) return null;
  const scores = scoreRfm(values, thresholds);
  return { ...values, ...scores, segment: rfmSegment(scores) };
};
