import { ApplicationFailure, workflowInfo } from '@temporalio/workflow';
import type { PlaybookSettings } from '@c360/domain';
import { playbookSteps } from './playbookSteps';
import { playbookSourceId, sendThroughSendPath, type PlaybookSendOutcome } from './playbookSend';

export type PlaybookReason =
  | { kind: 'event'; detail: Record<string, unknown> }
  | { kind: 'segment'; segmentId: string };

export type VipPlaybookInput = {
  tenantId: string;
  customerId: string;
  /** When the customer was detected as VIP (or entered the attached segment). */
  occurredAt: string;
  reason: PlaybookReason;
  params: PlaybookSettings['vip']['params'];
};

export type VipPlaybookResult = {
  tagged: boolean;
  notified: number;
  raisedTickets: string[];
  welcome: PlaybookSendOutcome;
};

/**
 * `customer.vip_detected`: tags the customer, tells the owner and the managers, raises the
 * priority of the customer's open tickets, sends the VIP welcome through the send path, and
 * records it all on the customer's timeline.
 */
export async function vipPlaybook(input: VipPlaybookInput): Promise<VipPlaybookResult> {
  if (!input.tenantId || !input.customerId)
    throw ApplicationFailure.nonRetryable('vipPlaybook needs a tenant and a customer', 'InvalidInput');
  const runId = workflowInfo().workflowId;
  const { tenantId, customerId, params } = input;

  const { added } = await playbookSteps.tagCustomer({ tenantId, customerId, tag: params.tag });
  const { notified } = await playbookSteps.notify({
    tenantId,
    category: 'vip',
    audience: { ownerOfCustomerId: customerId, roles: ['manager'] },
    title: 'A customer became VIP',
    body: `Tagged ${params.tag}; their open tickets are now ${params.ticketPriority} priority.`,
    link: `/customers/${customerId}`,
    dedupeKey: runId,
  });
  const { raised } = await playbookSteps.raiseOpenTicketPriority({
    tenantId,
    customerId,
    priority: params.ticketPriority,
  });
  const welcome = await sendThroughSendPath({
    tenantId,
    customerId,
    playbookRunId: playbookSourceId('vip', input),
    step: 'welcome',
    channel: params.welcome.channel,
    content: params.welcome.content,
  });
  await playbookSteps.recordTimelineEvent({
    tenantId,
    customerId,
    kind: 'vip_detected',
    title: 'Became VIP',
    data: { reason: input.reason, tag: params.tag, raisedTickets: raised, welcome },
    occurredAt: input.occurredAt,
    dedupeKey: runId,
  });
  return { tagged: added, notified, raisedTickets: raised, welcome };
}
