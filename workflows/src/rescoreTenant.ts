import { ApplicationFailure, continueAsNew, proxyActivities, setHandler } from '@temporalio/workflow';
import type { ScoreActivities } from './shared/scoreActivityTypes';
import { rescoreProgressQuery, type RescoreProgress } from './shared/rescoreQueries';

export type RescoreTenantInput = {
  tenantId: string;
  batchSize?: number;
  /** Set by the workflow itself when it continues as new. */
  carried?: { progress: RescoreProgress; afterId: string | null };
};

// The model reads the whole tenant: it heartbeats per page, so a dead worker is noticed in a minute.
const { beginTenantRescore } = proxyActivities<ScoreActivities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
const { rescoreCustomerBatch } = proxyActivities<ScoreActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Batches per run before continuing as new, so the history stays small on any tenant size. */
const BATCHES_PER_RUN = 200;

/**
 * Rescores a whole tenant: first the tenant-level inputs (RFM quintiles, the VIP rule's CLV
 * cut-offs, the churn model trained on the tenant's history), then every customer a page at a
 * time in id order. A batch stores only the scores that changed and raises only their events,
 * so running it again on unchanged data writes nothing. Safe alongside the outbox relay: both
 * lock the customer rows they rescore.
 */
export async function rescoreTenant(input: RescoreTenantInput): Promise<RescoreProgress> {
  if (!input.tenantId)
    throw ApplicationFailure.nonRetryable('rescoreTenant needs a tenantId', 'InvalidInput');
  const batchSize = Math.min(Math.max(input.batchSize ?? 500, 1), 5_000);
  const progress: RescoreProgress = input.carried?.progress ?? {
    tenantId: input.tenantId,
    phase: 'starting',
    total: 0,
    scored: 0,
    changed: 0,
    events: 0,
    startedAt: null,
    churnModelSource: null,
  };
  setHandler(rescoreProgressQuery, () => progress);

  if (progress.startedAt === null) {
    progress.phase = 'model';
    const started = await beginTenantRescore({ tenantId: input.tenantId });
    progress.total = started.total;
    progress.startedAt = started.startedAt;
    progress.churnModelSource = started.churnModelSource;
    progress.phase = 'scoring';
  }

  let afterId = input.carried?.afterId ?? null;
  for (let batches = 0; ; batches += 1) {
    if (batches === BATCHES_PER_RUN) {
      await continueAsNew<typeof rescoreTenant>({ ...input, carried: { progress, afterId } });
    }
    const result = await rescoreCustomerBatch({ tenantId: input.tenantId, afterId, limit: batchSize });
    progress.scored += result.scored;
    progress.changed += result.changed;
    progress.events += result.events;
    if (result.lastId === null) break;
    afterId = result.lastId;
  }
  progress.phase = 'done';
  return progress;
}
