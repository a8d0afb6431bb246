export * from './sendRequest';
export * from './quietHours';
export * from './localDay';
export * from './sendPolicy';
export * from './engagementSettings';
export * from './campaignPlan';
