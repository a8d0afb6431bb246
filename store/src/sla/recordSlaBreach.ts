import type { EntityManager } from '@mikro-orm/postgresql';
import type { SlaTarget } from '@c360/domain';
import { OutboxEvent } from '../entities/OutboxEvent';
import { Ticket } from '../entities/Ticket';
import { appendOutboxEvent } from '../outbox/appendOutboxEvent';
import { TICKET_SLA_BREACHED, type TicketSlaBreachedPayload } from '../outbox/outboxEventTypes';
import { forTenant } from '../tenancy/forTenant';

export type SlaBreach = {
  ticketId: string;
  target: SlaTarget;
  policy: string;
  dueAt: Date;
  breachedAt: Date;
  /** One breach event per key (ticket, opening, deadline), however often this runs. */
  dedupeKey: string;
};

/**
 * Marks a ticket's deadline breached: sets its breach flag (which stays set, for reporting) and
 * appends `ticket.sla_breached`, in one transaction. Running it again with the same dedupe key
 * changes nothing, so a retried activity does not raise the event twice. A ticket that is gone
 * records nothing.
 */
export const recordSlaBreach = (
  root: EntityManager,
  tenantId: string,
  breach: SlaBreach,
): Promise<{ recorded: boolean }> =>
  forTenant(root.fork(), tenantId).transactional(async (em) => {
    const ticket = await em.findOne(Ticket, { id: breach.ticketId });
    if (!ticket) return { recorded: false };
    const seen = await em.count(OutboxEvent, {
      tenantId,
      aggregateType: 'ticket',
      aggregateId: breach.ticketId,
      type: TICKET_SLA_BREACHED,
      payload: { dedupeKey: breach.dedupeKey },
    });
    if (seen > 0) return { recorded: false };
    if (breach.target === 'first_response') ticket.firstResponseBreached = true;
    else ticket.resolutionBreached = true;
    const payload: TicketSlaBreachedPayload = {
      ticketId: ticket.id,
      customerId: ticket.customer.id,
      target: breach.target,
      policy: breach.policy,
      dueAt: breach.dueAt.toISOString(),
      breachedAt: breach.breachedAt.toISOString(),
      dedupeKey: breach.dedupeKey,
    };
    appendOutboxEvent(em, {
      type: TICKET_SLA_BREACHED,
      aggregateType: 'ticket',
      aggregateId: ticket.id,
      payload,
    });
    return { recorded: true };
  });

/**
 * Writes the due dates an SLA clock computed, on a ticket still open (a late write after the
 * resolution changes nothing). `firstResponseDueAt` left out keeps the stored one.
 */
export const recordSlaDueDates = (
  root: EntityManager,
  tenantId: string,
  input: { ticketId: string; firstResponseDueAt?: Date | null; resolutionDueAt: Date | null },
): Promise<void> =>
  forTenant(root.fork(), tenantId).transactional(async (em) => {
    const ticket = await em.findOne(Ticket, { id: input.ticketId, status: { $in: ['open', 'pending'] } });
    if (!ticket) return;
    if (input.firstResponseDueAt !== undefined) ticket.firstResponseDueAt = input.firstResponseDueAt;
    ticket.resolutionDueAt = input.resolutionDueAt;
  });
