import {
  ApplicationFailure,
  continueAsNew,
  ParentClosePolicy,
  proxyActivities,
  startChild,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import {
  slaClockWorkflowId,
  type SlaBackfillActivities,
  type SlaBackfillInput,
  type SlaBackfillResult,
  type SlaClockInput,
} from './shared/slaClockContract';
import { tenantSearchAttributes } from './shared/searchAttributes';
import { slaClockWorkflow } from './slaClockWorkflow';

const { listOpenSlaTickets } = proxyActivities<SlaBackfillActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const PAGE = 100;
/** Pages per run before continuing as new: keeps the history small (a few events per ticket). */
const PAGES_PER_RUN = 5;

/**
 * Starts the SLA clock of every open ticket of a tenant that has none (tickets opened before the
 * clocks existed, or whose start was lost). Each clock starts under its own id
 * (`sla:<tenant>:<ticket>`), so a clock already running is left alone and counted; the clocks
 * outlive the backfill (parent close policy: abandon).
 */
export async function backfillSlaClocks(input: SlaBackfillInput): Promise<SlaBackfillResult> {
  if (!input?.tenantId)
    throw ApplicationFailure.nonRetryable('backfillSlaClocks needs a tenantId', 'InvalidInput');
  const { tenantId } = input;
  let started = input.started ?? 0;
  let alreadyRunning = input.alreadyRunning ?? 0;
  let after = input.afterTicketId ?? null;
  for (let pages = 0; pages < PAGES_PER_RUN; pages += 1) {
    const tickets = await listOpenSlaTickets({ tenantId, afterTicketId: after, limit: PAGE });
    for (const t of tickets) {
      const clock: SlaClockInput = {
        tenantId,
        ticketId: t.ticketId,
        customerId: t.customerId,
        openedAt: t.openedAt,
        cycle: t.cycle,
      };
      try {
        await startChild(slaClockWorkflow, {
          workflowId: slaClockWorkflowId(tenantId, t.ticketId),
          args: [clock],
          parentClosePolicy: ParentClosePolicy.ABANDON,
          typedSearchAttributes: tenantSearchAttributes(tenantId, 'sla', { customerId: t.customerId }),
        });
        started += 1;
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        alreadyRunning += 1;
      }
    }
    if (tickets.length < PAGE) return { started, alreadyRunning };
    after = tickets[tickets.length - 1]!.ticketId;
  }
  return continueAsNew<typeof backfillSlaClocks>({ tenantId, afterTicketId: after, started, alreadyRunning });
}
