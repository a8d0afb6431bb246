import { ApplicationFailure, continueAsNew, proxyActivities, setHandler } from '@temporalio/workflow';
import type { SearchIndexActivities } from './shared/activityTypes';
import { reindexProgressQuery, type ReindexProgress } from './shared/queries';

export type ReindexTenantInput = {
  tenantId: string;
  batchSize?: number;
  /** Set by the workflow itself when it continues as new. */
  carried?: { progress: ReindexProgress; afterId: string | null };
};

const { beginTenantReindex, reindexCustomerBatch, finishTenantReindex } =
  proxyActivities<SearchIndexActivities>({
    startToCloseTimeout: '2 minutes',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
  });

/** Batches per run before continuing as new, so the history stays small on any tenant size. */
const BATCHES_PER_RUN = 200;

/**
 * Rebuilds a tenant's part of the customers index from PostgreSQL: pages through the tenant's
 * customers in id order, indexes each page, then removes documents the run did not touch
 * (customers deleted meanwhile). Safe alongside the outbox relay: documents carry versions.
 */
export async function reindexTenant(input: ReindexTenantInput): Promise<ReindexProgress> {
  if (!input.tenantId)
    throw ApplicationFailure.nonRetryable('reindexTenant needs a tenantId', 'InvalidInput');
  const batchSize = Math.min(Math.max(input.batchSize ?? 500, 1), 5_000);
  const progress: ReindexProgress = input.carried?.progress ?? {
    tenantId: input.tenantId,
    phase: 'starting',
    total: 0,
    indexed: 0,
    stale: 0,
    removed: 0,
    startedAt: null,
  };
  setHandler(reindexProgressQuery, () => progress);

  if (progress.startedAt === null) {
    const started = await beginTenantReindex({ tenantId: input.tenantId });
    progress.total = started.total;
    progress.startedAt = started.startedAt;
    progress.phase = 'indexing';
  }
  const startedAt = progress.startedAt;

  let afterId = input.carried?.afterId ?? null;
  for (let batches = 0; ; batches += 1) {
    if (batches === BATCHES_PER_RUN) {
      await continueAsNew<typeof reindexTenant>({ ...input, carried: { progress, afterId } });
    }
    const result = await reindexCustomerBatch({
      tenantId: input.tenantId,
      afterId,
      limit: batchSize,
      startedAt,
    });
    progress.indexed += result.indexed;
    progress.stale += result.stale;
    if (result.lastId === null) break;
    afterId = result.lastId;
  }

  progress.phase = 'cleaning';
  const finished = await finishTenantReindex({ tenantId: input.tenantId, startedAt });
  progress.removed = finished.removed;
  progress.phase = 'done';
  return progress;
}
