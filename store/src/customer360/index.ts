export * from './journeyStages';
export * from './journeyQuery';
export * from './profileFacts';
export * from './customerScoreFacts';
export * from './tenantScoringModel';
