import type { EntityManager } from '@mikro-orm/postgresql';
import { Conversation, type ConversationExternalIds } from '../entities/Conversation';
import { Message, type MessageAttachment, type MessageMetadata } from '../entities/Message';
import type { ConversationChannel } from '../entities/vocabulary';
import { scopedTenantId } from '../tenancy/forTenant';
import { reopenTicketOnCustomerReply } from './reopenTicketOnCustomerReply';
import { TenantScopeError } from '../tenancy/tenantFilter';
import {
  findOrCreateCustomerForContact,
  transactionalWithRetryOnConflict,
  type ChannelContact,
} from './findCustomerForContact';

export type InboundMessageInput = {
  channel: ConversationChannel;
  contact: ChannelContact;
  /** The provider's id of this message (wamid, Instagram mid or comment id, email Message-ID): stored once. */
  providerMessageId: string;
  sentAt: Date;
  body: string;
  html?: string | null;
  attachments?: MessageAttachment[];
  metadata?: MessageMetadata;
  email?: { messageId: string | null; inReplyTo: string | null; references: string[] };
  /**
   * Which thread it joins: the thread key of the channel (wa_id, `dm:<igsid>`,
   * `comment:<media>:<igsid>`), or a conversation the caller already found (email threading).
   */
  thread: {
    externalThreadId: string;
    externalIds?: ConversationExternalIds;
    subject?: string | null;
    /** Email: a conversation found by headers, thread token or subject; joined as is. */
    conversationId?: string | null;
    /** Email: finds the conversation once the customer is known (subject and participants). */
    find?: (tx: EntityManager, customerId: string) => Promise<string | null>;
  };
};

export type InboundMessageResult = {
  duplicate: boolean;
  messageId: string;
  conversationId: string;
  customerId: string;
  customerCreated: boolean;
  conversationCreated: boolean;
};

const existingMessage = async (em: EntityManager, channel: ConversationChannel, providerMessageId: string) =>
  em.findOne(Message, { channel, providerMessageId }, { populate: ['conversation'] });

/**
 * Stores one inbound message in the EntityManager's tenant: finds or creates the customer, joins
 * the thread's open conversation or starts one, appends the message and moves the conversation's
 * `lastMessageAt` and `lastInboundAt` (the WhatsApp service window). The same provider message id
 * is stored once: a redelivered webhook answers `duplicate` and changes nothing. Everything lands
 * in one transaction, with the `customer.changed` outbox event the store's subscriber adds.
 */
export const recordInboundMessage = async (
  em: EntityManager,
  input: InboundMessageInput,
): Promise<InboundMessageResult> => {
  const tenantId = scopedTenantId(em);
  if (!tenantId) throw new TenantScopeError('recordInboundMessage needs a tenant-scoped EntityManager');

  const run = async (tx: EntityManager): Promise<InboundMessageResult> => {
    const seen = await existingMessage(tx, input.channel, input.providerMessageId);
    if (seen) {
      return {
        duplicate: true,
        messageId: seen.id,
        conversationId: seen.conversation.id,
        customerId: seen.conversation.getEntity().customer.id,
        customerCreated: false,
        conversationCreated: false,
      };
    }
    const { customer, created } = await findOrCreateCustomerForContact(tx, input.contact);

    const knownId = input.thread.conversationId ?? (await input.thread.find?.(tx, customer.id)) ?? null;
    let conversation = knownId
      ? await tx.findOne(Conversation, { id: knownId, channel: input.channel })
      : null;
    conversation ??= await tx.findOne(
      Conversation,
      { channel: input.channel, externalThreadId: input.thread.externalThreadId, status: { $ne: 'closed' } },
      { orderBy: { lastMessageAt: 'desc nulls last' } },
    );
    const conversationCreated = !conversation;
    if (!conversation) {
      conversation = tx.create(Conversation, {
        tenant: tenantId,
        customer,
        channel: input.channel,
        subject: input.thread.subject?.slice(0, 500) ?? null,
        externalThreadId: input.thread.externalThreadId,
        externalIds: input.thread.externalIds ?? {},
      });
    } else if (conversation.status !== 'open') {
      // A customer writing again wakes the thread up (and ends waiting on them).
      conversation.status = 'open';
    }
    if (!conversation.lastMessageAt || conversation.lastMessageAt < input.sentAt)
      conversation.lastMessageAt = input.sentAt;
    if (!conversation.lastInboundAt || conversation.lastInboundAt < input.sentAt)
      conversation.lastInboundAt = input.sentAt;

    const message = tx.create(Message, {
      tenant: tenantId,
      conversation,
      channel: input.channel,
      direction: 'inbound',
      body: input.body,
      html: input.html ?? null,
      attachments: input.attachments ?? [],
      providerMessageId: input.providerMessageId,
      emailMessageId: input.email?.messageId ?? null,
      inReplyTo: input.email?.inReplyTo ?? null,
      references: input.email?.references ?? [],
      deliveryStatus: 'received',
      sentAt: input.sentAt,
      metadata: input.metadata ?? {},
    });
    // A ticket waiting on the customer is open again: its SLA clock resumes.
    await reopenTicketOnCustomerReply(tx, conversation, input.sentAt);
    await tx.flush();
    return {
      duplicate: false,
      messageId: message.id,
      conversationId: conversation.id,
      customerId: customer.id,
      customerCreated: created,
      conversationCreated,
    };
  };

  // A concurrent delivery of the same message (or a first message of the same new contact) loses
  // on a unique key; the retry then sees the winner's rows.
  return transactionalWithRetryOnConflict(em, run);
};
