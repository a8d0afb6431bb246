import { ApplicationFailure, continueAsNew, proxyActivities, setHandler } from '@temporalio/workflow';
import type { SegmentActivities } from './shared/segmentActivityTypes';
import { segmentRecomputeProgressQuery, type SegmentRecomputeProgress } from './shared/segmentQueries';

export type RecomputeSegmentInput = {
  tenantId: string;
  segmentId: string;
  definitionVersion: number;
  pageSize?: number;
  /** Set by the workflow itself when it continues as new. */
  carried?: { progress: SegmentRecomputeProgress; after: string | null };
};

const { beginSegmentWalk, walkSegmentPage, finishSegmentRecompute } = proxyActivities<SegmentActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Pages per run before continuing as new, so the history stays small on any segment size. */
const PAGES_PER_RUN = 200;

/**
 * Recomputes a segment's membership after its definition changed (or it was created): walks the
 * customers matching the new filter in id order (search_after), and for each page makes the
 * stored membership of that id range equal to the matches, emitting segment.entered / left for
 * the difference. A newer definition version supersedes the run: it stops, the newer run does
 * the work. Its id comes from the segment and the version, so a version recomputes once.
 */
export async function recomputeSegment(input: RecomputeSegmentInput): Promise<SegmentRecomputeProgress> {
  if (!input.tenantId || !input.segmentId || !(input.definitionVersion >= 1))
    throw ApplicationFailure.nonRetryable(
      'recomputeSegment needs tenantId, segmentId, definitionVersion',
      'InvalidInput',
    );
  const pageSize = Math.min(Math.max(input.pageSize ?? 500, 1), 5_000);
  const progress: SegmentRecomputeProgress = input.carried?.progress ?? {
    tenantId: input.tenantId,
    segmentId: input.segmentId,
    definitionVersion: input.definitionVersion,
    phase: 'starting',
    total: 0,
    matched: 0,
    entered: 0,
    left: 0,
    pages: 0,
  };
  setHandler(segmentRecomputeProgressQuery, () => progress);
  const ref = { tenantId: input.tenantId, segmentId: input.segmentId };

  if (progress.phase === 'starting') {
    const started = await beginSegmentWalk({ ...ref, definitionVersion: input.definitionVersion });
    if (started.state !== 'ready') {
      progress.phase = 'superseded';
      return progress;
    }
    progress.total = started.total;
    progress.phase = 'walking';
  }

  let after = input.carried?.after ?? null;
  for (let pages = 0; ; pages += 1) {
    if (pages === PAGES_PER_RUN) {
      await continueAsNew<typeof recomputeSegment>({ ...input, carried: { progress, after } });
    }
    const page = await walkSegmentPage({
      ...ref,
      definitionVersion: input.definitionVersion,
      after,
      pageSize,
      at: new Date(Date.now()).toISOString(),
    });
    if (page.state !== 'ok') {
      progress.phase = 'superseded';
      return progress;
    }
    progress.pages += 1;
    progress.matched += page.matched;
    progress.entered += page.entered;
    progress.left += page.left;
    if (page.done) break;
    after = page.lastId;
  }

  await finishSegmentRecompute({ ...ref, definitionVersion: input.definitionVersion });
  progress.phase = 'done';
  return progress;
}
