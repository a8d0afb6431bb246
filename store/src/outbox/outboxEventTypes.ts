/** A customer or a record that feeds their profile changed: reindex them, re-evaluate segments. */
export const CUSTOMER_CHANGED = 'customer.changed';
/** A customer was removed: drop them from the index and from every segment. */
export const CUSTOMER_DELETED = 'customer.deleted';

export type CustomerChangedPayload = { customerId: string; reasons: string[] };
export type CustomerDeletedPayload = { customerId: string };

/** A ticket was resolved (by an agent, or automatically): surveys and reports follow it. */
export const TICKET_RESOLVED = 'ticket.resolved';
export type TicketResolvedPayload = {
  ticketId: string;
  customerId: string;
  conversationId: string | null;
  resolvedAt: string;
  autoResolved: boolean;
};
