import type { Client } from '@temporalio/client';
import type { QueryDefinition } from '@temporalio/common';
import { TASK_QUEUE, type WorkflowKind } from '@c360/domain';
import { tenantSearchAttributes } from '../shared/searchAttributes';

/** Input of a tenant-wide run (reindex, rescore): one per tenant and request id. */
export type TenantRunInput = { tenantId: string; requestId: string; batchSize?: number; taskQueue?: string };

export type TenantRunStatus<P> = { workflowId: string; status: string; progress: P | null };

/**
 * Starts a tenant-wide workflow that takes `{ tenantId, batchSize? }`, with the tenant's search
 * attributes. Client-side code: never part of the workflow bundle.
 */
export const startTenantRun = async (
  client: Client,
  run: { workflowType: string; kind: WorkflowKind; workflowId: string },
  input: TenantRunInput,
): Promise<{ workflowId: string; runId: string }> => {
  const handle = await client.workflow.start(run.workflowType, {
    taskQueue: input.taskQueue ?? TASK_QUEUE,
    workflowId: run.workflowId,
    args: [{ tenantId: input.tenantId, ...(input.batchSize ? { batchSize: input.batchSize } : {}) }],
    typedSearchAttributes: tenantSearchAttributes(input.tenantId, run.kind),
  });
  return { workflowId: run.workflowId, runId: handle.firstExecutionRunId };
};

/**
 * Status of a tenant-wide run, only if its id starts with the tenant's prefix (ids embed the
 * tenant): progress by query while it runs, its result once completed, null when there is no such run.
 */
export const getTenantRunStatus = async <P>(
  client: Client,
  run: { tenantIdPrefix: string; workflowId: string; progressQuery: QueryDefinition<P> },
): Promise<TenantRunStatus<P> | null> => {
  const { workflowId } = run;
  if (!workflowId.startsWith(run.tenantIdPrefix)) return null;
  const handle = client.workflow.getHandle(workflowId);
  let description;
  try {
    description = await handle.describe();
  } catch (error) {
    if ((error as { name?: string }).name === 'WorkflowNotFoundError') return null;
    throw error;
  }
  let progress: P | null = null;
  if (description.status.name === 'RUNNING') progress = await handle.query(run.progressQuery);
  else if (description.status.name === 'COMPLETED') progress = (await handle.result()) as P;
  return { workflowId, status: description.status.name, progress };
};
