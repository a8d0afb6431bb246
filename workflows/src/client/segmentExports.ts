import type { Client, ScheduleDescription } from '@temporalio/client';
import { TASK_QUEUE, workflowIds } from '@c360/domain';
import type { exportSegment } from '../exportSegment';
import type { ExportSegmentInput } from '../shared/exportActivityTypes';
import { tenantSearchAttributes } from '../shared/searchAttributes';

/**
 * Client-side helpers for segment exports: one run now, or a Temporal Schedule of runs. They
 * live beside the workflow so the API and tests start it the same way; never in the bundle.
 */
export const startSegmentExport = async (
  client: Client,
  input: ExportSegmentInput & { requestId: string; taskQueue?: string },
): Promise<{ workflowId: string }> => {
  const { requestId, taskQueue, ...args } = input;
  const workflowId = workflowIds.segmentExport(input.tenantId, requestId);
  await client.workflow.start<typeof exportSegment>('exportSegment', {
    taskQueue: taskQueue ?? TASK_QUEUE,
    workflowId,
    args: [args],
    typedSearchAttributes: tenantSearchAttributes(input.tenantId, 'segment-export', {
      segmentId: input.segmentId,
    }),
  });
  return { workflowId };
};

export type ExportScheduleSpec = {
  tenantId: string;
  scheduleId: string;
  segmentId: string;
  format: ExportSegmentInput['format'];
  columns: string[];
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
 * Creates the Temporal Schedule of an export schedule. Its id carries the tenant and the
 * schedule, and the schedule and each run carry TenantId, SegmentId and WorkflowKind, so ops
 * find, pause and resume them in Temporal UI.
 */
export const createExportSchedule = async (client: Client, spec: ExportScheduleSpec): Promise<string> => {
  const id = workflowIds.exportSchedule(spec.tenantId, spec.scheduleId);
  const attributes = tenantSearchAttributes(spec.tenantId, 'segment-export', { segmentId: spec.segmentId });
  await client.schedule.create({
    scheduleId: id,
    spec: { cronExpressions: [spec.cron], timezone: spec.timeZone },
    action: {
      type: 'startWorkflow',
      workflowType: 'exportSegment',
      taskQueue: spec.taskQueue ?? TASK_QUEUE,
      workflowId: id,
      args: [
        {
          tenantId: spec.tenantId,
          segmentId: spec.segmentId,
          format: spec.format,
          columns: spec.columns,
          requestedByUserId: spec.ownerUserId,
          scheduleId: spec.scheduleId,
        } satisfies ExportSegmentInput,
      ],
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
