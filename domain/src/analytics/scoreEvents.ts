import type { CustomerScores } from './customerScores';
import type { HealthFactor } from './health';

/**
 * Edge-triggered events from one recompute: they fire on a change of state, never on a state
 * that merely persists, so recomputing unchanged inputs raises nothing.
 */
export type ScoreEvent =
  | {
      type: 'customer.health_score_updated';
      score: number;
      previousScore: number | null;
      band: CustomerScores['health']['band'];
      previousBand: CustomerScores['health']['band'] | null;
      /** Each factor's contribution (points of the score) before and after: what moved the score. */
      factorChanges: HealthFactorChange[];
    }
  | { type: 'customer.vip_detected'; matched: CustomerScores['vip']['matched'] }
  | {
      type: 'customer.churn_risk_high';
      probability: number;
      previousBand: CustomerScores['churn']['band'] | null;
      /** The features that pushed the risk up most (the churn playbook tells the owner). */
      drivers: CustomerScores['churn']['drivers'];
    };

export type HealthFactorChange = {
  name: HealthFactor['name'];
  before: number | null;
  after: number;
  change: number;
};

/** Contribution changes per factor, largest move first; a factor new to the score counts from 0. */
export const healthFactorChanges = (
  before: HealthFactor[] | null,
  after: HealthFactor[],
): HealthFactorChange[] => {
  const previous = new Map((before ?? []).map((f) => [f.name, f.contribution]));
  return after
    .map((f) => {
      const was = previous.get(f.name) ?? null;
      return {
        name: f.name,
        before: was,
        after: f.contribution,
        change: Math.round((f.contribution - (was ?? 0)) * 100) / 100,
      };
    })
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || a.name.localeCompare(b.name));
};

export type ScoreEventThresholds = {
  /** Health must move by more than this many points (or change band) to raise an event. */
  healthDelta: number;
};

export type ScoreSnapshot = Pick<CustomerScores, 'health' | 'vip' | 'churn'>;

/**
 * `previous` null means the customer was never scored: the first score counts as a change, so a
 * customer who is VIP or high-risk on arrival is announced once.
 */
export const scoreEvents = (
  previous: ScoreSnapshot | null,
  next: ScoreSnapshot,
  thresholds: ScoreEventThresholds,
): ScoreEvent[] => {
  const events: ScoreEvent[] = [];
  const before = previous?.health ?? null;
  if (
    !before ||
    before.band !== next.health.band ||
    Math.abs(next.health.score - before.score) > thresholds.healthDelta
  ) {
    events.push({
      type: 'customer.health_score_updated',
      score: next.health.score,
      previousScore: before?.score ?? null,
      band: next.health.band,
      previousBand: before?.band ?? null,
      factorChanges: healthFactorChanges(before?.factors ?? null, next.health.factors),
    });
  }
  if (next.vip.isVip && !previous?.vip.isVip) {
    events.push({ type: 'customer.vip_detected', matched: next.vip.matched });
  }
  if (next.churn.band === 'high' && previous?.churn.band !== 'high') {
    events.push({
      type: 'customer.churn_risk_high',
      probability: next.churn.probability,
      previousBand: previous?.churn.band ?? null,
      drivers: next.churn.drivers,
    });
  }
  return events;
};
