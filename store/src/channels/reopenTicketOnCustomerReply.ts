import type { EntityManager } from '@mikro-orm/postgresql';
import type { Conversation } from '../entities/Conversation';
import { Ticket } from '../entities/Ticket';
import { ticketEvents } from '../tickets/ticketEvents';

/**
 * A customer's message on a conversation whose ticket waits on them (`pending`): the ticket goes
 * back to `open` with its `ticket.status_changed` event, so its SLA clock resumes. Runs inside
 * the inbound message's transaction; answers whether it changed the ticket.
 */
export const reopenTicketOnCustomerReply = async (
  tx: EntityManager,
  conversation: Conversation,
  sentAt: Date,
): Promise<boolean> => {
  if (!conversation.ticket) return false;
  const ticket = await tx.findOne(Ticket, { id: conversation.ticket.id, status: 'pending' });
  if (!ticket) return false;
  ticket.status = 'open';
  ticketEvents.statusChanged(tx, ticket, 'pending', sentAt);
  return true;
};
