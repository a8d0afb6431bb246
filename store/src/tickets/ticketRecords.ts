import { LockMode, Reference } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, notFound, type FieldProblem } from '@c360/domain';
import { AuditLog } from '../entities/AuditLog';
import { Conversation } from '../entities/Conversation';
import { Customer } from '../entities/Customer';
import { Ticket } from '../entities/Ticket';
import { User } from '../entities/User';
import type { TicketPriority, TicketStatus } from '../entities/vocabulary';
import { forTenant } from '../tenancy/forTenant';
import { ticketEvents } from './ticketEvents';

export type TicketActor = { userId: string | null; requestId: string | null; source: string };

export type TicketCreateInput = {
  customerId: string;
  subject: string;
  description?: string | null;
  priority?: TicketPriority;
  team?: string | null;
  assigneeId?: string | null;
  slaPolicy?: string;
  conversationId?: string | null;
};

export type TicketChangeInput = {
  status?: TicketStatus;
  priority?: TicketPriority;
  team?: string | null;
  assigneeId?: string | null;
  slaPolicy?: string;
};

export const DEFAULT_SLA_POLICY = 'standard';

const OPEN_STATUSES = new Set<TicketStatus>(['open', 'pending']);

const auditTicket = (
  em: EntityManager,
  tenantId: string,
  actor: TicketActor,
  ticket: Ticket,
  action: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  at: Date,
): void => {
  em.create(AuditLog, {
    tenant: tenantId,
    actorType: actor.userId ? 'user' : 'system',
    actorId: actor.userId,
    action,
    entityType: 'ticket',
    entityId: ticket.id,
    before,
    after,
    source: actor.source,
    requestId: actor.requestId,
    createdAt: at,
  });
};

const findAssignee = async (em: EntityManager, id: string | null | undefined, problems: FieldProblem[]) => {
  if (!id) return null;
  const user = await em.findOne(User, { id });
  if (!user) problems.push({ path: 'body.assigneeId', message: 'is not a user of this tenant' });
  return user;
};

/**
 * Tickets opened and changed outside a conversation's actions: each write is one transaction
 * with its audit row and its lifecycle event (`ticket.created`, `ticket.assigned`,
 * `ticket.status_changed`, `ticket.resolved`, `ticket.reopened`), so SLA clocks and surveys
 * follow every change.
 */
export const ticketRecords = (rootEm: EntityManager, tenantId: string, now: () => Date) => ({
  create: (input: TicketCreateInput, actor: TicketActor): Promise<Ticket> =>
    forTenant(rootEm.fork(), tenantId).transactional(async (em) => {
      const problems: FieldProblem[] = [];
      const customer = await em.findOne(Customer, { id: input.customerId });
      if (!customer) throw notFound('customer', input.customerId);
      const assignee = await findAssignee(em, input.assigneeId, problems);
      const conversation = input.conversationId
        ? await em.findOne(
            Conversation,
            { id: input.conversationId },
            { lockMode: LockMode.PESSIMISTIC_WRITE },
          )
        : null;
      if (input.conversationId && !conversation)
        problems.push({ path: 'body.conversationId', message: 'is not a conversation of this tenant' });
      else if (conversation && conversation.customer.id !== customer.id)
        problems.push({ path: 'body.conversationId', message: "is another customer's conversation" });
      else if (conversation?.ticket)
        problems.push({
          path: 'body.conversationId',
          message: `already has ticket ${conversation.ticket.id}`,
        });
      if (problems.length > 0)
        throw new AppError('validation', 'the ticket cannot be opened', { fields: problems });

      const at = now();
      const ticket = em.create(Ticket, {
        tenant: tenantId,
        customer,
        subject: input.subject,
        description: input.description ?? null,
        priority: input.priority ?? 'normal',
        team: input.team ?? null,
        assignee,
        slaPolicy: input.slaPolicy ?? DEFAULT_SLA_POLICY,
        createdAt: at,
      });
      if (conversation) conversation.ticket = Reference.create(ticket);
      auditTicket(em, tenantId, actor, ticket, 'ticket.created', null, { subject: ticket.subject }, at);
      ticketEvents.created(em, ticket, at);
      await em.flush();
      return ticket;
    }),

  change: (
    id: string,
    change: TicketChangeInput,
    actor: TicketActor,
  ): Promise<{ ticket: Ticket; changed: boolean }> =>
    forTenant(rootEm.fork(), tenantId).transactional(async (em) => {
      const ticket = await em.findOne(Ticket, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!ticket) throw notFound('ticket', id);
      const problems: FieldProblem[] = [];
      const assignee =
        change.assigneeId === undefined ? undefined : await findAssignee(em, change.assigneeId, problems);
      if (problems.length > 0)
        throw new AppError('validation', 'the ticket cannot be changed', { fields: problems });

      const at = now();
      const before = {
        status: ticket.status,
        priority: ticket.priority,
        team: ticket.team ?? null,
        assigneeId: ticket.assignee?.id ?? null,
        slaPolicy: ticket.slaPolicy,
      };
      if (change.priority !== undefined) ticket.priority = change.priority;
      const owner = {
        team: change.team === undefined ? before.team : change.team,
        assigneeId: assignee === undefined ? before.assigneeId : (assignee?.id ?? null),
        slaPolicy: change.slaPolicy ?? before.slaPolicy,
      };
      const ownerChanged =
        owner.team !== before.team ||
        owner.assigneeId !== before.assigneeId ||
        owner.slaPolicy !== before.slaPolicy;
      if (ownerChanged) {
        ticket.team = owner.team;
        if (assignee !== undefined) ticket.assignee = assignee ? Reference.create(assignee) : null;
        ticket.slaPolicy = owner.slaPolicy;
        ticketEvents.assigned(em, ticket, at);
      }
      const status = change.status ?? before.status;
      if (status !== before.status) {
        const wasOpen = OPEN_STATUSES.has(before.status);
        const isOpen = OPEN_STATUSES.has(status);
        ticket.status = status;
        if (wasOpen && !isOpen) {
          if (status === 'resolved' || !ticket.resolvedAt) {
            ticket.resolvedAt = at;
            ticket.autoResolved = false;
            ticketEvents.resolved(em, ticket, at, null);
          }
        } else if (!wasOpen && isOpen) {
          ticket.resolvedAt = null;
          ticketEvents.reopened(em, ticket, at);
        } else ticketEvents.statusChanged(em, ticket, before.status, at);
      }
      const after = {
        status: ticket.status,
        priority: ticket.priority,
        team: ticket.team ?? null,
        assigneeId: ticket.assignee?.id ?? null,
        slaPolicy: ticket.slaPolicy,
      };
      const changed = JSON.stringify(before) !== JSON.stringify(after);
      if (changed) auditTicket(em, tenantId, actor, ticket, 'ticket.changed', before, after, at);
      await em.flush();
      return { ticket, changed };
    }),
});
