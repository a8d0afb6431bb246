import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, notFound } from '@c360/domain';
import { AuditLog, Conversation, ConversationRead, forTenant, Ticket, ticketEvents, User } from '@c360/store';
import type { Principal } from '../auth/principal';

export type ActionContext = { actor: Principal; requestId: string };

export type ConversationState = {
  id: string;
  status: Conversation['status'];
  assigneeId: string | null;
  tags: string[];
  ticketId: string | null;
  ticketStatus: string | null;
  changed: boolean;
};

/** The tenant's conversation, or a 404 (another tenant's conversation is as missing as an unknown id). */
export const findConversationOr404 = async (
  em: EntityManager,
  tenantId: string,
  id: string,
): Promise<Conversation> => {
  const conversation = await forTenant(em, tenantId).findOne(Conversation, { id });
  if (!conversation) throw notFound('conversation', id);
  return conversation;
};

const stateOf = (c: Conversation, ticket: Ticket | null, changed: boolean): ConversationState => ({
  id: c.id,
  status: c.status,
  assigneeId: c.assignee?.id ?? null,
  tags: [...c.tags],
  ticketId: c.ticket?.id ?? null,
  ticketStatus: ticket?.status ?? null,
  changed,
});

/**
 * The inbox's writes. Each runs in one transaction with the conversation row locked, and each
 * change appends its audit row (the thread's events) in that transaction; a request that
 * changes nothing writes nothing.
 */
