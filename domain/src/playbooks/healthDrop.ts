import type { HealthFactorChange } from '../analytics/scoreEvents';
import type { PlaybookSettings } from './playbookSettings';

export type HealthDropInput = {
  score: number;
  previousScore: number | null;
  factorChanges?: HealthFactorChange[];
};

export type HealthDrop = {
  score: number;
  previousScore: number;
  drop: number;
  /** The factors whose contribution fell or rose by at least the tenant's minimum, largest move first. */
  factors: HealthFactorChange[];
};

/**
 * Whether a `customer.health_score_updated` event is a drop past the tenant's threshold, and
 * which factors moved. A first score (no previous) or a rise is never a drop.
 */
export const healthDrop = (
  event: HealthDropInput,
  params: PlaybookSettings['healthDrop']['params'],
): HealthDrop | null => {
  if (event.previousScore === null) return null;
  const drop = Math.round((event.previousScore - event.score) * 100) / 100;
  if (drop < params.minDrop) return null;
  return {
    score: event.score,
    previousScore: event.previousScore,
    drop,
    factors: (event.factorChanges ?? []).filter((f) => Math.abs(f.change) >= params.factorMinChange),
  };
};

/** One line per moved factor, for the owner's notification: "recency -12.5, engagement -4". */
export const describeFactorChanges = (factors: HealthFactorChange[]): string =>
  factors.length === 0
    ? 'no single factor moved past the threshold'
    : factors.map((f) => `${f.name} ${f.change > 0 ? '+' : ''}${f.change}`).join(', ');
