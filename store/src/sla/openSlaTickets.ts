import type { EntityManager } from '@mikro-orm/postgresql';
import { TICKET_REOPENED } from '../outbox/outboxEventTypes';

/** An open ticket as the SLA backfill starts its clock: the opening the clock measures. */
export type OpenSlaTicket = {
  ticketId: string;
  customerId: string;
  /** The latest reopening (from its `ticket.reopened` event), else the ticket's creation (ISO). */
  openedAt: string;
  cycle: 'created' | 'reopened';
};

/**
 * One page of a tenant's open tickets (open or pending), in id order after `afterTicketId`, each
 * with the opening its SLA clock measures.
 */
export const openSlaTickets = async (
  em: EntityManager,
  tenantId: string,
  page: { afterTicketId: string | null; limit: number },
): Promise<OpenSlaTicket[]> => {
  const rows = await em.execute<
    { id: string; customer_id: string; created_at: Date; reopened_at: string | null }[]
  >(
    `select t.id, t.customer_id, t.created_at, r.reopened_at
       from ticket t
       left join lateral (
         select o.payload ->> 'reopenedAt' as reopened_at from outbox_event o
          where o.aggregate_type = 'ticket' and o.aggregate_id = t.id::text
            and o.tenant_id = t.tenant_id and o.type = ?
          order by o.id desc limit 1
       ) r on true
      where t.tenant_id = ? and t.status in ('open', 'pending') and (?::uuid is null or t.id > ?::uuid)
      order by t.id
      limit ?`,
    [TICKET_REOPENED, tenantId, page.afterTicketId, page.afterTicketId, page.limit],
  );
  return rows.map((r) => ({
    ticketId: r.id,
    customerId: r.customer_id,
    openedAt: r.reopened_at ?? new Date(r.created_at).toISOString(),
    cycle: r.reopened_at ? 'reopened' : 'created',
  }));
};
