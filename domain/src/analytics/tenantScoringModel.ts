import type { ChurnSample } from './churnTraining';
import { trainChurnModel } from './churnTraining';
import type { TenantScoringModel } from './customerScores';
import { rfmThresholds, type RfmValues } from './rfm';
import type { AnalyticsSettings } from './settings';
import { vipThresholds } from './vipRule';

/**
 * The tenant-wide part of scoring, from the tenant's populations: the RFM values of customers who
 * bought (see `rfmValues`), every customer's total CLV (see `computeClv`), and churn training
 * samples (see `churnTrainingSamples`). The worker gathers these however it likes (SQL, batches).
 */
export type TenantPopulation = { rfmValues: RfmValues[]; clvTotals: number[]; churnSamples: ChurnSample[] };

export const buildTenantScoringModel = (
  settings: AnalyticsSettings,
  population: TenantPopulation,
): TenantScoringModel => ({
  settings,
  rfmThresholds: rfmThresholds(population.rfmValues),
  vipThresholds: vipThresholds(settings.vip.rule, population.clvTotals),
  churnModel: trainChurnModel(population.churnSamples, {
    minPerClass: settings.churn.minPerClass,
    l2: settings.churn.l2,
  }),
});
