import type { EntityManager } from '@mikro-orm/core';
import type { Ticket } from '../entities/Ticket';
import { appendOutboxEvent } from '../outbox/appendOutboxEvent';
import {
  TICKET_AGENT_REPLIED,
  TICKET_ASSIGNED,
  TICKET_CREATED,
  TICKET_REOPENED,
  TICKET_RESOLVED,
  TICKET_STATUS_CHANGED,
  type TicketAgentRepliedPayload,
  type TicketAssignedPayload,
  type TicketCreatedPayload,
  type TicketReopenedPayload,
  type TicketResolvedPayload,
  type TicketStatusChangedPayload,
} from '../outbox/outboxEventTypes';

const append = (em: EntityManager, ticket: Ticket, type: string, payload: Record<string, unknown>): void => {
  appendOutboxEvent(em, { type, aggregateType: 'ticket', aggregateId: ticket.id, payload });
};

/**
 * The ticket's lifecycle events, appended in the transaction that makes the change: SLA clocks,
 * surveys and playbooks start and stop on them. Every writer of tickets (the tickets API, the
 * inbox) goes through these, so each change is announced the same way.
 */
export const ticketEvents = {
  created(em: EntityManager, ticket: Ticket, at: Date): void {
    append(em, ticket, TICKET_CREATED, {
      ticketId: ticket.id,
      customerId: ticket.customer.id,
      slaPolicy: ticket.slaPolicy,
      priority: ticket.priority,
      createdAt: at.toISOString(),
    } satisfies TicketCreatedPayload);
  },
  resolved(em: EntityManager, ticket: Ticket, at: Date, conversationId: string | null): void {
    append(em, ticket, TICKET_RESOLVED, {
      ticketId: ticket.id,
      customerId: ticket.customer.id,
      conversationId,
      resolvedAt: at.toISOString(),
      autoResolved: ticket.autoResolved,
    } satisfies TicketResolvedPayload);
  },
  reopened(em: EntityManager, ticket: Ticket, at: Date): void {
    append(em, ticket, TICKET_REOPENED, {
      ticketId: ticket.id,
      customerId: ticket.customer.id,
      reopenedAt: at.toISOString(),
    } satisfies TicketReopenedPayload);
  },
  /**
   * An agent answered on the ticket's conversation: its first response if it is the first (the
   * ticket records when), and the SLA clock hears of every reply. `messageId` is null for a reply
   * the customer's quiet hours hold: the agent has answered, the message goes when they end.
   */
  agentReplied(
    em: EntityManager,
    ticket: Ticket,
    reply: { conversationId: string; messageId: string | null; at: Date },
  ): void {
    const firstResponse = !ticket.firstRespondedAt;
    if (firstResponse) ticket.firstRespondedAt = reply.at;
    append(em, ticket, TICKET_AGENT_REPLIED, {
      ticketId: ticket.id,
      customerId: ticket.customer.id,
      conversationId: reply.conversationId,
      messageId: reply.messageId,
      at: reply.at.toISOString(),
      firstResponse,
    } satisfies TicketAgentRepliedPayload);
  },
  assigned(em: EntityManager, ticket: Ticket, at: Date): void {
    append(em, ticket, TICKET_ASSIGNED, {
      ticketId: ticket.id,
      customerId: ticket.customer.id,
      assigneeId: ticket.assignee?.id ?? null,
      team: ticket.team ?? null,
      slaPolicy: ticket.slaPolicy,
      assignedAt: at.toISOString(),
    } satisfies TicketAssignedPayload);
  },
  statusChanged(em: EntityManager, ticket: Ticket, from: string, at: Date): void {
    append(em, ticket, TICKET_STATUS_CHANGED, {
      ticketId: ticket.id,
      customerId: ticket.customer.id,
      from,
      to: ticket.status,
      changedAt: at.toISOString(),
    } satisfies TicketStatusChangedPayload);
  },
};
