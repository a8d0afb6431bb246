import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { resolveSlaPolicy } from '@c360/domain';
import {
  forTenant,
  loadSlaSettings,
  openSlaTickets,
  recordSlaBreach,
  recordSlaDueDates,
  Tenant,
  Ticket,
} from '@c360/store';
import type { SlaActivities, SlaBackfillActivities } from '@c360/workflows';

export type SlaActivityDeps = { orm: MikroORM };

/** The tenant's policy by name, business hours in the tenant's zone unless they name one. */
const policyOf = async (em: EntityManager, tenantId: string, name: string | null) => {
  const tenant = await em.findOneOrFail(Tenant, { id: tenantId }, { fields: ['timeZone'] });
  return resolveSlaPolicy(await loadSlaSettings(em, tenantId), name, tenant.timeZone);
};

const date = (iso: string | null): Date | null => (iso === null ? null : new Date(iso));

/** Activities of the SLA clock workflow: the ticket and its policy in, due dates and breaches out. */
export const createSlaActivities = (deps: SlaActivityDeps): SlaActivities & SlaBackfillActivities => ({
  async listOpenSlaTickets({ tenantId, afterTicketId, limit }) {
    return openSlaTickets(forTenant(deps.orm.em.fork(), tenantId), tenantId, { afterTicketId, limit });
  },

  async loadSlaTicket({ tenantId, ticketId }) {
    const em = forTenant(deps.orm.em.fork(), tenantId);
    const ticket = await em.findOne(Ticket, { id: ticketId });
    if (!ticket) return null;
    return {
      status: ticket.status,
      customerId: ticket.customer.id,
      subject: ticket.subject,
      assigneeId: ticket.assignee?.id ?? null,
      firstRespondedAt: ticket.firstRespondedAt?.toISOString() ?? null,
      policy: await policyOf(em, tenantId, ticket.slaPolicy),
    };
  },

  async resolveSlaPolicy({ tenantId, policyName }) {
    return policyOf(deps.orm.em.fork(), tenantId, policyName);
  },

  async recordSlaDueDates({ tenantId, ticketId, firstResponseDueAt, resolutionDueAt }) {
    await recordSlaDueDates(deps.orm.em, tenantId, {
      ticketId,
      ...(firstResponseDueAt !== undefined ? { firstResponseDueAt: date(firstResponseDueAt) } : {}),
      resolutionDueAt: date(resolutionDueAt),
    });
  },

  async recordSlaBreach({ tenantId, ticketId, target, policy, dueAt, breachedAt, dedupeKey }) {
    return recordSlaBreach(deps.orm.em, tenantId, {
      ticketId,
      target,
      policy,
      dueAt: new Date(dueAt),
      breachedAt: new Date(breachedAt),
      dedupeKey,
    });
  },
});
