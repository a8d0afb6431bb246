import type { Client } from '@temporalio/client';
import { workflowIds } from '@c360/domain';
import { reindexProgressQuery, type ReindexProgress } from '../shared/queries';
import {
  getTenantRunStatus,
  startTenantRun,
  type TenantRunInput,
  type TenantRunStatus,
} from './tenantWorkflowRuns';

/**
 * Starts a full reindex of one tenant. Client-side code: it lives beside the workflow so the
 * API and the CLI start it the same way, and it is never part of the workflow bundle.
 */
export const startReindex = (
  client: Client,
  input: TenantRunInput,
): Promise<{ workflowId: string; runId: string }> =>
  startTenantRun(
    client,
    {
      workflowType: 'reindexTenant',
      kind: 'reindex',
      workflowId: workflowIds.reindex(input.tenantId, input.requestId),
    },
    input,
  );

export type ReindexStatus = TenantRunStatus<ReindexProgress>;

/** Progress of a reindex, only if it belongs to the tenant asking (ids embed the tenant). */
export const getReindexStatus = (
  client: Client,
  tenantId: string,
  workflowId: string,
): Promise<ReindexStatus | null> =>
  getTenantRunStatus(client, {
    tenantIdPrefix: workflowIds.reindex(tenantId, ''),
    workflowId,
    progressQuery: reindexProgressQuery,
  });
