import { ApplicationFailure, ParentClosePolicy, startChild, workflowInfo } from '@temporalio/workflow';
import {
  instantKey,
  playbookKind,
  playbookWorkflowId,
  sendWorkflowId,
  type PlaybookContent,
  type PlaybookSettings,
  type ReentryRule,
  type SendRequest,
} from '@c360/domain';
import { sendMessageWorkflow } from '../send/sendMessageWorkflow';
import { sendSearchAttributes } from '../send/sendSearchAttributes';
import { tenantSearchAttributes } from '../shared/searchAttributes';
import { churnWinbackPlaybook } from './churnWinbackPlaybook';
import { playbookSteps } from './playbookSteps';
import { vipPlaybook } from './vipPlaybook';

/**
 * What the segment starts on entry: the attached playbook with its parameters as they were at the
 * entry, or the attached entry message, sent through the send path.
 */
export type SegmentPlaybookStart =
  | { playbook: 'vip'; params: PlaybookSettings['vip']['params'] }
  | { playbook: 'churnWinback'; params: PlaybookSettings['churnWinback']['params'] }
  | { message: SegmentEntryMessage };

export type SegmentEntryMessage = {
  channel: SendRequest['channel'];
  content: PlaybookContent;
  purpose: SendRequest['purpose'];
};

export type SegmentEnteredPlaybookInput = {
  tenantId: string;
  segmentId: string;
  customerId: string;
  /** When the customer entered (the event's `at`). */
  enteredAt: string;
  reentry: ReentryRule;
  start: SegmentPlaybookStart;
};

export type SegmentEnteredPlaybookResult =
  | { started: true; workflowId: string }
  | { started: false; lastStartedAt: string | null };

/**
 * `segment.entered`: starts the playbook attached to the segment, once per entry, when the
 * re-entry rule allows it (never again, or again after N days). The claim is recorded in the
 * database first, so the rule holds beyond Temporal's retention of closed workflows. The
 * playbook runs as an abandoned child: this workflow ends once it has started, and the playbook
 * keeps its own id, derived from the entry, and its own search attributes.
 *
 * An attached message is sent as an abandoned `sendMessageWorkflow` child whose id is the send's
 * idempotency key, built from the entry (segment, customer, instant): consent, quiet hours, caps
 * and the WhatsApp window are the send path's to apply.
 */
export async function segmentEnteredPlaybook(
  input: SegmentEnteredPlaybookInput,
): Promise<SegmentEnteredPlaybookResult> {
  if (!input.tenantId || !input.segmentId || !input.customerId)
    throw ApplicationFailure.nonRetryable(
      'segmentEnteredPlaybook needs a tenant, a segment and a customer',
      'InvalidInput',
    );
  const { tenantId, segmentId, customerId } = input;
  const claim = await playbookSteps.claimSegmentEntry({
    tenantId,
    customerId,
    segmentId,
    at: input.enteredAt,
    runKey: workflowInfo().workflowId,
    reentry: input.reentry,
  });
  if (!claim.claimed) return { started: false, lastStartedAt: claim.lastStartedAt };

  if ('message' in input.start) {
    const req: SendRequest = {
      tenantId,
      customerId,
      source: { kind: 'campaign', id: `segment:${segmentId}:${instantKey(input.enteredAt)}` },
      step: 'entry',
      channel: input.start.message.channel,
      content: input.start.message.content,
      purpose: input.start.message.purpose,
    };
    const sendId = sendWorkflowId(req);
    await startChild(sendMessageWorkflow, {
      workflowId: sendId,
      args: [req],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      typedSearchAttributes: sendSearchAttributes(req, { segmentId }),
    });
    return { started: true, workflowId: sendId };
  }

  const workflowId = playbookWorkflowId(
    input.start.playbook,
    tenantId,
    customerId,
    `segment:${segmentId}:${instantKey(input.enteredAt)}`,
  );
  const options = {
    workflowId,
    parentClosePolicy: ParentClosePolicy.ABANDON,
    typedSearchAttributes: tenantSearchAttributes(tenantId, playbookKind(input.start.playbook), {
      customerId,
      segmentId,
    }),
  };
  const reason = { kind: 'segment' as const, segmentId };
  if (input.start.playbook === 'vip') {
    await startChild(vipPlaybook, {
      ...options,
      args: [{ tenantId, customerId, occurredAt: input.enteredAt, reason, params: input.start.params }],
    });
  } else {
    await startChild(churnWinbackPlaybook, {
      ...options,
      args: [
        {
          tenantId,
          customerId,
          occurredAt: input.enteredAt,
          reason,
          drivers: [],
          probability: null,
          params: input.start.params,
        },
      ],
    });
  }
  return { started: true, workflowId };
}
