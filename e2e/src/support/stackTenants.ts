import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Role } from '@c360/domain';
import { createAccessTokens, createLogger } from '@c360/api';
import { forTenant, hashPassword, Tenant, User } from '@c360/store';

/** What the e2e stacks share: access tokens, quiet loggers, and tenants with one user per role. */

export type StackTenant = {
  id: string;
  slug: string;
  tokens: Record<Role, string>;
  /** The user of each role (its id), e.g. a customer's owner. */
  userIds: Record<Role, string>;
};

/** The relay's and dispatcher's logger in a test: nothing printed. */
export const silentLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** The API app's logger in a test: level error, written nowhere. */
export const silentAppLogger = () =>
  createLogger({ level: 'error', destination: new Writable({ write: (_c, _e, done) => done() }) });

/** The access tokens the stacks' API apps accept (a secret only these tests use). */
export const stackAccessTokens = () =>
  createAccessTokens({ secret: 'e2e-only-secret-0123456789abcdef0123456789', ttlSeconds: 600 });

/**
 * Makes tenants (slug `<label>-<random>`, settings as given) with one user per role, and a
 * bearer token for each.
 */
export const stackTenants = (orm: MikroORM, tokens: ReturnType<typeof stackAccessTokens>) => {
  let passwordHash: Promise<string> | null = null;
  return async (
    label: string,
    { roles, settings = {} }: { roles: Role[]; settings?: Record<string, unknown> },
  ): Promise<StackTenant> => {
    passwordHash ??= hashPassword('e2e password that nobody uses');
    const slug = `${label}-${randomUUID().slice(0, 8)}`;
    const root = orm.em.fork();
    const t = root.create(Tenant, { name: slug, slug, timeZone: 'UTC', settings });
    await root.flush();
    const scoped = forTenant(orm.em.fork(), t.id);
    const tokensByRole = {} as Record<Role, string>;
    const userIds = {} as Record<Role, string>;
    for (const role of roles) {
      const user = scoped.create(User, {
        tenant: t.id,
        email: `${role}@${slug}.test`,
        name: role,
        passwordHash: await passwordHash,
        roles: [role],
      });
      await scoped.flush();
      userIds[role] = user.id;
      tokensByRole[role] =
        `Bearer ${(await tokens.issue({ userId: user.id, tenantId: t.id, roles: [role] }, new Date())).token}`;
    }
    return { id: t.id, slug, tokens: tokensByRole, userIds };
  };
};
