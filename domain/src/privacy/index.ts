export * from './retentionPolicies';
export * from './dsr';
