import { ApplicationFailure, condition, setHandler, workflowInfo } from '@temporalio/workflow';
import type { PlaybookSettings } from '@c360/domain';
import { followUpResolvedSignal } from '../shared/playbookSignals';
import { playbookSteps } from './playbookSteps';

export type LowCsatPlaybookInput = {
  tenantId: string;
  customerId: string;
  /** The ticket the customer rated. */
  ticketId: string;
  surveyResponseId: string;
  score: number;
  kind: 'csat' | 'nps';
  /** When the rating was received (the event's time). */
  occurredAt: string;
  params: PlaybookSettings['lowCsat']['params'];
};

export type LowCsatPlaybookResult = {
  followUpTicketId: string;
  outcome: 'resolved' | 'escalated';
};

const HOUR_MS = 3_600_000;

/**
 * `csat.low_rating_received`: opens a follow-up ticket at high priority for the team lead, tells
 * them, then waits for the ticket's resolution (signalled from `ticket.resolved`). If the tenant's
 * time passes first, the ticket is raised to urgent and the managers are told.
 */
export async function lowCsatPlaybook(input: LowCsatPlaybookInput): Promise<LowCsatPlaybookResult> {
  if (!input.tenantId || !input.customerId || !input.ticketId)
    throw ApplicationFailure.nonRetryable(
      'lowCsatPlaybook needs a tenant, a customer and a ticket',
      'InvalidInput',
    );
  const runId = workflowInfo().workflowId;
  const { tenantId, customerId, params } = input;

  let resolved = false;
  let followUpTicketId: string | null = null;
  setHandler(followUpResolvedSignal, ({ ticketId }) => {
    // A resolution of another ticket (a route bug, a manual signal) must not end the wait.
    if (followUpTicketId === null || ticketId === followUpTicketId) resolved = true;
  });

  const ticket = await playbookSteps.openFollowUpTicket({
    tenantId,
    customerId,
    key: `${runId}:followup`,
    workflowId: runId,
    sourceTicketId: input.ticketId,
    score: input.score,
    kind: input.kind,
    priority: params.priority,
    teamLeadUserId: params.teamLeadUserId,
  });
  followUpTicketId = ticket.ticketId;
  const link = `/tickets/${ticket.ticketId}`;
  await playbookSteps.notify({
    tenantId,
    category: 'survey',
    audience: ticket.assigneeId ? { userIds: [ticket.assigneeId] } : { roles: ['manager'] },
    title: `Low ${input.kind.toUpperCase()} score (${input.score}): follow-up ticket opened`,
    body: `Resolve it within ${params.resolveWithinHours} h or it is escalated.`,
    link,
    dedupeKey: `${runId}:followup`,
  });
  await playbookSteps.recordTimelineEvent({
    tenantId,
    customerId,
    kind: 'playbook_step',
    title: `Follow-up ticket opened after a low ${input.kind.toUpperCase()} score (${input.score})`,
    data: {
      playbook: 'lowCsat',
      step: 'followup_opened',
      ticketId: ticket.ticketId,
      ratedTicketId: input.ticketId,
    },
    occurredAt: input.occurredAt,
    dedupeKey: `${runId}:followup`,
  });

  await condition(() => resolved, params.resolveWithinHours * HOUR_MS);
  // A signal can be missed (the ticket resolved while the route was down): ask the database once.
  if (!resolved) resolved = await playbookSteps.ticketResolved({ tenantId, ticketId: ticket.ticketId });
  // Escalating refuses a ticket resolved in the meantime, which then counts as resolved.
  if (!resolved) resolved = !(await playbookSteps.escalateTicket({ tenantId, ticketId: ticket.ticketId }));
  if (resolved) {
    await playbookSteps.recordTimelineEvent({
      tenantId,
      customerId,
      kind: 'playbook_step',
      title: 'Low-score follow-up resolved',
      data: { playbook: 'lowCsat', step: 'followup_resolved', ticketId: ticket.ticketId },
      occurredAt: new Date(Date.now()).toISOString(),
      dedupeKey: `${runId}:resolved`,
    });
    return { followUpTicketId: ticket.ticketId, outcome: 'resolved' };
  }

  await playbookSteps.notify({
    tenantId,
    category: 'survey',
    audience: { roles: ['manager'], ...(ticket.assigneeId ? { userIds: [ticket.assigneeId] } : {}) },
    title: `Escalated: low-score follow-up not resolved within ${params.resolveWithinHours} h`,
    link,
    dedupeKey: `${runId}:escalated`,
  });
  await playbookSteps.recordTimelineEvent({
    tenantId,
    customerId,
    kind: 'playbook_step',
    title: `Low-score follow-up escalated after ${params.resolveWithinHours} h`,
    data: { playbook: 'lowCsat', step: 'followup_escalated', ticketId: ticket.ticketId },
    occurredAt: new Date(Date.now()).toISOString(),
    dedupeKey: `${runId}:escalated`,
  });
  return { followUpTicketId: ticket.ticketId, outcome: 'escalated' };
}
