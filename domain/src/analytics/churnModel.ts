import { CHURN_FEATURES, type ChurnFeature, type ChurnFeatures } from './churnFeatures';
import { round } from './stats';

/**
 * A logistic churn model: P(churn) = 1 / (1 + e^−(intercept + Σ coefficient × feature)).
 * A positive coefficient means the feature raises the risk; the numbers are meant to be read.
 */
export type ChurnModel = {
  source: 'default' | 'trained';
  intercept: number;
  coefficients: Record<ChurnFeature, number>;
  /** For a trained model: what it learnt from. */
  training?: { churned: number; retained: number; iterations: number; l2: number };
};

/** Hand-set weights used until a tenant has enough churned and retained customers to learn its own. */
export const DEFAULT_CHURN_MODEL: ChurnModel = {
  source: 'default',
  intercept: -3,
  coefficients: {
    monthsSinceLastOrder: 0.45,
    ordersLog: -0.6,
    orderDecline: 1.2,
    openTickets: 0.3,
    slaBreaches: 0.4,
    dissatisfaction: 1.5,
  },
};

export type ChurnBand = 'low' | 'medium' | 'high';
export type ChurnDriver = { feature: ChurnFeature; value: number; coefficient: number; contribution: number };
export type ChurnRisk = {
  probability: number;
  band: ChurnBand;
  /** The features that pushed the risk up most, largest first (contribution in log-odds). */
  drivers: ChurnDriver[];
  modelSource: ChurnModel['source'];
};

export const sigmoid = (z: number): number =>
  z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));

export const churnLogOdds = (model: ChurnModel, features: ChurnFeatures): number =>
  CHURN_FEATURES.reduce((z, f) => z + model.coefficients[f] * features[f], model.intercept);

export const churnBand = (probability: number, bands: { medium: number; high: number }): ChurnBand =>
  probability >= bands.high ? 'high' : probability >= bands.medium ? 'medium' : 'low';

export const predictChurn = (
  model: ChurnModel,
  features: ChurnFeatures,
  bands: { medium: number; high: number },
  topDrivers = 3,
): ChurnRisk => {
  // Band from the stored (rounded) probability, so the two never disagree at a boundary.
  const probability = round(sigmoid(churnLogOdds(model, features)), 4);
  const drivers = CHURN_FEATURES.map((feature) => ({
    feature,
    value: round(features[feature], 4),
    coefficient: model.coefficients[feature],
    contribution: round(model.coefficients[feature] * features[feature], 4),
  }))
    .filter((d) => d.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution || a.feature.localeCompare(b.feature))
    .slice(0, topDrivers);
  return { probability, band: churnBand(probability, bands), drivers, modelSource: model.source };
};
