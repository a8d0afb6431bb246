import type { CustomerScores } from './customerScores';

/**
 * The flat, filterable view of the stored scores: what the search document and segment filters
 * use (`scores.health`, `scores.churnRisk`, ...), while the full object stays for the 360 view.
 */
export type ScoreSummary = {
  rfmSegment: string | null;
  rfmR: number | null;
  rfmF: number | null;
  rfmM: number | null;
  clv: number;
  lifetimeValue: number;
  health: number;
  healthBand: CustomerScores['health']['band'];
  churnRisk: number;
  churnBand: CustomerScores['churn']['band'];
  engagement: number;
  isVip: boolean;
};

export const scoreSummary = (s: CustomerScores): ScoreSummary => ({
  rfmSegment: s.rfm?.segment ?? null,
  rfmR: s.rfm?.r ?? null,
  rfmF: s.rfm?.f ?? null,
  rfmM: s.rfm?.m ?? null,
  clv: s.clv.total,
  lifetimeValue: s.clv.historical,
  health: s.health.score,
  healthBand: s.health.band,
  churnRisk: s.churn.probability,
  churnBand: s.churn.band,
  engagement: s.engagement.score,
  isVip: s.vip.isVip,
});
