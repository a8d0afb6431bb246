import type { Client } from '@temporalio/client';
import { TASK_QUEUE, workflowIds } from '@c360/domain';
import { reindexProgressQuery, type ReindexProgress } from '../shared/queries';
import { tenantSearchAttributes } from '../shared/searchAttributes';
import type { reindexTenant } from '../reindexTenant';

/**
 * Starts a full reindex of one tenant. Client-side code: it lives beside the workflow so the
 * API and the CLI start it the same way, and it is never part of the workflow bundle.
 */
export const startReindex = async (
  client: Client,
  input: { tenantId: string; requestId: string; batchSize?: number; taskQueue?: string },
): Promise<{ workflowId: string; runId: string }> => {
  const workflowId = workflowIds.reindex(input.tenantId, input.requestId);
  const handle = await client.workflow.start<typeof reindexTenant>('reindexTenant', {
    taskQueue: input.taskQueue ?? TASK_QUEUE,
    workflowId,
    args: [{ tenantId: input.tenantId, ...(input.batchSize ? { batchSize: input.batchSize } : {}) }],
    typedSearchAttributes: tenantSearchAttributes(input.tenantId, 'reindex'),
  });
  return { workflowId, runId: handle.firstExecutionRunId };
};

export type ReindexStatus = { workflowId: string; status: string; progress: ReindexProgress | null };

/** Progress of a reindex, only if it belongs to the tenant asking (ids embed the tenant). */
export const getReindexStatus = async (
  client: Client,
  tenantId: string,
  workflowId: string,
): Promise<ReindexStatus | null> => {
  if (!workflowId.startsWith(workflowIds.reindex(tenantId, ''))) return null;
  const handle = client.workflow.getHandle(workflowId);
  let description;
  try {
    description = await handle.describe();
  } catch (error) {
    if ((error as { name?: string }).name === 'WorkflowNotFoundError') return null;
    throw error;
  }
  let progress: ReindexProgress | null = null;
  if (description.status.name === 'RUNNING') progress = await handle.query(reindexProgressQuery);
  else if (description.status.name === 'COMPLETED') progress = (await handle.result()) as ReindexProgress;
  return { workflowId, status: description.status.name, progress };
};
