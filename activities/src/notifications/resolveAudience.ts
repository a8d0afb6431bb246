import type { EntityManager } from '@mikro-orm/postgresql';
import { Customer, User } from '@c360/store';
import type { NotifyAudience } from '@c360/workflows';

export type AudienceMember = { id: string; email: string; name: string };

/**
 * The active users of the tenant an audience names: listed ids, holders of any listed role, and
 * the customer's owner. Ids of other tenants or of unknown users simply match nobody, since
 * `em` is scoped to the tenant. Each user once, in a stable order.
 */
export const resolveAudience = async (
  em: EntityManager,
  audience: NotifyAudience,
): Promise<AudienceMember[]> => {
  const ids = new Set(audience.userIds ?? []);
  if (audience.ownerOfCustomerId) {
    const customer = await em.findOne(Customer, { id: audience.ownerOfCustomerId }, { fields: ['owner'] });
    const owner = customer?.owner?.id;
    if (owner) ids.add(owner);
  }
  const roles = audience.roles ?? [];
  const or: object[] = [];
  if (ids.size > 0) or.push({ id: { $in: [...ids] } });
  if (roles.length > 0) or.push({ roles: { $overlap: roles } });
  if (or.length === 0) return [];
  const users = await em.find(
    User,
    { isActive: true, $or: or },
    { fields: ['id', 'email', 'name'], orderBy: { id: 'asc' } },
  );
  return users.map((u) => ({ id: u.id, email: u.email, name: u.name }));
};
