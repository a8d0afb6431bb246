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
export * from './shared/timelineActivityTypes';
