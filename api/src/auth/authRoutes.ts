import { z } from 'zod';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, ROLES } from '@c360/domain';
import { forTenant, hashPassword, passwordNeedsRehash, Tenant, User, verifyPassword } from '@c360/store';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import type { AccessTokens } from './accessTokens';
import type { LoginThrottle } from './loginThrottle';

const loginBodySchema = z
  .strictObject({
    tenant: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a tenant slug (lower-case letters, digits, -)')
      .meta({ description: "the tenant's slug", example: 'acme' }),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email().max(320))
      .meta({ format: 'email', example: 'admin@acme.test' }),
    password: z.string().min(1).max(1024),
  })
  .meta({ id: 'LoginRequest' });

const userSchema = z
  .object({
    id: z.uuid(),
    tenantId: z.uuid(),
    email: z.string(),
    name: z.string(),
    roles: z.array(z.enum(ROLES)),
  })
  .meta({ id: 'CurrentUser' });

const loginResponseSchema = z
  .object({
    accessToken: z.string().meta({ description: 'send as `Authorization: Bearer <accessToken>`' }),
    tokenType: z.literal('Bearer'),
    expiresAt: z.iso.datetime(),
    user: userSchema,
    tenant: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
  })
  .meta({ id: 'LoginResponse' });

const BAD_CREDENTIALS = 'the tenant, e-mail or password is wrong';

export type AuthRouteDeps = {
  em: EntityManager;
  tokens: AccessTokens;
  throttle: LoginThrottle;
  now: () => Date;
};

/** Sign-in (tenant slug, e-mail, password → signed access token) and the current user. */
export const authRoutes = (deps: AuthRouteDeps): ApiRoute[] => {
  // Unknown tenants and users still pay for one hash check, so timing does not reveal which accounts exist.
  let decoyHash: Promise<string> | undefined;
  const decoy = () => (decoyHash ??= hashPassword('decoy password that matches nothing'));

  return [
    defineRoute({
      method: 'post',
      path: '/api/v1/auth/login',
      operationId: 'login',
      summary: 'Sign in and get an access token',
      description:
        'Wrong tenant, e-mail and password give the same 401. Repeated failures for one account or from one address ' +
        'are refused with 429 for a while.',
      tags: ['auth'],
      access: 'public',
      body: loginBodySchema,
      responses: { 200: { description: 'Signed in', schema: loginResponseSchema } },
      errors: [429],
      handler: async ({ body, req }) => {
        const keys = { account: `${body.tenant}:${body.email}`, client: req.ip ?? 'unknown' };
        deps.throttle.check(keys, deps.now().getTime());

        const em = deps.em.fork();
        const tenant = await em.findOne(Tenant, { slug: body.tenant });
        const tenantEm = tenant ? forTenant(em, tenant.id) : null;
        const user = tenantEm
          ? await tenantEm.findOne(User, { email: body.email }, { populate: ['passwordHash'] })
          : null;
        // `passwordHash` is lazy (never loaded unless asked for) and arrives as a scalar reference.
        const passwordOk = await verifyPassword(
          body.password,
          user?.passwordHash.unwrap() ?? (await decoy()),
        );
        if (!tenant || !tenantEm || !user || !user.isActive || !passwordOk) {
          deps.throttle.recordFailure(keys, deps.now().getTime());
          throw new AppError('unauthenticated', BAD_CREDENTIALS);
        }
        deps.throttle.recordSuccess(keys);

        const now = deps.now();
        user.lastLoginAt = now;
        // Hashes made with weaker parameters are upgraded while the password is at hand.
        if (passwordNeedsRehash(user.passwordHash.unwrap() ?? '')) {
          user.passwordHash.set(await hashPassword(body.password));
        }
        await tenantEm.flush();
        const roles = [...user.roles];
        const { token, expiresAt } = await deps.tokens.issue(
          { userId: user.id, tenantId: tenant.id, roles },
          now,
        );
        return {
          status: 200,
          body: {
            accessToken: token,
            tokenType: 'Bearer',
            expiresAt: expiresAt.toISOString(),
            user: { id: user.id, tenantId: tenant.id, email: user.email, name: user.name, roles },
            tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name },
          },
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/auth/me',
      operationId: 'getCurrentUser',
      summary: 'The signed-in user',
      tags: ['auth'],
      access: ROLES,
      responses: { 200: { description: 'The user the token belongs to', schema: userSchema } },
      handler: async ({ principal }) => {
        const user = await forTenant(deps.em, principal.tenantId).findOne(User, {
          id: principal.userId,
        });
        // A valid token for a removed or disabled account is no longer a way in.
        if (!user || !user.isActive)
          throw new AppError('unauthenticated', 'the account behind this token no longer exists');
        return {
          status: 200,
          body: {
            id: user.id,
            tenantId: principal.tenantId,
            email: user.email,
            name: user.name,
            roles: [...user.roles],
          },
        };
      },
    }),
  ];
};
