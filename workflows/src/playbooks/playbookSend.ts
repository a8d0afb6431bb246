import { executeChild } from '@temporalio/workflow';
import { sendWorkflowId, type PlaybookContent, type SendOutcome, type SendRequest } from '@c360/domain';
import { sendMessageWorkflow } from '../send/sendMessageWorkflow';
import { sendSearchAttributes } from '../send/sendSearchAttributes';

export type PlaybookSendInput = {
  tenantId: string;
  customerId: string;
  /** The playbook run's business id (`playbookSourceId`): with the step, the send's identity. */
  playbookRunId: string;
  step: 'welcome' | 'winback';
  channel: SendRequest['channel'];
  content: PlaybookContent;
};

export type PlaybookSendOutcome = SendOutcome;

/**
 * The send's source id, from the playbook's input (the business event: playbook, customer,
 * segment when one started it, event time), never from the workflow's own id: a history replayed
 * or a workflow reset under another id must still ask for the same send.
 */
export const playbookSourceId = (
  playbook: 'vip' | 'churnWinback',
  input: {
    tenantId: string;
    customerId: string;
    occurredAt: string;
    reason: { kind: string; segmentId?: string };
  },
): string =>
  `${playbook}:${input.customerId}:${input.reason.kind === 'segment' ? `segment:${input.reason.segmentId}:` : ''}${new Date(input.occurredAt).getTime()}`;

/** The send path's request for a playbook step: source = the playbook run. */
export const playbookSendRequest = (input: PlaybookSendInput): SendRequest => ({
  tenantId: input.tenantId,
  customerId: input.customerId,
  source: { kind: 'playbook', id: input.playbookRunId },
  step: input.step,
  channel: input.channel,
  content: input.content,
  // Welcome and win-back messages are marketing: they need the customer's opt-in on the channel.
  purpose: 'marketing',
});

/**
 * Sends through the one outbound path (`sendMessageWorkflow`) as a child, and waits for its
 * outcome: consent, quiet hours, caps and the WhatsApp window are the send path's to apply. The
 * child's id (`sendWorkflowId`) is also the message's idempotency key, so a replayed playbook
 * never sends twice.
 */
export const sendThroughSendPath = (input: PlaybookSendInput): Promise<SendOutcome> => {
  const req = playbookSendRequest(input);
  return executeChild(sendMessageWorkflow, {
    workflowId: sendWorkflowId(req),
    args: [req],
    typedSearchAttributes: sendSearchAttributes(req),
  });
};
