import { LockMode, UniqueConstraintViolationException, type MikroORM } from '@mikro-orm/postgresql';
import { forTenant, PlaybookTicket, Ticket, ticketEvents, User } from '@c360/store';
import type { FollowUpTicket, OpenFollowUpTicketInput, PlaybookActivities } from '@c360/workflows';

/** The team lead: the configured user if active in the tenant, else the first active manager by email. */
const teamLead = async (
  em: ReturnType<MikroORM['em']['fork']>,
  configured: string | null,
): Promise<string | null> => {
  if (configured) {
    const user = await em.findOne(User, { id: configured, isActive: true });
    if (user) return user.id;
  }
  const [manager] = await em.find(
    User,
    { isActive: true, roles: { $contains: ['manager'] } },
    { orderBy: { email: 'asc' }, limit: 1 },
  );
  return manager?.id ?? null;
};

const existing = async (
  em: ReturnType<MikroORM['em']['fork']>,
  key: string,
): Promise<FollowUpTicket | null> => {
  const row = await em.findOne(PlaybookTicket, { key }, { populate: ['ticket'] });
  if (!row) return null;
  const ticket = row.ticket.getEntity();
  return { ticketId: ticket.id, assigneeId: ticket.assignee?.id ?? null, created: false };
};

/**
 * The low-score follow-up ticket: opened once per playbook run (the key is the run's business id
 * and step, unique per tenant), so a retried activity returns the ticket it opened before.
 */
export const createFollowUpTicketSteps = (
  orm: MikroORM,
): Pick<PlaybookActivities, 'openFollowUpTicket' | 'ticketResolved' | 'escalateTicket'> => {
  const open = async (input: OpenFollowUpTicketInput): Promise<FollowUpTicket> =>
    forTenant(orm.em, input.tenantId).transactional(async (tx) => {
      const found = await existing(tx, input.key);
      if (found) return found;
      const rated = await tx.findOne(Ticket, { id: input.sourceTicketId });
      const assigneeId = await teamLead(tx, input.teamLeadUserId);
      const at = new Date();
      const ticket = tx.create(Ticket, {
        tenant: input.tenantId,
        customer: input.customerId,
        subject:
          `Follow-up: ${input.kind.toUpperCase()} ${input.score} on "${rated?.subject ?? input.sourceTicketId}"`.slice(
            0,
            500,
          ),
        description: `Opened by the low-rating playbook after the customer rated ticket ${input.sourceTicketId} ${input.score} (${input.kind}).`,
        priority: input.priority,
        status: 'open',
        team: rated?.team ?? null,
        assignee: assigneeId,
        slaPolicy: rated?.slaPolicy ?? 'standard',
        createdAt: at,
      });
      // Announced like every other new ticket, so its SLA clock starts.
      ticketEvents.created(tx, ticket, at);
      tx.create(PlaybookTicket, {
        tenant: input.tenantId,
        key: input.key,
        ticket,
        workflowId: input.workflowId,
      });
      return { ticketId: ticket.id, assigneeId, created: true };
    });

  return {
    async openFollowUpTicket(input) {
      try {
        return await open(input);
      } catch (error) {
        // Two attempts raced and the other one committed first: its ticket is the one.
        if (!(error instanceof UniqueConstraintViolationException)) throw error;
        const found = await existing(forTenant(orm.em, input.tenantId), input.key);
        if (!found) throw error;
        return found;
      }
    },

    async ticketResolved({ tenantId, ticketId }) {
      const ticket = await forTenant(orm.em, tenantId).findOne(Ticket, { id: ticketId });
      return !ticket || ticket.status === 'resolved' || ticket.status === 'closed';
    },

    async escalateTicket({ tenantId, ticketId }) {
      return forTenant(orm.em, tenantId).transactional(async (tx) => {
        const ticket = await tx.findOne(Ticket, { id: ticketId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (!ticket || ticket.status === 'resolved' || ticket.status === 'closed') return false;
        ticket.priority = 'urgent';
        return true;
      });
    },
  };
};
