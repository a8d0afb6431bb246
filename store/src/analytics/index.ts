export * from './analyticsFilter';
export * from './overviewFacts';
export * from './trendFacts';
export * from './cohortFacts';
export * from './funnelFacts';
export * from './channelFacts';
// The reports the analytics API answers and scheduled report exports render (issue 7).
export * from './overviewReport';
export * from './trendsReport';
export * from './tenantAnalyticsContext';
export * from './surveyResponsesReport';
