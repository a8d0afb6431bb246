import type { CustomerFacts } from './inputs';
import type { HealthFactorName, HealthWeights } from './settings';
import { summariseSurveys } from './satisfaction';
import { clamp, daysBetween, round, sum } from './stats';

/**
 * Health 0-100: a weighted average of six factors, each scaled to 0 (bad) .. 1 (good), times 100.
 * Each factor is returned with its raw measure, its 0-1 value, its weight and the points it
 * contributed, so the UI can say why the score moved.
 */
export const HEALTH_FACTORS: HealthFactorName[] = [
  'recency',
  'engagement',
  'satisfaction',
  'openTickets',
  'slaBreaches',
  'orderTrend',
];

export type HealthBand = 'healthy' | 'neutral' | 'at_risk';

export type HealthFactor = {
  name: HealthFactorName;
  /** The measure behind the value: days, score, count or ratio (null when there is no data). */
  raw: number | null;
  value: number;
  weight: number;
  contribution: number;
};

export type Health = {
  score: number;
  band: HealthBand;
  previousScore: number | null;
  change: number | null;
  factors: HealthFactor[];
};

export type HealthSettings = {
  weights: HealthWeights;
  recencyHorizonDays: number;
  openTicketLimit: number;
  slaBreachLimit: number;
  windowDays: number;
  bands: { healthy: number; atRisk: number };
};

export type HealthFactorValue = { raw: number | null; value: number };

/** When nothing is known, a factor sits in the middle rather than punishing or rewarding. */
const NEUTRAL = 0.5;

const within = (at: Date, now: Date, days: number): boolean => {
  const age = daysBetween(at, now);
  return age >= 0 && age <= days;
};

/** Days since the last purchase or inbound message, as of `now`; null when there was neither. */
export const daysSinceLastActivity = (facts: CustomerFacts, now: Date): number | null => {
  const times = [
    ...facts.deals.flatMap((d) => (d.status === 'won' && d.closedAt ? [d.closedAt.getTime()] : [])),
    ...facts.messages.flatMap((m) => (m.lastInboundAt ? [m.lastInboundAt.getTime()] : [])),
  ].filter((t) => t <= now.getTime());
  return times.length ? Math.floor(daysBetween(new Date(Math.max(...times)), now)) : null;
};

/**
 * Won revenue in the last `windowDays` against the `windowDays` before: 0.5 + 0.5 × (recent −
 * previous) / max(recent, previous), so flat is 0.5, growth up to 1, decline down to 0.
 */
export const orderTrendValue = (facts: CustomerFacts, now: Date, windowDays: number): HealthFactorValue => {
  let recent = 0;
  let previous = 0;
  for (const d of facts.deals) {
    if (d.status !== 'won' || !d.closedAt) continue;
    const age = daysBetween(d.closedAt, now);
    if (age < 0) continue;
    if (age <= windowDays) recent += d.amount;
    else if (age <= 2 * windowDays) previous += d.amount;
  }
  const top = Math.max(recent, previous);
  if (top === 0) return { raw: null, value: NEUTRAL };
  const ratio = (recent - previous) / top;
  return { raw: round(ratio, 4), value: 0.5 + 0.5 * ratio };
};

/** CSAT share and NPS (rescaled to 0-1) averaged; neutral with no answers in the window. */
export const satisfactionValue = (facts: CustomerFacts, now: Date, windowDays: number): HealthFactorValue => {
  const summary = summariseSurveys(facts.surveys.filter((s) => within(s.answeredAt, now, windowDays)));
  const parts = [
    ...(summary.csat === null ? [] : [summary.csat / 100]),
    ...(summary.nps === null ? [] : [(summary.nps + 100) / 200]),
  ];
  if (parts.length === 0) return { raw: null, value: NEUTRAL };
  const value = sum(parts) / parts.length;
  return { raw: round(value * 100, 1), value };
};

/** The six factor values for a customer as of `now`; engagement comes in already computed. */
export const healthFactorValues = (
  facts: CustomerFacts,
  engagementScore: number,
  settings: HealthSettings,
  now: Date,
): Record<HealthFactorName, HealthFactorValue> => {
  const days = daysSinceLastActivity(facts, now);
  const open = facts.tickets.filter((t) => t.status === 'open' || t.status === 'pending').length;
  const breaches = facts.tickets.filter(
    (t) => within(t.createdAt, now, settings.windowDays) && (t.firstResponseBreached || t.resolutionBreached),
  ).length;
  return {
    recency: { raw: days, value: days === null ? 0 : clamp(1 - days / settings.recencyHorizonDays, 0, 1) },
    engagement: { raw: engagementScore, value: clamp(engagementScore / 100, 0, 1) },
    satisfaction: satisfactionValue(facts, now, settings.windowDays),
    openTickets: { raw: open, value: clamp(1 - open / settings.openTicketLimit, 0, 1) },
    slaBreaches: { raw: breaches, value: clamp(1 - breaches / settings.slaBreachLimit, 0, 1) },
    orderTrend: orderTrendValue(facts, now, settings.windowDays),
  };
};

export const healthBand = (score: number, bands: HealthSettings['bands']): HealthBand =>
  score >= bands.healthy ? 'healthy' : score >= bands.atRisk ? 'neutral' : 'at_risk';

/**
 * Combines factor values into the score. Weights are normalised to sum to 1 (all-zero weights
 * count equally), so a factor's contribution is value × its share × 100 points.
 */
export const healthScore = (
  values: Record<HealthFactorName, HealthFactorValue>,
  weights: HealthWeights,
  bands: HealthSettings['bands'],
  previousScore: number | null,
): Health => {
  const total = sum(HEALTH_FACTORS.map((n) => weights[n]));
  const share = (n: HealthFactorName): number => (total > 0 ? weights[n] / total : 1 / HEALTH_FACTORS.length);
  const exact = HEALTH_FACTORS.map((name) => ({
    name,
    ...values[name],
    points: values[name].value * share(name) * 100,
  }));
  const score = Math.round(clamp(sum(exact.map((f) => f.points)), 0, 100));
  return {
    score,
    band: healthBand(score, bands),
    previousScore,
    change: previousScore === null ? null : score - previousScore,
    factors: exact.map((f) => ({
      name: f.name,
      raw: f.raw,
      value: round(f.value, 4),
      weight: round(share(f.name), 4),
      contribution: round(f.points, 1),
    })),
  };
};
