import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantFilters } from '../tenancy/tenantFilter';
import { Conversation } from './Conversation';
import { tenantOwnedProperties } from './tenantOwnedProperties';
import { User } from './User';

/**
 * How far one agent has read one conversation: the conversation is unread for that agent while
 * the customer wrote after `lastReadAt` (or the agent never opened it). One row per agent and
 * conversation, moved forward by "mark read".
 */
export const ConversationRead = defineEntity({
  name: 'ConversationRead',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    conversation: p.manyToOne(Conversation).ref().deleteRule('cascade'),
    user: p.manyToOne(User).ref().deleteRule('cascade'),
    lastReadAt: p.datetime(),
  },
  uniques: [
    { name: 'conversation_read_conversation_id_user_id_unique', properties: ['conversation', 'user'] },
  ],
});
export type ConversationRead = InferEntity<typeof ConversationRead>;
