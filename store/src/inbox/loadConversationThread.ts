import type { EntityManager } from '@mikro-orm/postgresql';
import type { MessageAttachment, MessageMetadata } from '../entities/Message';
import type { ConversationChannel, DeliveryStatus, MessageDirection } from '../entities/vocabulary';
import { assertTenantId } from '../tenancy/tenantFilter';
import type { InboxCursor } from './inboxQuery';

/** Audit actions shown in a thread (reads are audited but are not events of the conversation). */
export const CONVERSATION_EVENT_ACTIONS = [
  'conversation.assigned',
  'conversation.tags_changed',
  'conversation.resolved',
  'conversation.reopened',
] as const;

export type ThreadItem =
  | {
      kind: 'message';
      id: string;
      at: Date;
      direction: MessageDirection;
      channel: ConversationChannel;
      authorId: string | null;
      body: string;
      html: string | null;
      deliveryStatus: DeliveryStatus;
      deliveryError: string | null;
      attachments: MessageAttachment[];
      metadata: MessageMetadata;
    }
  | {
      kind: 'event';
      id: string;
      at: Date;
      action: string;
      actorType: string;
      actorId: string | null;
      before: Record<string, unknown> | null;
      after: Record<string, unknown> | null;
    };

type Keyed = { item: ThreadItem; key: string };

type MessageRow = {
  id: string;
  at: Date;
  key: string;
  direction: MessageDirection;
  channel: ConversationChannel;
  author_id: string | null;
  body: string;
  html: string | null;
  delivery_status: DeliveryStatus;
  delivery_error: string | null;
  attachments: MessageAttachment[];
  metadata: MessageMetadata;
};

type EventRow = {
  id: string;
  at: Date;
  key: string;
  action: string;
  actor_type: string;
  actor_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/**
 * One page of a conversation's timeline, newest first: its messages and its audit events
 * (assignment, tags, status changes) merged by time. Each source is read by keyset on
 * (time, id) for one more than a page, so the merged page is exact and the cursor is the last
 * item's (time, id). The caller has checked that the conversation is the tenant's.
 */
export const loadConversationThread = async (
  em: EntityManager,
  input: { tenantId: string; conversationId: string; limit: number; before?: InboxCursor },
): Promise<{ items: ThreadItem[]; next: InboxCursor | null }> => {
  const tenantId = assertTenantId(input.tenantId, 'loadConversationThread');
  const limit = input.limit + 1;
  const keyset = (at: string) => (input.before ? `and (${at}, id) < (?::timestamptz, ?::uuid)` : '');
  const cursor = input.before ? [input.before.key, input.before.id] : [];
  const messages = await em.execute<MessageRow[]>(
    `select id, sent_at as at, sent_at::text as key, direction, channel, author_id, body, html,
       delivery_status, delivery_error, attachments, metadata
     from message where tenant_id = ? and conversation_id = ? ${keyset('sent_at')}
     order by sent_at desc, id desc limit ?`,
    [tenantId, input.conversationId, ...cursor, limit],
  );
  const events = await em.execute<EventRow[]>(
    `select id, created_at as at, created_at::text as key, action, actor_type, actor_id, before, after
     from audit_log where tenant_id = ? and entity_type = 'conversation' and entity_id = ?
       and action in (${CONVERSATION_EVENT_ACTIONS.map(() => '?').join(', ')}) ${keyset('created_at')}
     order by created_at desc, id desc limit ?`,
    [tenantId, input.conversationId, ...CONVERSATION_EVENT_ACTIONS, ...cursor, limit],
  );
  const merged: Keyed[] = [
    ...messages.map((m) => ({
      key: m.key,
      item: {
        kind: 'message' as const,
        id: m.id,
        at: new Date(m.at),
        direction: m.direction,
        channel: m.channel,
        authorId: m.author_id,
        body: m.body,
        html: m.html,
        deliveryStatus: m.delivery_status,
        deliveryError: m.delivery_error,
        attachments: m.attachments,
        metadata: m.metadata,
      },
    })),
    ...events.map((e) => ({
      key: e.key,
      item: {
        kind: 'event' as const,
        id: e.id,
        at: new Date(e.at),
        action: e.action,
        actorType: e.actor_type,
        actorId: e.actor_id,
        before: e.before,
        after: e.after,
      },
    })),
  ].sort((a, b) => {
    // Microsecond-exact order from the keys PostgreSQL printed, tie-broken by id like the SQL.
    const byTime = Date.parse(b.item.at.toISOString()) - Date.parse(a.item.at.toISOString());
    if (byTime !== 0) return byTime;
    if (a.key !== b.key) return a.key < b.key ? 1 : -1;
    return a.item.id < b.item.id ? 1 : -1;
  });
  const page = merged.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((k) => k.item),
    next: merged.length > input.limit && last ? { key: last.key, id: last.item.id } : null,
  };
};
