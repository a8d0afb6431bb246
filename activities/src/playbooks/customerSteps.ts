import { LockMode, type MikroORM } from '@mikro-orm/postgresql';
import type { CustomerEngagement } from '@c360/domain';
import { Customer, forTenant, Ticket, type TicketPriority } from '@c360/store';
import type { PlaybookActivities } from '@c360/workflows';

const PRIORITY_RANK = { low: 0, normal: 1, high: 2, urgent: 3 } as const;

/**
 * Playbook steps on a customer: the VIP tag, the priority of their open tickets, and whether
 * they engaged. Writes go through the unit of work, so the outbox announces them
 * (`customer.changed`) and the search document follows.
 */
export const createCustomerSteps = (
  orm: MikroORM,
): Pick<PlaybookActivities, 'tagCustomer' | 'raiseOpenTicketPriority' | 'customerEngagedSince'> => ({
  async tagCustomer({ tenantId, customerId, tag }) {
    const em = forTenant(orm.em, tenantId);
    return em.transactional(async (tx) => {
      const customer = await tx.findOne(
        Customer,
        { id: customerId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!customer) return { added: false };
      const tags = customer.tags as string[];
      if (tags.some((t) => t.toLowerCase() === tag.toLowerCase())) return { added: false };
      customer.tags = [...tags, tag];
      return { added: true };
    });
  },

  async raiseOpenTicketPriority({ tenantId, customerId, priority }) {
    const em = forTenant(orm.em, tenantId);
    return em.transactional(async (tx) => {
      const tickets = await tx.find(
        Ticket,
        { customer: customerId, status: { $in: ['open', 'pending'] } },
        { orderBy: { createdAt: 'asc' } },
      );
      const raised: string[] = [];
      for (const ticket of tickets) {
        if (PRIORITY_RANK[ticket.priority as TicketPriority] >= PRIORITY_RANK[priority]) continue;
        ticket.priority = priority;
        raised.push(ticket.id);
      }
      return { raised };
    });
  },

  async customerEngagedSince({ tenantId, customerId, since }) {
    // See domain/src/playbooks/engagement.ts for what counts: inbound messages and new deals.
    const rows = await orm.em.fork().execute<{ kind: CustomerEngagement['kind']; at: Date }[]>(
      `select kind, at from (
         select 'inbound_message' as kind, m.sent_at as at
         from message m join conversation c on c.id = m.conversation_id
         where m.tenant_id = ? and c.customer_id = ? and m.direction = 'inbound' and m.sent_at > ?
         union all
         select 'order' as kind, d.created_at as at
         from deal d where d.tenant_id = ? and d.customer_id = ? and d.created_at > ?
       ) e order by at limit 1`,
      [tenantId, customerId, new Date(since), tenantId, customerId, new Date(since)],
    );
    const first = rows[0];
    return first ? { kind: first.kind, at: new Date(first.at).toISOString() } : null;
  },
});
