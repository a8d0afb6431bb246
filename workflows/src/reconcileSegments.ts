import { continueAsNew, proxyActivities, setHandler } from '@temporalio/workflow';
import type { SegmentActivities, SegmentRef, SegmentWalkPageResult } from './shared/segmentActivityTypes';
import { segmentReconcileProgressQuery, type SegmentReconcileProgress } from './shared/segmentQueries';

export type ReconcileSegmentsInput = {
  pageSize?: number;
  /** Set by the workflow itself when it continues as new. */
  carried?: { segments: SegmentRef[]; progress: SegmentReconcileProgress };
};

const { listAllSegments, beginSegmentWalk, walkSegmentPage, reportSegmentReconciliation } =
  proxyActivities<SegmentActivities>({
    startToCloseTimeout: '5 minutes',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
  });

const SEGMENTS_PER_RUN = 100;

/**
 * The nightly reconciliation (a Temporal Schedule): for every segment, compares the stored
 * membership with a fresh query in id-ordered pages and repairs any drift (missed events,
 * a failed recompute, a percolator outage), emitting the events of the repair and reporting
 * each repaired segment (log and audit row).
 */
export async function reconcileSegments(
  input: ReconcileSegmentsInput = {},
): Promise<SegmentReconcileProgress> {
  const pageSize = Math.min(Math.max(input.pageSize ?? 1_000, 1), 5_000);
  const segments = input.carried?.segments ?? (await listAllSegments());
  const progress: SegmentReconcileProgress = input.carried?.progress ?? {
    segments: segments.length,
    done: 0,
    repaired: [],
  };
  setHandler(segmentReconcileProgressQuery, () => progress);

  for (let handled = 0; progress.done < segments.length; handled += 1) {
    if (handled === SEGMENTS_PER_RUN)
      await continueAsNew<typeof reconcileSegments>({ ...input, carried: { segments, progress } });
    const ref = segments[progress.done]!;
    const started = await beginSegmentWalk({ ...ref, definitionVersion: null });
    if (started.state === 'ready') {
      let after: string | null = null;
      const sum = { matched: 0, entered: 0, left: 0 };
      const at = new Date(Date.now()).toISOString();
      for (;;) {
        const page: SegmentWalkPageResult = await walkSegmentPage({
          ...ref,
          definitionVersion: started.definitionVersion,
          after,
          pageSize,
          at,
        });
        if (page.state !== 'ok') break;
        sum.matched += page.matched;
        sum.entered += page.entered;
        sum.left += page.left;
        if (page.done) break;
        after = page.lastId;
      }
      if (sum.entered + sum.left > 0) {
        progress.repaired.push({ ...ref, entered: sum.entered, left: sum.left });
        await reportSegmentReconciliation({ ...ref, ...sum, at });
      }
    }
    progress.done += 1;
  }
  return progress;
}
