import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { advanceDeliveryStatus } from '@c360/domain';
import {
  claimOutboundMessage,
  Conversation,
  Message,
  type OutboundClaim,
  type OutboundDraft,
} from '@c360/store';
import type { SentMessage } from '@c360/workflows';
import { ChannelError } from './channelError';

/**
 * The idempotent send every adapter goes through. The message row for the idempotency key is
 * created `queued` on the first attempt (`claimOutboundMessage`); then, holding that row's lock,
 * the provider is called only if no provider id is recorded yet, and the id is recorded in the
 * same transaction. A retried activity, or a second attempt running while a timed-out first one
 * still runs, waits for the lock and then finds the id: it returns the message without sending.
 * A refusal for good marks the message `failed`; a transient failure leaves it `queued`.
 *
 * The gap no client can close alone: the process dies after the provider accepted and before
 * the commit. WhatsApp sends carry the message id in `biz_opaque_callback_data` (echoed in status
 * webhooks), and email uses a Message-ID derived from the key, so such a send can be traced.
 */
export const sendOnce = async (
  em: EntityManager,
  draft: OutboundDraft,
  call: (claim: OutboundClaim) => Promise<string>,
  now: () => Date,
): Promise<SentMessage> => {
  const claim = await claimOutboundMessage(em, draft);
  if (claim.providerMessageId)
    return { messageId: claim.messageId, providerMessageId: claim.providerMessageId, alreadySent: true };

  let refusal: ChannelError | null = null;
  const result = await em
    .fork({ keepTransactionContext: true })
    .transactional(async (tx): Promise<SentMessage | null> => {
      const message = await tx.findOneOrFail(
        Message,
        { id: claim.messageId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (message.providerMessageId)
        return { messageId: message.id, providerMessageId: message.providerMessageId, alreadySent: true };
      let providerMessageId: string;
      try {
        providerMessageId = await call(claim);
      } catch (error) {
        if (!(error instanceof ChannelError) || error.retryable) throw error;
        message.deliveryStatus = 'failed';
        message.deliveryError = error.message.slice(0, 2000);
        refusal = error;
        return null;
      }
      const at = now();
      message.providerMessageId = providerMessageId;
      message.sentAt = at;
      const next = advanceDeliveryStatus(
        message.deliveryStatus === 'received' ? 'sent' : message.deliveryStatus,
        'sent',
      );
      if (next) message.deliveryStatus = next;
      const conversation = await tx.findOneOrFail(Conversation, { id: claim.conversation.id });
      if (!conversation.lastMessageAt || conversation.lastMessageAt < at) conversation.lastMessageAt = at;
      return { messageId: message.id, providerMessageId, alreadySent: false };
    });
  if (refusal) throw refusal;
  return result!;
};
