import type { Client } from '@temporalio/client';
import { TASK_QUEUE, workflowIds } from '@c360/domain';
import { rescoreProgressQuery, type RescoreProgress } from '../shared/rescoreQueries';
import { tenantSearchAttributes } from '../shared/searchAttributes';
import type { rescoreTenant } from '../rescoreTenant';

/** Starts a full rescore of one tenant (the API and the CLI start it this way). */
export const startRescore = async (
  client: Client,
  input: { tenantId: string; requestId: string; batchSize?: number; taskQueue?: string },
): Promise<{ workflowId: string; runId: string }> => {
  const workflowId = workflowIds.rescore(input.tenantId, input.requestId);
  const handle = await client.workflow.start<typeof rescoreTenant>('rescoreTenant', {
    taskQueue: input.taskQueue ?? TASK_QUEUE,
    workflowId,
    args: [{ tenantId: input.tenantId, ...(input.batchSize ? { batchSize: input.batchSize } : {}) }],
    typedSearchAttributes: tenantSearchAttributes(input.tenantId, 'rescore'),
  });
  return { workflowId, runId: handle.firstExecutionRunId };
};

export type RescoreStatus = { workflowId: string; status: string; progress: RescoreProgress | null };

/** Progress of a rescore, only if it belongs to the tenant asking (ids embed the tenant). */
export const getRescoreStatus = async (
  client: Client,
  tenantId: string,
  workflowId: string,
): Promise<RescoreStatus | null> => {
  if (!workflowId.startsWith(workflowIds.rescore(tenantId, ''))) return null;
  const handle = client.workflow.getHandle(workflowId);
  let description;
  try {
    description = await handle.describe();
  } catch (error) {
    if ((error as { name?: string }).name === 'WorkflowNotFoundError') return null;
    throw error;
  }
  let progress: RescoreProgress | null = null;
  if (description.status.name === 'RUNNING') progress = await handle.query(rescoreProgressQuery);
  else if (description.status.name === 'COMPLETED') progress = (await handle.result()) as RescoreProgress;
  return { workflowId, status: description.status.name, progress };
};
