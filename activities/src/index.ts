/**
 * @c360/activities: every side effect the workflows need, the outbox relay, and the worker
 * process (src/worker/main.ts) that hosts them.
 */
export * from './search/createSearchIndexActivities';
export * from './outbox/createOutboxRelay';
export * from './scores/createScoreActivities';
export * from './scores/rescoreChangedCustomers';
export * from './scores/scoreInputs';
export * from './worker/createActivities';
export * from './worker/workerConfigSpec';
export * from './segments/createSegmentMembershipTracker';
export * from './segments/createSegmentActivities';
export * from './exports/createExportActivities';
export * from './exports/createReportActivities';
export * from './exports/exportMailer';
export * from './channels/channelError';
export * from './channels/graphClient';
export * from './channels/withRetries';
export type { ChannelDeps, SmtpSettings } from './channels/channelContext';
export type { ChannelAssets } from './channels/channelAssets';
export * from './channels/createChannelActivities';
export * from './segments/createSegmentEvaluatorTracker';
export * from './notifications/createNotificationActivities';
export * from './notifications/notificationMailer';
export * from './dispatch';
export * from './timeline/createTimelineActivities';
export { createSendActivities, type SendActivityDeps } from './engagement/createSendActivities';
export * from './sla/createSlaActivities';
export * from './surveys/createSurveyActivities';
// Issue 6, default playbooks.
export * from './playbooks/createPlaybookActivities';
export * from './campaigns/createCampaignActivities';
export * from './smtp/smtpTransport';
// The data-subject request steps, for tests that run them as the worker would.
export { createDsrActivities, type DsrDeps } from './privacy/createDsrActivities';
