export * from './storedScores';
export * from './analyticsSettings';
export * from './loadCustomerFacts';
export * from './tenantScoreModel';
export * from './scoresChanged';
export * from './rescoreCustomers';
