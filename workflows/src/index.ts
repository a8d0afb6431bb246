/**
 * @c360/workflows: the deterministic workflow code, plus what crosses process boundaries with
 * it: activity contracts, queries, signals and search attribute keys. Clients import types and
 * constants from here; the worker bundles `workflowsPath`.
 */
export * from './shared/searchAttributes';
export * from './shared/activityTypes';
export * from './shared/channelActivityTypes';
export * from './shared/queries';
export * from './shared/segmentActivityTypes';
export * from './shared/segmentQueries';
export type { ReindexTenantInput } from './reindexTenant';
export type { reindexTenant } from './reindexTenant';
export type { recomputeSegment, RecomputeSegmentInput } from './recomputeSegment';
export type {
  sweepRelativeSegments,
  SweepRelativeSegmentsInput,
  SweepRelativeSegmentsResult,
} from './sweepRelativeSegments';
export type { reconcileSegments, ReconcileSegmentsInput } from './reconcileSegments';

/** The entry the worker's bundler loads: sources under jest and tsx, compiled JS otherwise. */
export const workflowsPath: string = require.resolve('./all');
export * from './client/startReindex';
export * from './shared/scoreActivityTypes';
export * from './shared/rescoreQueries';
export type { RescoreTenantInput, rescoreTenant } from './rescoreTenant';
export * from './client/startRescore';
export * from './client/segmentWorkflows';
export * from './shared/exportActivityTypes';
export type { exportSegment, ExportSegmentResult } from './exportSegment';
export * from './client/segmentExports';
export * from './shared/reportActivityTypes';
export type { exportReport, ExportReportResult } from './exportReport';
export * from './shared/notificationActivityTypes';
export * from './shared/timelineActivityTypes';
export type { sendNotificationDigests, SendNotificationDigestsInput } from './sendNotificationDigests';
export * from './client/notificationDigestSchedule';
export * from './shared/sendActivityTypes';
export * from './send/sendSignals';
export * from './send/sendSearchAttributes';
export { sendMessageWorkflow } from './send/sendMessageWorkflow';
export * from './client/sendClient';
// SLA clocks (issue 6): one clock workflow per ticket opening.
export * from './shared/slaClockContract';
export type { slaClockWorkflow } from './slaClockWorkflow';
export * from './shared/surveyActivityTypes';
export * from './survey/surveySignals';
export type { surveyWorkflow, SurveyResult } from './survey/surveyWorkflow';
// Issue 6, default playbooks: inputs, activity contracts and signals.
export * from './shared/playbookActivityTypes';
export * from './shared/playbookCollaboratorTypes';
export * from './shared/playbookSignals';
export type * from './playbooks/healthDropPlaybook';
export type * from './playbooks/vipPlaybook';
export type * from './playbooks/lowCsatPlaybook';
export type * from './playbooks/churnWinbackPlaybook';
export type * from './playbooks/segmentEnteredPlaybook';
export type { PlaybookSendOutcome } from './playbooks/playbookSend';
export * from './shared/campaignActivityTypes';
export * from './campaign/campaignSignals';
export type { campaignWorkflow, CampaignWorkflowInput } from './campaign/campaignWorkflow';
export * from './send/toChannelCall';
export * from './client/campaigns';
// Retention purge and data-subject requests (issue 7).
export * from './shared/privacyActivityTypes';
export * from './shared/privacyQueries';
export type { purgeRetention, PurgeRetentionInput } from './purgeRetention';
export type { exportCustomerData } from './exportCustomerData';
export type { eraseCustomerData, EraseCustomerResult } from './eraseCustomerData';
export * from './client/privacyWorkflows';
