import { churnFeatures } from './churnFeatures';
import { predictChurn, type ChurnModel, type ChurnRisk } from './churnModel';
import { clvChange, computeClv, type Clv, type ClvChange } from './clv';
import { engagementScore, type Engagement } from './engagement';
import { healthFactorValues, healthScore, type Health } from './health';
import type { CustomerFacts } from './inputs';
import { computeRfm, type Rfm, type RfmThresholds } from './rfm';
import { summariseSurveys, type SurveySummary } from './satisfaction';
import type { AnalyticsSettings } from './settings';
import { daysBetween } from './stats';
import { evaluateVip, type VipCondition, type VipThresholds } from './vipRule';

/**
 * What the worker stores in `Customer.scores` (JSON) after a recompute: every score with the
 * numbers behind it. `version` lets a later shape coexist with stored ones.
 */
export type CustomerScores = {
  version: 1;
  computedAt: string;
  rfm: Rfm | null;
  clv: Clv & { change: ClvChange };
  health: Health;
  churn: ChurnRisk;
  vip: { isVip: boolean; matched: VipCondition[] };
  engagement: Engagement;
  surveys: SurveySummary;
};

/** The tenant-wide part: settings plus what was derived from the whole customer population. */
export type TenantScoringModel = {
  settings: AnalyticsSettings;
  rfmThresholds: RfmThresholds;
  vipThresholds: VipThresholds;
  churnModel: ChurnModel;
};

export type CustomerScoreInputs = CustomerFacts & { previous: CustomerScores | null };

/** Drops what is dated after `now`, so a late-arriving clock skew cannot leak the future into a score. */
const factsAsOf = (facts: CustomerFacts, now: Date): CustomerFacts => {
  const t = now.getTime();
  return {
    ...facts,
    deals: facts.deals.filter((d) => !d.closedAt || d.closedAt.getTime() <= t),
    tickets: facts.tickets.filter((x) => x.createdAt.getTime() <= t),
    surveys: facts.surveys.filter((x) => x.answeredAt.getTime() <= t),
  };
};

/** Recomputes every score of one customer as of `now`. Pure: same inputs, same scores. */
export const computeCustomerScores = (
  given: CustomerScoreInputs,
  tenant: TenantScoringModel,
  now: Date,
): CustomerScores => {
  const { settings } = tenant;
  const inputs = { ...factsAsOf(given, now), previous: given.previous };
  const engagementSurveys = inputs.surveys.filter((s) => {
    const age = daysBetween(s.answeredAt, now);
    return age >= 0 && age <= settings.engagement.windowDays;
  }).length;
  const engagement = engagementScore(inputs.messages, engagementSurveys, settings.engagement);
  const clv = computeClv(inputs.deals, settings.clv, now);
  const health = healthScore(
    healthFactorValues(inputs, engagement.score, settings.health, now),
    settings.health.weights,
    settings.health.bands,
    inputs.previous?.health.score ?? null,
  );
  const vip = evaluateVip(
    settings.vip.rule,
    { tags: inputs.tags, lifetimeValue: clv.historical, clv: clv.total },
    tenant.vipThresholds,
  );
  return {
    version: 1,
    computedAt: now.toISOString(),
    rfm: computeRfm(inputs.deals, tenant.rfmThresholds, settings.rfm.windowDays, now),
    clv: { ...clv, change: clvChange(inputs.deals, settings.clv, settings.clv.trendDays, now) },
    health,
    churn: predictChurn(tenant.churnModel, churnFeatures(inputs, now), settings.churn.bands),
    vip,
    engagement,
    surveys: summariseSurveys(inputs.surveys),
  };
};
