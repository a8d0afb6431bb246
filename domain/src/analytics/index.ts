/**
 * Analytics calculators: RFM, CLV, health, churn, VIP, satisfaction, service times, engagement,
 * trends, cohorts, funnels, channels, score events, and `computeCustomerScores` that the worker
 * calls. Pure: data and `now` come in as arguments.
 */
export * from './inputs';
export * from './settings';
export { mean, median, quantile } from './stats';
export * from './rfm';
export * from './clv';
export * from './clvTrend';
export * from './satisfaction';
export * from './serviceTimes';
export * from './engagement';
export * from './health';
export * from './churnFeatures';
export * from './churnModel';
export * from './churnTraining';
export * from './vipRule';
export * from './trends';
export * from './cohorts';
export * from './funnel';
export * from './channels';
export * from './scoreEvents';
export * from './customerScores';
export * from './tenantScoringModel';
export * from './scoreSummary';
