export { createRetentionActivities, type RetentionDeps } from './createRetentionActivities';
export { createDsrActivities, type DsrDeps } from './createDsrActivities';
