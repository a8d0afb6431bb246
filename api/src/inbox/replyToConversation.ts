import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, isServiceWindowOpen, type AssetLimits } from '@c360/domain';
import { AuditLog, Customer, forTenant, Message, Ticket, ticketEvents } from '@c360/store';
import { CHANNEL_FAILURES, type SentMessage } from '@c360/workflows';
import type { z } from 'zod';
import type { Principal } from '../auth/principal';
import { findConversationOr404 } from './inboxRecords';
import type { InboxSender } from './inboxSender';
import { checkReplyAsset } from './replyAsset';
import type { replyBodySchema } from './inboxSchemas';
import { planReply, WHATSAPP_WINDOW_MESSAGE } from './replyGate';

export type ReplyInput = z.output<typeof replyBodySchema>;

const fieldError = (path: string, message: string): AppError =>
  new AppError('validation', `${path} ${message}`, { fields: [{ path, message }] });

const FAILURE_KINDS = new Map<string, 'invalid' | 'rejected' | 'unavailable'>([
  [CHANNEL_FAILURES.invalid, 'invalid'],
  [CHANNEL_FAILURES.rejected, 'rejected'],
  [CHANNEL_FAILURES.auth, 'unavailable'],
  [CHANNEL_FAILURES.transient, 'unavailable'],
]);

/**
 * An adapter failure as the client sees it: a refused request (template parameters, a missing
 * account) or a refusal by the provider is a 409 with the adapter's reason; a provider that is
 * down or refuses our credentials is a 503, and the message stays queued under its key, so the
 * same Idempotency-Key later sends it once.
 */
const toAppError = (error: unknown): unknown => {
  const type = (error as { type?: unknown } | null)?.type;
  const kind = typeof type === 'string' ? FAILURE_KINDS.get(type) : undefined;
  if (!kind) return error;
  const message = (error as Error).message;
  if (kind === 'unavailable') return new AppError('unavailable', `the channel is unavailable: ${message}`);
  return new AppError(
    'conflict',
    kind === 'rejected' ? `the provider refused the message: ${message}` : message,
  );
};

/** What became of an immediate reply: sent (or found sent under its key), or held by the customer's quiet hours. */
export type ReplyOutcome = { kind: 'sent'; sent: SentMessage } | { kind: 'held'; until: Date };

/**
 * Sends an agent's reply through the conversation's channel adapter, once per idempotency key:
 * the adapter records the message under the key before calling the provider and never calls it
 * again for that key. The send path's gate decides first (`planReply`): WhatsApp free text needs
 * the 24-hour window open (templates do not), and during the customer's quiet hours the reply is
 * not sent but held until they end (the caller schedules it on the send path). A request retried
 * under a key that was already sent is answered from the adapter, quiet hours or not.
 */
export const replyToConversation = async (
  deps: { em: EntityManager; sender: InboxSender | undefined; now: () => Date; assetLimits: AssetLimits },
  principal: Principal,
  conversationId: string,
  input: ReplyInput,
  idempotencyKey: string,
  requestId: string,
): Promise<ReplyOutcome> => {
  const tenantId = principal.tenantId;
  const conversation = await findConversationOr404(deps.em.fork(), tenantId, conversationId);
  const channel = conversation.channel;
  if (input.template && channel !== 'whatsapp')
    throw fieldError('body.template', 'is for WhatsApp conversations only; send text');
  if ((input.html !== undefined || input.subject !== undefined) && channel !== 'email')
    throw fieldError(
      input.html !== undefined ? 'body.html' : 'body.subject',
      'is for email conversations only',
    );
  const scoped = forTenant(deps.em.fork(), tenantId);
  const customer = await scoped.findOneOrFail(Customer, { id: conversation.customer.id });
  const plan = planReply(conversation, customer, input.template ? 'template' : 'text', deps.now(), null);
  const held = plan.kind === 'send' && plan.heldBy === 'quiet_hours';
  if (plan.kind === 'skip')
    throw new AppError(
      'conflict',
      isServiceWindowOpen(conversation.lastInboundAt ?? null, deps.now())
        ? `${WHATSAPP_WINDOW_MESSAGE}: the window closes before the customer's quiet hours end`
        : WHATSAPP_WINDOW_MESSAGE,
      { window: 'whatsapp_24h' },
    );
  if (held && (await scoped.count(Message, { idempotencyKey })) === 0) {
    if (channel === 'instagram' && conversation.externalIds?.instagramKind === 'comment')
      throw new AppError(
        'conflict',
        `the customer is in quiet hours until ${plan.at.toISOString()}: a comment reply cannot be held, reply then`,
        { quietHours: { endsAt: plan.at.toISOString() } },
      );
    return { kind: 'held', until: plan.at };
  }
  const assetId = input.assetId;
  if (assetId !== undefined)
    await checkReplyAsset(deps.em, tenantId, conversation, assetId, deps.assetLimits);
  if (!deps.sender) throw new AppError('unavailable', 'channel sending is not configured on this deployment');

  const base = { tenantId, conversationId, idempotencyKey, authorId: principal.userId };
  const text = input.text ?? '';
  let sent: SentMessage;
  try {
    if (channel === 'whatsapp')
      sent = await deps.sender.sendWhatsAppMessage({
        ...base,
        content: input.template
          ? { type: 'template', ...input.template }
          : assetId !== undefined
            ? { type: 'asset', assetId, ...(text !== '' ? { caption: text } : {}) }
            : { type: 'text', text },
      });
    else if (channel === 'instagram')
      sent =
        conversation.externalIds?.instagramKind === 'comment'
          ? await deps.sender.replyToInstagramComment({ ...base, visibility: input.commentVisibility, text })
          : await deps.sender.sendInstagramMessage({
              ...base,
              content:
                assetId !== undefined
                  ? { type: 'asset', assetId, ...(text !== '' ? { text } : {}) }
                  : { type: 'text', text },
            });
    else
      sent = await deps.sender.sendEmail({
        ...base,
        text,
        ...(input.html !== undefined ? { html: input.html } : {}),
        ...(input.subject !== undefined ? { subject: input.subject } : {}),
        ...(assetId !== undefined ? { assetId } : {}),
      });
  } catch (error) {
    throw toAppError(error);
  }
  if (!sent.alreadySent)
    await recordReply(
      deps,
      tenantId,
      conversation.ticket?.id ?? null,
      sent,
      principal,
      requestId,
      conversationId,
    );
  return { kind: 'sent', sent };
};

/** The reply's audit row, and the ticket's first response if this is it. */
const recordReply = async (
  deps: { em: EntityManager; now: () => Date },
  tenantId: string,
  ticketId: string | null,
  sent: SentMessage,
  principal: Principal,
  requestId: string,
  conversationId: string,
): Promise<void> => {
  await forTenant(deps.em, tenantId).transactional(async (em) => {
    const at = deps.now();
    // The ticket's SLA clock hears of every agent reply (the first one stops first response).
    const ticket = ticketId ? await em.findOne(Ticket, { id: ticketId }) : null;
    if (ticket) ticketEvents.agentReplied(em, ticket, { conversationId, messageId: sent.messageId, at });
    em.create(AuditLog, {
      tenant: tenantId,
      actorType: 'user',
      actorId: principal.userId,
      action: 'conversation.replied',
      entityType: 'conversation',
      entityId: conversationId,
      before: null,
      after: { messageId: sent.messageId },
      source: 'inbox',
      requestId,
      createdAt: at,
    });
  });
};