export const inboxRecords = (root: EntityManager, tenantId: string, now: () => Date) => {
  const inTransaction = <T>(
    id: string,
    work: (em: EntityManager, c: Conversation, ticket: Ticket | null) => Promise<T>,
  ): Promise<T> =>
    forTenant(root.fork(), tenantId).transactional(async (em) => {
      // Loaded by this transaction's own EntityManager, so its flush writes the changes.
      const conversation = await em.findOne(Conversation, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!conversation) throw notFound('conversation', id);
      const ticket = conversation.ticket
        ? await em.findOne(Ticket, { id: conversation.ticket.id }, { lockMode: LockMode.PESSIMISTIC_WRITE })
        : null;
      return work(em, conversation, ticket);
    });

  const audit = (
    em: EntityManager,
    ctx: ActionContext,
    conversationId: string,
    action: string,
    before: Record<string, unknown>,
    after: Record<string, unknown>,
  ): void => {
    em.create(AuditLog, {
      tenant: tenantId,
      actorType: 'user',
      actorId: ctx.actor.userId,
      action,
      entityType: 'conversation',
      entityId: conversationId,
      before,
      after,
      source: 'inbox',
      requestId: ctx.requestId,
      createdAt: now(),
    });
  };

  return {
    assign: (id: string, assigneeId: string | null, ctx: ActionContext) =>
      inTransaction(id, async (em, c, ticket) => {
        if (assigneeId && !(await em.findOne(User, { id: assigneeId })))
          throw new AppError('validation', 'no such user in this tenant', {
            fields: [{ path: 'body.assigneeId', message: 'is not a user of this tenant' }],
          });
        const before = c.assignee?.id ?? null;
        if (before === assigneeId) return stateOf(c, ticket, false);
        c.assignee = assigneeId ? em.getReference(User, assigneeId, { wrapped: true }) : null;
        // The conversation's ticket follows its owner, and its SLA clock hears of the change.
        if (ticket && (ticket.assignee?.id ?? null) !== assigneeId) {
          ticket.assignee = c.assignee;
          ticketEvents.assigned(em, ticket, now());
        }
        audit(em, ctx, c.id, 'conversation.assigned', { assigneeId: before }, { assigneeId });
        return stateOf(c, ticket, true);
      }),

    changeTags: (id: string, change: { add: string[]; remove: string[] }, ctx: ActionContext) =>
      inTransaction(id, async (em, c, ticket) => {
        const before = [...c.tags];
        const removed = new Set(change.remove);
        const after = [...new Set([...before.filter((t) => !removed.has(t)), ...change.add])].sort();
        if (after.join('\n') === [...before].sort().join('\n')) return stateOf(c, ticket, false);
        c.tags = after;
        audit(em, ctx, c.id, 'conversation.tags_changed', { tags: before }, { tags: after });
        return stateOf(c, ticket, true);
      }),

    /**
     * Closes the conversation and resolves its ticket; the ticket's resolution appends one
     * `ticket.resolved` outbox event in the same transaction. Resolving again changes nothing
     * and emits nothing.
     */
    resolve: (id: string, ctx: ActionContext) =>
      inTransaction(id, async (em, c, ticket) => {
        const ticketOpen = ticket !== null && ticket.status !== 'resolved' && ticket.status !== 'closed';
        if (c.status === 'closed' && !ticketOpen) return stateOf(c, ticket, false);
        const at = now();
        const before = { status: c.status, ticketStatus: ticket?.status ?? null };
        c.status = 'closed';
        if (ticket && ticketOpen) {
          ticket.status = 'resolved';
          ticket.resolvedAt = at;
          ticket.autoResolved = false;
          ticketEvents.resolved(em, ticket, at, c.id);
        }
        audit(em, ctx, c.id, 'conversation.resolved', before, {
          status: c.status,
          ticketStatus: ticket?.status ?? null,
        });
        return stateOf(c, ticket, true);
      }),

    /** Opens the conversation again, and its ticket if it was resolved. */
    reopen: (id: string, ctx: ActionContext) =>
      inTransaction(id, async (em, c, ticket) => {
        const ticketResolved = ticket?.status === 'resolved';
        if (c.status === 'open' && !ticketResolved) return stateOf(c, ticket, false);
        const before = { status: c.status, ticketStatus: ticket?.status ?? null };
        c.status = 'open';
        if (ticket && ticketResolved) {
          ticket.status = 'open';
          ticket.resolvedAt = null;
          ticketEvents.reopened(em, ticket, now());
        }
        audit(em, ctx, c.id, 'conversation.reopened', before, {
          status: c.status,
          ticketStatus: ticket?.status ?? null,
        });
        return stateOf(c, ticket, true);
      }),

    /** Marks the conversation read (up to now) or unread for the caller. */
    setRead: (id: string, read: boolean, ctx: ActionContext) =>
      inTransaction(id, async (em, c) => {
        const existing = await em.findOne(ConversationRead, { conversation: c.id, user: ctx.actor.userId });
        if (read) {
          const at = now();
          if (existing) existing.lastReadAt = at;
          else
            em.create(ConversationRead, {
              tenant: tenantId,
              conversation: c,
              user: ctx.actor.userId,
              lastReadAt: at,
            });
        } else if (existing) em.remove(existing);
        audit(em, ctx, c.id, read ? 'conversation.read' : 'conversation.unread', {}, {});
        return { id: c.id, unread: !read && c.lastInboundAt !== null };
      }),

    /**
     * The agent waits on the customer: the conversation and its open ticket go `pending`, and
     * the ticket appends `ticket.status_changed` (open → pending; its SLA clock pauses until the
     * customer writes). A resolved ticket cannot wait; one already waiting changes nothing.
     */
    waitOnCustomer: (id: string, ctx: ActionContext) =>
      inTransaction(id, async (em, c, ticket) => {
        if (ticket && (ticket.status === 'resolved' || ticket.status === 'closed'))
          throw new AppError('conflict', 'the ticket is resolved: reopen it before waiting on the customer');
        if (c.status === 'pending' && (!ticket || ticket.status === 'pending'))
          return stateOf(c, ticket, false);
        const before = { status: c.status, ticketStatus: ticket?.status ?? null };
        c.status = 'pending';
        if (ticket && ticket.status !== 'pending') {
          ticket.status = 'pending';
          ticketEvents.statusChanged(em, ticket, before.ticketStatus ?? 'open', now());
        }
        audit(em, ctx, c.id, 'conversation.waiting_on_customer', before, {
          status: c.status,
          ticketStatus: ticket?.status ?? null,
        });
        return stateOf(c, ticket, true);
      }),
  };
};
