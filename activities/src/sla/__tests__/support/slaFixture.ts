import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Customer, forTenant, Tenant, Ticket, User } from '@c360/store';

export type SlaFixture = {
  tenantId: string;
  customerId: string;
  agentId: string;
  otherAgentId: string;
  managerId: string;
};

/** SLA settings of the test tenant: short, round policies so the arithmetic reads in minutes. */
export const TEST_SLA_SETTINGS = {
  policies: {
    standard: { firstResponseMinutes: 60, resolutionMinutes: 600 },
    gold: { firstResponseMinutes: 15, resolutionMinutes: 120 },
  },
  defaultPolicy: 'standard',
  riskThreshold: 0.8,
};

/** A tenant with SLA settings, a customer, two agents and a manager. */
export const createSlaFixture = async (orm: MikroORM): Promise<SlaFixture> => {
  const root = orm.em.fork();
  const tenant = root.create(Tenant, {
    name: 'SLA',
    slug: `sla-${randomUUID().slice(0, 8)}`,
    timeZone: 'UTC',
    settings: { sla: TEST_SLA_SETTINGS },
  });
  await root.flush();
  const em = forTenant(orm.em.fork(), tenant.id);
  const user = (name: string, roles: User['roles']) =>
    em.create(User, {
      tenant: tenant.id,
      email: `${name}-${randomUUID().slice(0, 6)}@example.test`,
      name,
      passwordHash: 'x',
      roles,
    });
  const agent = user('agent', ['agent']);
  const other = user('other', ['agent']);
  const manager = user('manager', ['manager']);
  const customer = em.create(Customer, {
    tenant: tenant.id,
    firstName: 'Ada',
    lastName: 'Lovelace',
    timeZone: 'UTC',
    language: 'en',
  });
  await em.flush();
  return {
    tenantId: tenant.id,
    customerId: customer.id,
    agentId: agent.id,
    otherAgentId: other.id,
    managerId: manager.id,
  };
};

/** An open ticket created at `createdAt` (the test server's clock) on the given policy. */
export const createTicket = async (
  orm: MikroORM,
  f: SlaFixture,
  createdAt: Date,
  opts: { slaPolicy?: string; assigneeId?: string | null } = {},
): Promise<string> => {
  const em = forTenant(orm.em.fork(), f.tenantId);
  const ticket = em.create(Ticket, {
    tenant: f.tenantId,
    customer: f.customerId,
    subject: 'The parcel never came',
    slaPolicy: opts.slaPolicy ?? 'standard',
    assignee: opts.assigneeId === undefined ? f.agentId : opts.assigneeId,
    createdAt,
  });
  await em.flush();
  return ticket.id;
};

export const loadTicket = (orm: MikroORM, f: SlaFixture, id: string) =>
  forTenant(orm.em.fork(), f.tenantId).findOneOrFail(Ticket, { id });
