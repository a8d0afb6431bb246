import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Conversation } from '../entities/Conversation';
import { Message, type MessageAttachment, type MessageMetadata } from '../entities/Message';
import { scopedTenantId } from '../tenancy/forTenant';
import { TenantScopeError } from '../tenancy/tenantFilter';

export type OutboundDraft = {
  /** Derived from the sending workflow's id and step: the same send always has the same key. */
  idempotencyKey: string;
  conversationId: string;
  body: string;
  html?: string | null;
  attachments?: MessageAttachment[];
  metadata?: MessageMetadata;
  authorId?: string | null;
  email?: { messageId: string; inReplyTo: string | null; references: string[] };
  now: Date;
};

export type OutboundClaim = {
  messageId: string;
  conversation: Conversation;
  /** The provider already accepted this send (a retried activity): do not call it again. */
  providerMessageId: string | null;
  deliveryStatus: Message['deliveryStatus'];
};

const claimOf = (message: Message, conversation: Conversation): OutboundClaim => ({
  messageId: message.id,
  conversation,
  providerMessageId: message.providerMessageId ?? null,
  deliveryStatus: message.deliveryStatus,
});

/**
 * The first half of an idempotent send: the message row for this idempotency key, created
 * `queued` on the first attempt and found again on every retry. The unique key
 * (tenant, idempotency_key) makes two racing attempts share one row. The caller calls the
 * provider only when `providerMessageId` is null, then records the answer (see the adapters' `sendOnce`).
 */
export const claimOutboundMessage = async (
  em: EntityManager,
  draft: OutboundDraft,
): Promise<OutboundClaim> => {
  const tenantId = scopedTenantId(em);
  if (!tenantId) throw new TenantScopeError('claimOutboundMessage needs a tenant-scoped EntityManager');
  const find = async (tx: EntityManager) => {
    const message = await tx.findOne(Message, { idempotencyKey: draft.idempotencyKey });
    if (!message) return null;
    const conversation = await tx.findOneOrFail(Conversation, { id: message.conversation.id });
    return claimOf(message, conversation);
  };
  const existing = await find(em.fork({ keepTransactionContext: true }));
  if (existing) return existing;
  try {
    return await em.fork({ keepTransactionContext: true }).transactional(async (tx) => {
      const conversation = await tx.findOne(Conversation, { id: draft.conversationId });
      if (!conversation)
        throw new TenantScopeError(`conversation ${draft.conversationId} not found in this tenant`);
      const message = tx.create(Message, {
        tenant: tenantId,
        conversation,
        channel: conversation.channel,
        direction: 'outbound',
        author: draft.authorId ?? null,
        body: draft.body,
        html: draft.html ?? null,
        attachments: draft.attachments ?? [],
        idempotencyKey: draft.idempotencyKey,
        emailMessageId: draft.email?.messageId ?? null,
        inReplyTo: draft.email?.inReplyTo ?? null,
        references: draft.email?.references ?? [],
        deliveryStatus: 'queued',
        sentAt: draft.now,
        metadata: draft.metadata ?? {},
      });
      await tx.flush();
      return claimOf(message, conversation);
    });
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    const winner = await find(em.fork({ keepTransactionContext: true }));
    if (!winner) throw error;
    return winner;
  }
};
