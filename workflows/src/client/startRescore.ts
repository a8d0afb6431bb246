import type { Client } from '@temporalio/client';
import { workflowIds } from '@c360/domain';
import { rescoreProgressQuery, type RescoreProgress } from '../shared/rescoreQueries';
import {
  getTenantRunStatus,
  startTenantRun,
  type TenantRunInput,
  type TenantRunStatus,
} from './tenantWorkflowRuns';

/** Starts a full rescore of one tenant (the API and the CLI start it this way). */
export const startRescore = (
  client: Client,
  input: TenantRunInput,
): Promise<{ workflowId: string; runId: string }> =>
  startTenantRun(
    client,
    {
      workflowType: 'rescoreTenant',
      kind: 'rescore',
      workflowId: workflowIds.rescore(input.tenantId, input.requestId),
    },
    input,
  );

export type RescoreStatus = TenantRunStatus<RescoreProgress>;

/** Progress of a rescore, only if it belongs to the tenant asking (ids embed the tenant). */
export const getRescoreStatus = (
  client: Client,
  tenantId: string,
  workflowId: string,
): Promise<RescoreStatus | null> =>
  getTenantRunStatus(client, {
    tenantIdPrefix: workflowIds.rescore(tenantId, ''),
    workflowId,
    progressQuery: rescoreProgressQuery,
  });
