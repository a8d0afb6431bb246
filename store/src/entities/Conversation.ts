import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantFilters } from '../tenancy/tenantFilter';
import { Customer } from './Customer';
import { tenantOwnedProperties, updatedAtProperty } from './tenantOwnedProperties';
import { Ticket } from './Ticket';
import { User } from './User';
import {
  CONVERSATION_CHANNELS,
  CONVERSATION_STATUSES,
  type ConversationChannel,
  type ConversationStatus,
} from './vocabulary';

/**
 * Provider-side identifiers of the thread: the WhatsApp contact (wa_id), the Instagram thread,
 * the post or story a comment or reply belongs to, the email thread's root Message-ID.
 */
export type ConversationExternalIds = {
  waId?: string;
  instagramThreadId?: string;
  instagramKind?: 'dm' | 'comment' | 'story_reply';
  instagramMediaId?: string;
  emailRootMessageId?: string;
};

/** One thread with a customer on one channel. */
export const Conversation = defineEntity({
  name: 'Conversation',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    customer: p.manyToOne(Customer).ref().deleteRule('cascade'),
    channel: p.enum([...CONVERSATION_CHANNELS]).$type<ConversationChannel>(),
    status: p
      .enum([...CONVERSATION_STATUSES])
      .$type<ConversationStatus>()
      .default('open'),
    assignee: p.manyToOne(User).ref().nullable().deleteRule('set null'),
    ticket: p.manyToOne(Ticket).ref().nullable().deleteRule('set null'),
    subject: p.string().length(500).nullable(),
    /** The key inbound webhooks find the thread by (wa_id, Instagram thread id, email root Message-ID). */
    externalThreadId: p.string().length(500).nullable(),
    externalIds: p.json<ConversationExternalIds>().onCreate(() => ({})),
    lastMessageAt: p.datetime().nullable(),
    /** Start of WhatsApp's 24-hour customer-service window: free-form replies are allowed until +24 h. */
    lastInboundAt: p.datetime().nullable(),
    /** Inbox labels set by agents (lower-case, unique). */
    tags: p
      .array()
      .onCreate(() => [])
      .default('{}'),
    updatedAt: updatedAtProperty(),
  },
  indexes: [
    { properties: ['customer', 'lastMessageAt'] },
    { properties: ['tenant', 'status', 'lastMessageAt'] },
    { properties: ['tenant', 'channel', 'externalThreadId'] },
    { properties: ['ticket'] },
  ],
});
export type Conversation = InferEntity<typeof Conversation>;
