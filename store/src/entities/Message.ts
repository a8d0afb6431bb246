import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantFilters } from '../tenancy/tenantFilter';
import { Conversation } from './Conversation';
import { tenantOwnedProperties } from './tenantOwnedProperties';
import { User } from './User';
import {
  CONVERSATION_CHANNELS,
  DELIVERY_STATUSES,
  MESSAGE_DIRECTIONS,
  type ConversationChannel,
  type DeliveryStatus,
  type MessageDirection,
} from './vocabulary';

export type MessageAttachment = {
  assetId?: string;
  fileName: string;
  contentType: string;
  size: number;
  url?: string;
};

/** Channel-specific facts about a message (all optional). */
export type MessageMetadata = {
  kind?: string;
  replyToProviderId?: string;
  template?: { name: string; language: string };
  instagramCommentId?: string;
  instagramMediaId?: string;
  storyUrl?: string;
  interactive?: Record<string, unknown>;
  recipient?: string;
  [key: string]: unknown;
};

/**
 * One message in a thread. `idempotencyKey` (derived from the sending workflow's id and step) is
 * unique per tenant, so a retried send cannot record a second message; `providerMessageId` is
 * unique per tenant and channel, so a webhook delivered twice cannot either. NULLs are distinct
 * in PostgreSQL unique keys, so messages without them are unconstrained.
 */
export const Message = defineEntity({
  name: 'Message',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    conversation: p.manyToOne(Conversation).ref().deleteRule('cascade'),
    channel: p.enum([...CONVERSATION_CHANNELS]).$type<ConversationChannel>(),
    direction: p.enum([...MESSAGE_DIRECTIONS]).$type<MessageDirection>(),
    author: p.manyToOne(User).ref().nullable().deleteRule('set null'),
    body: p.text(),
    html: p.text().nullable(),
    attachments: p.json<MessageAttachment[]>().onCreate(() => []),
    providerMessageId: p.string().length(500).nullable(),
    /** Email `Message-ID`, `In-Reply-To` and `References` headers, for threading. */
    emailMessageId: p.string().length(998).nullable(),
    inReplyTo: p.string().length(998).nullable(),
    // `references` is an SQL keyword: a plain column name would need quoting in every raw query.
    references: p
      .array()
      .fieldName('email_references')
      .onCreate(() => []),
    deliveryStatus: p.enum([...DELIVERY_STATUSES]).$type<DeliveryStatus>(),
    deliveryError: p.text().nullable(),
    idempotencyKey: p.string().length(200).nullable(),
    sentAt: p.datetime(),
    /** -1 (negative) .. 1 (positive), from the sentiment analyser; null until analysed. */
    sentiment: p.float().nullable(),
    /**
     * What the channel says beyond the text: the kind (story_reply, comment, interactive...), the
     * replied-to id, the template sent. The database default fills rows written by COPY (the seeder).
     */
    metadata: p
      .json<MessageMetadata>()
      .onCreate(() => ({}))
      .default("'{}'"),
  },
  indexes: [{ properties: ['conversation', 'sentAt'] }, { properties: ['tenant', 'emailMessageId'] }],
  uniques: [
    { name: 'message_tenant_id_idempotency_key_unique', properties: ['tenant', 'idempotencyKey'] },
    {
      name: 'message_tenant_id_channel_provider_message_id_unique',
      properties: ['tenant', 'channel', 'providerMessageId'],
    },
  ],
  checks: [
    {
      name: 'message_sentiment_check',
      property: 'sentiment',
      expression: 'sentiment >= -1::real and sentiment <= 1::real',
    },
  ],
});
export type Message = InferEntity<typeof Message>;
