import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Role } from '@c360/domain';
import { Customer, forTenant, NotificationPreference, Tenant, User, type TenantSettings } from '@c360/store';
import type { NotificationCategory } from '@c360/workflows';

export type FixtureUser = { id: string; email: string };

/** A tenant with users of the given roles (and one inactive manager), and a customer owned by the first agent. */
export const createNotificationTenant = async (orm: MikroORM, settings: TenantSettings = {}) => {
  const root = orm.em.fork();
  const tag = randomUUID().slice(0, 8);
  const tenant = root.create(Tenant, {
    name: `Notify ${tag}`,
    slug: `notify-${tag}`,
    timeZone: 'UTC',
    settings,
  });
  await root.flush();
  const em = forTenant(orm.em.fork(), tenant.id);
  const user = (name: string, roles: Role[], isActive = true): User =>
    em.create(User, {
      tenant: tenant.id,
      email: `${name}-${tag}@c360.test`,
      name,
      passwordHash: 'x',
      roles,
      isActive,
    });
  const users = {
    agent: user('agent', ['agent']),
    agent2: user('agent2', ['agent']),
    manager: user('manager', ['manager']),
    managerAdmin: user('boss', ['manager', 'admin']),
    retired: user('retired', ['manager'], false),
  };
  const customer = em.create(Customer, {
    tenant: tenant.id,
    firstName: 'Ana',
    lastName: 'Lima',
    timeZone: 'UTC',
    language: 'en',
    owner: users.agent.id,
  });
  await em.flush();
  const setPreference = async (userId: string, category: NotificationCategory, delivery: string) => {
    const scoped = forTenant(orm.em.fork(), tenant.id);
    scoped.create(NotificationPreference, {
      tenant: tenant.id,
      user: userId,
      category,
      delivery: delivery as NotificationPreference['delivery'],
    });
    await scoped.flush();
  };
  return { tenantId: tenant.id, users, customerId: customer.id, setPreference };
};
