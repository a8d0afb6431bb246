export * from './analyticsFilter';
export * from './overviewFacts';
export * from './trendFacts';
export * from './cohortFacts';
export * from './funnelFacts';
export * from './channelFacts';
