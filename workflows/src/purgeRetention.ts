import {
  continueAsNew,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { PrivacyActivities, PurgeTarget } from './shared/privacyActivityTypes';
import { TenantIdKey, WorkflowKindKey } from './shared/searchAttributes';
import { retentionProgressQuery, type RetentionProgress } from './shared/privacyQueries';

export type PurgeRetentionInput = {
  batchSize?: number;
  /** ISO instant ages are measured from; the run's start when absent (the Schedule's runs). */
  asOf?: string;
  /** Batches before continuing as new (tests make it small). */
  batchesPerRun?: number;
  /** Set by the workflow itself when it continues as new. */
  carried?: {
    progress: RetentionProgress;
    /** The tenant being purged, and how far: the rule index and the counts of this tenant so far. */
    tenant: { tenantId: string; ruleIndex: number; counts: Partial<Record<PurgeTarget, number>> } | null;
    afterTenantId: string | null;
  };
};

const { nextRetentionTenant, purgeRetentionBatch, recordRetentionReport } =
  proxyActivities<PrivacyActivities>({
    startToCloseTimeout: '5 minutes',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
  });

/** Batches per run before continuing as new, so the history stays small on any data size. */
const BATCHES_PER_RUN = 100;

/**
 * The nightly retention purge (started by the `retention-purge` Schedule): walks the tenants
 * with a policy in id order and applies each rule in batches (message bodies redacted, call
 * transcripts erased, closed tickets deleted; the audit log is never touched), then writes
 * the tenant's report to its audit log. Ages are measured from the first run's start, carried
 * through continue-as-new, so a long purge applies one cut-off throughout.
 */
export async function purgeRetention(input: PurgeRetentionInput = {}): Promise<RetentionProgress> {
  const batchSize = Math.min(Math.max(input.batchSize ?? 500, 1), 5_000);
  const progress: RetentionProgress = input.carried?.progress ?? {
    asOf: input.asOf ?? new Date(workflowInfo().runStartTime.getTime()).toISOString(),
    phase: 'purging',
    tenantsDone: 0,
    currentTenantId: null,
    counts: { messages: 0, calls: 0, tickets: 0, exports: 0 },
    batches: 0,
  };
  setHandler(retentionProgressQuery, () => progress);

  let afterTenantId = input.carried?.afterTenantId ?? null;
  let resumed = input.carried?.tenant ?? null;
  let batches = 0;
  const tagged = workflowInfo().typedSearchAttributes.get(WorkflowKindKey) !== undefined;
  for (;;) {
    // A resumed tenant re-reads its rules: a rule turned off meanwhile is honoured.
    const tenant = resumed
      ? await nextRetentionTenant({ afterTenantId: null, tenantId: resumed.tenantId })
      : await nextRetentionTenant({ afterTenantId });
    if (!tenant) {
      if (resumed) {
        afterTenantId = resumed.tenantId;
        resumed = null;
        continue;
      }
      break;
    }
    const { tenantId, rules } = tenant;
    progress.currentTenantId = tenantId;
    // Temporal UI shows the tenant being purged. Only on runs started with WorkflowKind (the
    // Schedule's): a namespace without the custom attributes (the time-skipping server) refuses them.
    if (tagged) upsertSearchAttributes([{ key: TenantIdKey, value: tenantId }]);
    const counts = resumed?.counts ?? {};
    for (let ruleIndex = resumed?.ruleIndex ?? 0; ruleIndex < rules.length; ruleIndex += 1) {
      const rule = rules[ruleIndex]!;
      for (;;) {
        if (batches === (input.batchesPerRun ?? BATCHES_PER_RUN)) {
          await continueAsNew<typeof purgeRetention>({
            ...input,
            carried: { progress, tenant: { tenantId, ruleIndex, counts }, afterTenantId },
          });
        }
        const result = await purgeRetentionBatch({
          tenantId,
          target: rule.target,
          days: rule.days,
          asOf: progress.asOf,
          limit: batchSize,
        });
        batches += 1;
        progress.batches += 1;
        counts[rule.target] = (counts[rule.target] ?? 0) + result.affected;
        progress.counts[rule.target] += result.affected;
        if (result.affected < batchSize) break;
      }
    }
    await recordRetentionReport({
      tenantId,
      asOf: progress.asOf,
      workflowId: workflowInfo().workflowId,
      counts,
    });
    progress.tenantsDone += 1;
    afterTenantId = tenantId;
    resumed = null;
  }
  progress.currentTenantId = null;
  progress.phase = 'done';
  return progress;
}
