/** Every workflow the worker registers. This file is the workflow bundle's entry point. */
export { reindexTenant } from './reindexTenant';
export { rescoreTenant } from './rescoreTenant';
export { recomputeSegment } from './recomputeSegment';
export { sweepRelativeSegments } from './sweepRelativeSegments';
export { reconcileSegments } from './reconcileSegments';
export { exportSegment } from './exportSegment';
export { exportReport } from './exportReport';
export { sendNotificationDigests } from './sendNotificationDigests';
export { sendMessageWorkflow } from './send/sendMessageWorkflow';
export { slaClockWorkflow } from './slaClockWorkflow';
export { surveyWorkflow } from './survey/surveyWorkflow';
// Issue 6, default playbooks.
export * from './playbooks';
export { campaignWorkflow } from './campaign/campaignWorkflow';
export { purgeRetention } from './purgeRetention';
export { exportCustomerData } from './exportCustomerData';
export { eraseCustomerData } from './eraseCustomerData';
