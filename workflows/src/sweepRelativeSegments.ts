import { ParentClosePolicy, proxyActivities, startChild, workflowInfo } from '@temporalio/workflow';
import { workflowIds } from '@c360/domain';
import type { SegmentActivities, SegmentSweepResult } from './shared/segmentActivityTypes';
import { tenantSearchAttributes } from './shared/searchAttributes';
import type { recomputeSegment } from './recomputeSegment';

export type SweepRelativeSegmentsInput = {
  /** The instant to sweep to; the workflow's own clock when absent (a scheduled run). */
  now?: string;
};

export type SweepRelativeSegmentsResult = {
  now: string;
  segments: number;
  candidates: number;
  entered: number;
  left: number;
  /** Recomputes started for segments saved while the workflow service could not be reached. */
  recomputesStarted: number;
};

const { listRelativeSegments, sweepSegment, listSegmentsBehind } = proxyActivities<SegmentActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** A segment saved this long ago without a finished recompute is caught up by the sweep. */
const RECOMPUTE_GRACE_MS = 60_000;

/**
 * The relative-time sweep (a Temporal Schedule runs it every few minutes): for each segment
 * whose filter has conditions relative to now ("no purchase in 90 days"), moves its anchor to
 * `now` and re-evaluates only the customers whose dates crossed a boundary since the previous
 * anchor, emitting their segment.entered / segment.left events. It also starts the recompute of
 * any definition whose recompute never started (the API could not reach Temporal when it was saved).
 */
export async function sweepRelativeSegments(
  input: SweepRelativeSegmentsInput = {},
): Promise<SweepRelativeSegmentsResult> {
  const now = input.now ?? new Date(Date.now()).toISOString();
  const segments = await listRelativeSegments();
  const total: SweepRelativeSegmentsResult = {
    now,
    segments: segments.length,
    candidates: 0,
    entered: 0,
    left: 0,
    recomputesStarted: 0,
  };
  for (const segment of segments) {
    const result: SegmentSweepResult = await sweepSegment({ ...segment, now });
    total.candidates += result.candidates;
    total.entered += result.entered;
    total.left += result.left;
  }

  const behind = await listSegmentsBehind({
    savedBefore: new Date(Date.now() - RECOMPUTE_GRACE_MS).toISOString(),
  });
  for (const segment of behind) {
    try {
      await startChild<typeof recomputeSegment>('recomputeSegment', {
        workflowId: workflowIds.segmentRecompute(segment.segmentId, segment.definitionVersion),
        taskQueue: workflowInfo().taskQueue,
        args: [segment],
        parentClosePolicy: ParentClosePolicy.ABANDON,
        typedSearchAttributes: tenantSearchAttributes(segment.tenantId, 'segmentRecompute', {
          segmentId: segment.segmentId,
        }),
      });
      total.recomputesStarted += 1;
    } catch (error) {
      // Already running (or the API's own start won the race): nothing to do.
      if ((error as { name?: unknown }).name !== 'WorkflowExecutionAlreadyStartedError') throw error;
    }
  }
  return total;
}
