export * from './journeyStages';
export * from './journeyQuery';
export * from './profileFacts';
