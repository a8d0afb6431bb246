import {
  ApplicationFailure,
  condition,
  proxyActivities,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { sendWorkflowId, type SendOutcome } from '@c360/domain';
import { tenantSearchAttributes } from '../shared/searchAttributes';
import type {
  SurveyActivities,
  SurveyChannelName,
  SurveySend,
  SurveyWorkflowInput,
} from '../shared/surveyActivityTypes';
import type { TimelineActivities } from '../shared/timelineActivityTypes';
import { sendMessageWorkflow } from '../send/sendMessageWorkflow';
import { cancelSendSignal } from '../send/sendSignals';
import {
  surveyAnsweredSignal,
  surveyStatusQuery,
  surveyTicketReopenedSignal,
  type SurveyOutcome,
  type SurveyStatus,
} from './surveySignals';

export type SurveyResult = {
  outcome: SurveyOutcome;
  requestId: string | null;
  channel: SurveyChannelName | null;
  reason: string | null;
  score: number | null;
  lowRating: boolean;
};

// Database work: retried until the database is back (a server that is down delays, loses nothing).
const surveys = proxyActivities<SurveyActivities & TimelineActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * One survey: after a resolution (or by hand). Waits the tenant's delay, gives up if the ticket
 * is reopened, sends the invite on the best permitted channel through the send path (falling
 * through to the next channel when a send is skipped), waits for the answer with one reminder
 * and a deadline, then records the answer on the timeline and raises a low rating. The answer
 * itself is stored by whoever received it (the public page, the WhatsApp webhook) before the
 * signal, so nothing here can lose it.
 */
export async function surveyWorkflow(input: SurveyWorkflowInput): Promise<SurveyResult> {
  if (!input?.tenantId || !input.customerId)
    throw ApplicationFailure.nonRetryable('surveyWorkflow needs tenantId and customerId', 'InvalidInput');
  upsertSearchAttributes(tenantSearchAttributes(input.tenantId, 'survey', { customerId: input.customerId }));
  const { workflowId } = workflowInfo();

  const status: SurveyStatus = {
    phase: 'starting',
    requestId: null,
    channel: null,
    reminded: false,
    outcome: null,
    reason: null,
  };
  let answerId: string | null = null;
  let reopened = false;
  setHandler(surveyStatusQuery, () => status);
  setHandler(surveyAnsweredSignal, ({ surveyResponseId }) => {
    answerId ??= surveyResponseId;
  });
  setHandler(surveyTicketReopenedSignal, () => {
    reopened = true;
  });

  const result = (outcome: SurveyOutcome, extra: Partial<SurveyResult> = {}): SurveyResult => {
    status.phase = 'done';
    status.outcome = outcome;
    status.reason = extra.reason ?? null;
    return {
      outcome,
      requestId: status.requestId,
      channel: status.channel,
      reason: null,
      score: null,
      lowRating: false,
      ...extra,
    };
  };

  const plan = await surveys.beginSurvey({ ...input, workflowId });
  if (plan.state === 'skipped') return result('skipped', { reason: plan.reason });
  const { requestId } = plan;
  status.requestId = requestId;

  const finishAnswered = async (responseId: string): Promise<SurveyResult> => {
    const answer = await surveys.finishSurveyAnswer({
      tenantId: input.tenantId,
      requestId,
      responseId,
      lowScoreThreshold: plan.lowScoreThreshold,
    });
    const max = answer.kind === 'csat' ? 5 : 10;
    await surveys.recordTimelineEvent({
      tenantId: input.tenantId,
      customerId: answer.customerId,
      kind: 'survey_answered',
      title: `${answer.kind.toUpperCase()} ${answer.score}/${max}`,
      data: {
        surveyRequestId: requestId,
        surveyResponseId: responseId,
        ticketId: answer.ticketId,
        kind: answer.kind,
        score: answer.score,
        channel: answer.channel,
        lowRating: answer.lowRating,
      },
      occurredAt: answer.answeredAt,
      dedupeKey: `survey_answered:${responseId}`,
    });
    return result('answered', { score: answer.score, lowRating: answer.lowRating });
  };

  /** Closes the request; an answer stored meanwhile wins over the close. */
  const close = async (
    outcome: 'cancelled' | 'expired' | 'failed',
    reason: string,
  ): Promise<SurveyResult> => {
    const closed = await surveys.closeSurvey({ tenantId: input.tenantId, requestId, status: outcome });
    if (closed.status === 'answered') return finishAnswered(answerId ?? closed.responseId);
    return result(outcome, { reason });
  };

  status.phase = 'waiting_delay';
  if (plan.delayMs > 0) await condition(() => reopened || answerId !== null, plan.delayMs);
  if (answerId) return finishAnswered(answerId);
  if (reopened) return close('cancelled', 'ticket_reopened');

  /** Tries the sends in order; the first that goes is the channel. Null: none went. */
  const sendFirst = async (
    sends: SurveySend[],
    step: 'invite' | 'reminder',
  ): Promise<{ channel: SurveyChannelName; outcome: SendOutcome } | 'cancelled' | null> => {
    for (const { channel, request } of sends) {
      const req = { ...request, step: `${step}-${channel}` };
      const child = await startChild(sendMessageWorkflow, { workflowId: sendWorkflowId(req), args: [req] });
      let outcome: SendOutcome | null = null;
      const done = child.result().then((o) => {
        outcome = o;
      });
      // A send held by quiet hours or the cap is given up when the ticket is reopened meanwhile;
      // an answer that comes first (the customer was quick) lets the send finish as it is.
      await condition(() => outcome !== null || reopened);
      if (outcome === null) {
        try {
          await child.signal(cancelSendSignal);
        } catch {
          // The send finished meanwhile: its outcome stands.
        }
        await done;
      }
      const o = outcome as SendOutcome | null;
      if (o?.status === 'sent') return { channel, outcome: o };
      if (reopened) return 'cancelled';
      if (answerId !== null) return null;
    }
    return null;
  };

  status.phase = 'sending';
  const invite = await surveys.prepareSurveyInvite({
    tenantId: input.tenantId,
    requestId,
    step: 'invite',
    requireResolvedTicket: input.trigger === 'resolved',
    deadlineMs: plan.deadlineMs,
  });
  if (invite.state === 'closed') return close('cancelled', invite.reason);
  const sent = await sendFirst(invite.sends, 'invite');
  if (sent === 'cancelled') return close('cancelled', 'ticket_reopened');
  // No message went (no consent, no address): the survey stays reachable at the in-app web link.
  status.channel = sent ? sent.channel : 'web';
  if (answerId) return finishAnswered(answerId);
  await surveys.markSurveySent({
    tenantId: input.tenantId,
    requestId,
    step: 'invite',
    channel: status.channel,
    sentAt: sent?.outcome.status === 'sent' ? sent.outcome.sentAt : new Date().toISOString(),
  });

  status.phase = 'waiting_answer';
  const deadline = new Date(invite.expiresAt).getTime();
  const reminderAt = Date.now() + plan.reminderAfterMs;
  if (reminderAt < deadline) {
    await condition(() => reopened || answerId !== null, reminderAt - Date.now());
    if (answerId) return finishAnswered(answerId);
    if (reopened) return close('cancelled', 'ticket_reopened');
    if (status.channel !== 'web') {
      const reminder = await surveys.prepareSurveyInvite({
        tenantId: input.tenantId,
        requestId,
        step: 'reminder',
        requireResolvedTicket: input.trigger === 'resolved',
        deadlineMs: plan.deadlineMs,
      });
      if (reminder.state === 'closed') return close('cancelled', reminder.reason);
      const reminded = await sendFirst(reminder.sends, 'reminder');
      if (reminded === 'cancelled') return close('cancelled', 'ticket_reopened');
      if (reminded) {
        status.reminded = true;
        await surveys.markSurveySent({
          tenantId: input.tenantId,
          requestId,
          step: 'reminder',
          channel: reminded.channel,
          sentAt: reminded.outcome.status === 'sent' ? reminded.outcome.sentAt : new Date().toISOString(),
        });
      }
    }
  }
  const left = deadline - Date.now();
  if (left > 0) await condition(() => reopened || answerId !== null, left);
  if (answerId) return finishAnswered(answerId);
  if (reopened) return close('cancelled', 'ticket_reopened');
  return close('expired', 'deadline');
}
