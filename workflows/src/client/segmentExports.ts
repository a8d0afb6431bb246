import type { Client, ScheduleDescription } from '@temporalio/client';
import { TASK_QUEUE, workflowIds } from '@c360/domain';
import type { exportReport } from '../exportReport';
import type { ExportSegmentInput } from '../shared/exportActivityTypes';
import type { ExportReportInput } from '../shared/reportActivityTypes';
import { tenantSearchAttributes } from '../shared/searchAttributes';

/**
 * Client-side helpers for report exports (a segment's members being one template): one run now,
 * or a Temporal Schedule of runs. They live beside the workflow so the API and tests start it
 * the same way; never in the bundle.
 */

const attributesOf = (input: Pick<ExportReportInput, 'tenantId' | 'template' | 'params'>) => {
  const segmentId = typeof input.params['segmentId'] === 'string' ? input.params['segmentId'] : undefined;
  return tenantSearchAttributes(
    input.tenantId,
    input.template === 'segment_members' ? 'segment-export' : 'report-export',
    segmentId ? { segmentId } : {},
  );
};

/** A report run now, as `report-export-<tenant>-<requestId>` (or the id given). */
export const startReportExport = async (
  client: Client,
  input: ExportReportInput & { requestId: string; workflowId?: string; taskQueue?: string },
): Promise<{ workflowId: string }> => {
  const { requestId, taskQueue, workflowId: given, ...args } = input;
  const workflowId = given ?? workflowIds.reportExport(input.tenantId, requestId);
  await client.workflow.start<typeof exportReport>('exportReport', {
    taskQueue: taskQueue ?? TASK_QUEUE,
    workflowId,
    args: [args],
    typedSearchAttributes: attributesOf(args),
  });
  return { workflowId };
};

/** A segment export too large for a request: the `segment_members` report in one format. */
export const startSegmentExport = async (
  client: Client,
  input: ExportSegmentInput & { requestId: string; taskQueue?: string },
): Promise<{ workflowId: string }> =>
  startReportExport(client, {
    requestId: input.requestId,
    workflowId: workflowIds.segmentExport(input.tenantId, input.requestId),
    tenantId: input.tenantId,
    template: 'segment_members',
    params: { segmentId: input.segmentId, ...(input.columns.length > 0 ? { columns: input.columns } : {}) },
    formats: [input.format],
    requestedByUserId: input.requestedByUserId ?? null,
    ...(input.taskQueue ? { taskQueue: input.taskQueue } : {}),
  });

export type ExportScheduleSpec = {
  tenantId: string;
  scheduleId: string;
  template: ExportReportInput['template'];
  params: Record<string, unknown>;
  formats: ExportReportInput['formats'];
  ownerUserId: string | null;
  /** Five-field cron, read in `timeZone`. */
  cron: string;
  timeZone: string;
  overlap: 'SKIP' | 'BUFFER_ONE' | 'BUFFER_ALL' | 'CANCEL_OTHER' | 'TERMINATE_OTHER' | 'ALLOW_ALL';
  catchupWindowSeconds: number;
  paused?: boolean;
  note?: string;
  taskQueue?: string;
};

/**
 * Creates the Temporal Schedule of a report (or segment export) schedule. Its id carries the
 * tenant and the schedule, and the schedule and each run carry TenantId, WorkflowKind (and
 * SegmentId for a segment), so ops find, pause and resume them in Temporal UI.
 */
export const createExportSchedule = async (client: Client, spec: ExportScheduleSpec): Promise<string> => {
  const id = workflowIds.exportSchedule(spec.tenantId, spec.scheduleId);
  const run: ExportReportInput = {
    tenantId: spec.tenantId,
    template: spec.template,
    params: spec.params,
    formats: spec.formats,
    requestedByUserId: spec.ownerUserId,
    scheduleId: spec.scheduleId,
  };
  const attributes = attributesOf(run);
  await client.schedule.create({
    scheduleId: id,
    spec: { cronExpressions: [spec.cron], timezone: spec.timeZone },
    action: {
      type: 'startWorkflow',
      workflowType: 'exportReport',
      taskQueue: spec.taskQueue ?? TASK_QUEUE,
      workflowId: id,
      args: [run],
      typedSearchAttributes: attributes,
    },
    policies: { overlap: spec.overlap, catchupWindow: spec.catchupWindowSeconds * 1000 },
    state: { paused: spec.paused ?? false, ...(spec.note ? { note: spec.note } : {}) },
    typedSearchAttributes: attributes,
  });
  return id;
};

const handleOf = (client: Client, tenantId: string, scheduleId: string) =>
  client.schedule.getHandle(workflowIds.exportSchedule(tenantId, scheduleId));

export const pauseExportSchedule = (client: Client, tenantId: string, scheduleId: string, note: string) =>
  handleOf(client, tenantId, scheduleId).pause(note);

export const resumeExportSchedule = (client: Client, tenantId: string, scheduleId: string, note: string) =>
  handleOf(client, tenantId, scheduleId).unpause(note);

export const triggerExportSchedule = (client: Client, tenantId: string, scheduleId: string) =>
  handleOf(client, tenantId, scheduleId).trigger();

/**
 * Runs the ticks of [start, end) that the schedule missed (Temporal's backfill), under the
 * schedule's overlap policy: what catch-up does by itself after an outage shorter than the
 * catch-up window, asked for by hand for an older one.
 */
export const backfillExportSchedule = (
  client: Client,
  tenantId: string,
  scheduleId: string,
  range: { start: Date; end: Date },
) => handleOf(client, tenantId, scheduleId).backfill({ start: range.start, end: range.end });

/** Deleting a schedule that Temporal no longer has is done already. */
export const deleteExportSchedule = async (
  client: Client,
  tenantId: string,
  scheduleId: string,
): Promise<void> => {
  try {
    await handleOf(client, tenantId, scheduleId).delete();
  } catch (error) {
    if ((error as { name?: string }).name !== 'ScheduleNotFoundError') throw error;
  }
};

export type ExportScheduleState = { paused: boolean; nextRunAt: string | null; recentRuns: number };

/** What Temporal says about the schedule now; `null` when it has no such schedule. */
export const describeExportSchedule = async (
  client: Client,
  tenantId: string,
  scheduleId: string,
): Promise<ExportScheduleState | null> => {
  let d: ScheduleDescription;
  try {
    d = await handleOf(client, tenantId, scheduleId).describe();
  } catch (error) {
    if ((error as { name?: string }).name === 'ScheduleNotFoundError') return null;
    throw error;
  }
  return {
    paused: d.state.paused,
    nextRunAt: d.info.nextActionTimes[0]?.toISOString() ?? null,
    recentRuns: d.info.recentActions.length,
  };
};
