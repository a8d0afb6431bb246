import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { SendContent, SendOutcome } from '@c360/domain';
import { tenantFilters } from '../tenancy/tenantFilter';
import { Conversation } from './Conversation';
import { Customer } from './Customer';
import { tenantOwnedProperties, updatedAtProperty } from './tenantOwnedProperties';
import { User } from './User';

export const SCHEDULED_REPLY_STATUSES = ['scheduled', 'sent', 'cancelled', 'skipped', 'failed'] as const;
export type ScheduledReplyStatus = (typeof SCHEDULED_REPLY_STATUSES)[number];

/**
 * An agent's reply to be sent later ("send later", or "send at the end of quiet hours"). The
 * send itself is a `sendMessageWorkflow` (source `scheduled_reply`, this id); this row is what
 * the inbox lists and edits, and the workflow writes the outcome back here.
 */
export const ScheduledReply = defineEntity({
  name: 'ScheduledReply',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    conversation: p.manyToOne(Conversation).ref().deleteRule('cascade'),
    customer: p.manyToOne(Customer).ref().deleteRule('cascade'),
    author: p.manyToOne(User).ref().nullable().deleteRule('set null'),
    content: p.json<SendContent>(),
    /** When the agent asked for it to go. */
    sendAt: p.datetime(),
    status: p
      .enum([...SCHEDULED_REPLY_STATUSES])
      .$type<ScheduledReplyStatus>()
      .default('scheduled'),
    outcome: p.json<SendOutcome>().nullable(),
    /** The message sent, once sent. */
    messageId: p.uuid().nullable(),
    workflowId: p.string().length(300),
    updatedAt: updatedAtProperty(),
  },
  indexes: [{ properties: ['conversation', 'status', 'sendAt'] }],
});
export type ScheduledReply = InferEntity<typeof ScheduledReply>;
