import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { TASK_QUEUE } from '@c360/domain';
import { tenantSearchAttributes } from '../shared/searchAttributes';
import { SLA_BACKFILL_WORKFLOW, slaBackfillWorkflowId } from '../shared/slaClockContract';

/**
 * Starts the SLA backfill of each tenant (a running clock for every open ticket), unless one is
 * running already. The worker does it at start; running it again only counts running clocks.
 */
export const startSlaBackfills = async (
  client: Client,
  tenantIds: string[],
  taskQueue: string = TASK_QUEUE,
): Promise<{ started: number; alreadyRunning: number }> => {
  const counts = { started: 0, alreadyRunning: 0 };
  for (const tenantId of tenantIds) {
    try {
      await client.workflow.start(SLA_BACKFILL_WORKFLOW, {
        taskQueue,
        workflowId: slaBackfillWorkflowId(tenantId),
        args: [{ tenantId }],
        typedSearchAttributes: tenantSearchAttributes(tenantId, 'sla-backfill'),
      });
      counts.started += 1;
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      counts.alreadyRunning += 1;
    }
  }
  return counts;
};
