import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, notFound, type ReplyVariableValues } from '@c360/domain';
import { Customer } from '../entities/Customer';
import { Tenant } from '../entities/Tenant';
import { Ticket } from '../entities/Ticket';
import { User } from '../entities/User';

export type ReplyContext = { customerId: string; agentId: string; ticketId?: string | null | undefined };

/**
 * The variable values of a reply, read from the customer, the agent writing and the ticket.
 * A value that is empty stays absent, so the composer names it missing instead of inventing one.
 */
export const replyVariablesFor = async (
  em: EntityManager,
  tenantId: string,
  ctx: ReplyContext,
): Promise<ReplyVariableValues> => {
  const customer = await em.findOne(Customer, { id: ctx.customerId });
  if (!customer) throw notFound('customer', ctx.customerId);
  const agent = await em.findOne(User, { id: ctx.agentId });
  if (!agent) throw new AppError('unauthenticated', 'the calling agent no longer exists');
  const ticket = ctx.ticketId ? await em.findOne(Ticket, { id: ctx.ticketId }) : null;
  if (ctx.ticketId && !ticket)
    throw new AppError('validation', 'ticket not found', {
      fields: [{ path: 'body.ticketId', message: `ticket ${ctx.ticketId} not found` }],
    });
  const tenant = await em.findOne(Tenant, { id: tenantId });
  const values: ReplyVariableValues = {
    'customer.firstName': customer.firstName,
    'customer.lastName': customer.lastName,
    'customer.fullName': `${customer.firstName} ${customer.lastName}`.trim(),
    'customer.email': customer.emails[0],
    'agent.name': agent.name,
    'agent.email': agent.email,
    'ticket.id': ticket?.id,
    'ticket.subject': ticket?.subject,
    'tenant.name': tenant?.name,
  };
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => typeof v === 'string' && v.trim().length > 0),
  ) as ReplyVariableValues;
};
