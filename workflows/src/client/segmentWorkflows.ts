import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { TASK_QUEUE, workflowIds } from '@c360/domain';
import { tenantSearchAttributes, WorkflowKindKey } from '../shared/searchAttributes';
import type { recomputeSegment } from '../recomputeSegment';

const isAlreadyStarted = (error: unknown): boolean =>
  (error as { name?: unknown }).name === 'WorkflowExecutionAlreadyStartedError';

/**
 * Starts the recompute of a segment's membership for one definition version. The workflow id
 * comes from the segment and the version: a second start for the same version (a retried
 * request, the sweep catching up) finds the first and starts nothing.
 */
export const startSegmentRecompute = async (
  client: Client,
  input: {
    tenantId: string;
    segmentId: string;
    definitionVersion: number;
    taskQueue?: string;
    pageSize?: number;
  },
): Promise<{ workflowId: string; started: boolean }> => {
  const workflowId = workflowIds.segmentRecompute(input.segmentId, input.definitionVersion);
  try {
    await client.workflow.start<typeof recomputeSegment>('recomputeSegment', {
      taskQueue: input.taskQueue ?? TASK_QUEUE,
      workflowId,
      args: [
        {
          tenantId: input.tenantId,
          segmentId: input.segmentId,
          definitionVersion: input.definitionVersion,
          ...(input.pageSize ? { pageSize: input.pageSize } : {}),
        },
      ],
      typedSearchAttributes: tenantSearchAttributes(input.tenantId, 'segmentRecompute', {
        segmentId: input.segmentId,
      }),
    });
    return { workflowId, started: true };
  } catch (error) {
    if (isAlreadyStarted(error)) return { workflowId, started: false };
    throw error;
  }
};

export type SegmentScheduleOptions = {
  /** Distinguishes environments sharing a namespace (tests); empty in a deployment. */
  idPrefix?: string;
  taskQueue?: string;
  /** How often the relative-time sweep runs (Temporal duration string). */
  sweepEvery?: string;
  /** When the reconciliation runs (cron, UTC). */
  reconcileCron?: string;
};

export const segmentScheduleIds = (idPrefix = '') => ({
  sweep: `${idPrefix}segment-relative-sweep`,
  reconcile: `${idPrefix}segment-reconcile`,
});

/**
 * Creates the two segment Schedules (visible and pausable in Temporal UI) if they do not exist:
 * the relative-time sweep (every 5 minutes by default) and the nightly reconciliation. Safe to
 * call at every worker start; an existing schedule is left as the operator set it.
 */
export const ensureSegmentSchedules = async (
  client: Client,
  options: SegmentScheduleOptions = {},
): Promise<{ sweep: string; reconcile: string; created: string[] }> => {
  const ids = segmentScheduleIds(options.idPrefix);
  const taskQueue = options.taskQueue ?? TASK_QUEUE;
  const created: string[] = [];
  const create = async (run: () => Promise<unknown>, id: string) => {
    try {
      await run();
      created.push(id);
    } catch (error) {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    }
  };
  await create(
    () =>
      client.schedule.create({
        scheduleId: ids.sweep,
        spec: { intervals: [{ every: options.sweepEvery ?? '5m' }] },
        policies: { overlap: ScheduleOverlapPolicy.SKIP },
        action: {
          type: 'startWorkflow',
          workflowType: 'sweepRelativeSegments',
          workflowId: ids.sweep,
          taskQueue,
          args: [{}],
          typedSearchAttributes: [{ key: WorkflowKindKey, value: 'segmentSweep' }],
        },
      }),
    ids.sweep,
  );
  await create(
    () =>
      client.schedule.create({
        scheduleId: ids.reconcile,
        spec: { cronExpressions: [options.reconcileCron ?? '30 3 * * *'] },
        policies: { overlap: ScheduleOverlapPolicy.SKIP },
        action: {
          type: 'startWorkflow',
          workflowType: 'reconcileSegments',
          workflowId: ids.reconcile,
          taskQueue,
          args: [{}],
          typedSearchAttributes: [{ key: WorkflowKindKey, value: 'segmentReconcile' }],
        },
      }),
    ids.reconcile,
  );
  return { ...ids, created };
};
