import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import {
  countsAgainstCap,
  planSend,
  sendWorkflowId,
  startOfNextLocalDay,
  type SendContent,
  type SendOutcome,
  type SendRequest,
} from '@c360/domain';
import type { ChannelActivities, SentMessage } from '../shared/channelActivityTypes';
import type { SendActivities, SendContext } from '../shared/sendActivityTypes';
import {
  cancelSendSignal,
  consentRevokedSignal,
  rescheduleSignal,
  sendStatusQuery,
  updateSendContentSignal,
  type SendStatus,
} from './sendSignals';
import { sendSearchAttributes } from './sendSearchAttributes';
import { toChannelCall } from './toChannelCall';

// Database work: retried until the database is back (a server that is down delays, loses nothing).
const store = proxyActivities<SendActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// The adapters refuse for good (non-retryable) or ask to be retried; the provider's Retry-After wins.
const channels = proxyActivities<ChannelActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

const causeOf = (error: unknown): string => {
  if (error instanceof ActivityFailure && error.cause) return error.cause.message;
  return error instanceof Error ? error.message : String(error);
};

const laterOf = (a: string | undefined, b: Date | null): Date | null => {
  const first = a ? new Date(a) : null;
  if (!first) return b;
  if (!b) return first;
  return first.getTime() >= b.getTime() ? first : b;
};

/**
 * The one outbound path. Loads the customer's preferences, asks the policy for the next allowed
 * moment (opt-in, quiet hours in the customer's zone, the tenant's daily cap, WhatsApp's 24-hour
 * window), reserves a cap slot, sleeps durably until then, loads consent again, and sends
 * through the channel adapter with the workflow id as the message's idempotency key. Every end
 * (sent, skipped, failed) is recorded as an audit event. Signals cancel, reschedule or edit a
 * held send; a consent revocation gives up a held marketing send at once.
 */
export async function sendMessageWorkflow(req: SendRequest): Promise<SendOutcome> {
  if (!req?.tenantId || !req.customerId || !req.source?.id || !req.step)
    throw ApplicationFailure.nonRetryable(
      'sendMessageWorkflow needs tenantId, customerId, source and step',
      'InvalidInput',
    );
  const key = sendWorkflowId(req);
  upsertSearchAttributes(sendSearchAttributes(req));

  let content: SendContent = req.content;
  let notBefore = req.notBefore;
  let cancelled = false;
  let revoked = false;
  let replan = false;
  const status: SendStatus = { phase: 'planning', plannedAt: null, heldBy: null, outcome: null };

  setHandler(sendStatusQuery, () => status);
  setHandler(cancelSendSignal, () => {
    if (status.phase !== 'sending' && status.phase !== 'done') cancelled = true;
  });
  setHandler(consentRevokedSignal, ({ channel }) => {
    if (req.purpose === 'marketing' && channel === req.channel && status.phase !== 'sending') revoked = true;
  });
  setHandler(rescheduleSignal, ({ notBefore: next }) => {
    notBefore = next;
    replan = true;
  });
  setHandler(updateSendContentSignal, ({ content: next }) => {
    if (status.phase !== 'sending' && status.phase !== 'done') content = next;
  });

  let reservedDay: string | null = null;
  let deferredUntil: Date | null = null;
  let deferrals = 0;
  let wasOptedIn: boolean | null = null;

  const finish = async (outcome: SendOutcome): Promise<SendOutcome> => {
    if (reservedDay && outcome.status !== 'sent')
      await store.releaseSendSlot({ tenantId: req.tenantId, key });
    status.phase = 'done';
    status.outcome = outcome;
    await store.recordSendOutcome({ req: { ...req, content }, key, outcome, plannedAt: status.plannedAt });
    return outcome;
  };

  for (;;) {
    if (cancelled) return finish({ status: 'skipped', reason: 'cancelled' });
    if (revoked) return finish({ status: 'skipped', reason: 'consent_revoked' });

    const ctx: SendContext = await store.loadSendContext({ ...req, content });
    if (!ctx.reachable) return finish({ status: 'skipped', reason: 'no_address' });
    if (req.purpose === 'marketing' && wasOptedIn && !ctx.optedIn)
      return finish({ status: 'skipped', reason: 'consent_revoked' });
    wasOptedIn = ctx.optedIn;

    const now = new Date();
    const plan = planSend({
      now,
      notBefore: laterOf(notBefore, deferredUntil),
      channel: req.channel,
      contentType: content.type,
      purpose: req.purpose,
      optedIn: ctx.optedIn,
      quietHours: ctx.quietHours,
      timeZone: ctx.timeZone,
      lastInboundAt: ctx.lastInboundAt ? new Date(ctx.lastInboundAt) : null,
    });
    if (plan.kind === 'skip') return finish({ status: 'skipped', reason: plan.reason });

    const capped = countsAgainstCap(req.source.kind) && ctx.frequencyCapPerDay > 0;
    if (capped && reservedDay !== plan.localDay) {
      const { reserved } = await store.reserveSendSlot({
        tenantId: req.tenantId,
        customerId: req.customerId,
        key,
        localDay: plan.localDay,
        cap: ctx.frequencyCapPerDay,
      });
      if (!reserved) {
        // The day is full: the first allowed moment of the customer's next day, never dropped.
        deferrals += 1;
        if (deferrals > ctx.maxDeferralDays) return finish({ status: 'skipped', reason: 'cap_exhausted' });
        deferredUntil = startOfNextLocalDay(plan.at, ctx.timeZone);
        status.heldBy = 'frequency_cap';
        continue;
      }
      reservedDay = plan.localDay;
    }

    const waitMs = plan.at.getTime() - now.getTime();
    // The planned moment while held; a send going at once keeps the moment it was held for.
    if (waitMs > 0 || status.plannedAt === null) status.plannedAt = plan.at.toISOString();
    if (waitMs > 0) {
      status.phase = 'held';
      if (plan.heldBy) status.heldBy = deferredUntil ? 'frequency_cap' : plan.heldBy;
      replan = false;
      await condition(() => cancelled || revoked || replan, waitMs);
      // Woken by the clock or a signal: load consent again and plan again.
      continue;
    }

    status.phase = 'sending';
    const conversationId = ctx.conversationId ?? (await store.openSendConversation(req)).conversationId;
    const call = toChannelCall(req.channel, content, {
      tenantId: req.tenantId,
      conversationId,
      idempotencyKey: key,
      ...(req.authorId ? { authorId: req.authorId } : {}),
    });
    if (call.activity === null) return finish({ status: 'failed', error: call.error });
    let sent: SentMessage;
    try {
      sent =
        call.activity === 'sendWhatsAppMessage'
          ? await channels.sendWhatsAppMessage(call.input)
          : call.activity === 'sendEmail'
            ? await channels.sendEmail(call.input)
            : await channels.sendInstagramMessage(call.input);
    } catch (error) {
      return finish({ status: 'failed', error: causeOf(error) });
    }
    return finish({ status: 'sent', messageId: sent.messageId, sentAt: new Date().toISOString() });
  }
}
