import { randomBytes, scryptSync } from 'node:crypto';
import { decodeJwt, SignJWT } from 'jose';
import { forTenant, passwordNeedsRehash, User, verifyPassword } from '@c360/store';
import request from 'supertest';
import { createAccessTokens } from '../auth/accessTokens';
import {
  createCustomer,
  JWT_SECRET,
  openTestContext,
  PASSWORD,
  type TestContext,
} from './support/testContext';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await openTestContext('auth', {
    loginThrottle: { maxFailuresPerAccount: 3, maxFailuresPerClient: 1000, windowMs: 60_000 },
  });
});
afterAll(() => ctx?.close());

const login = (body: Record<string, unknown>) => request(ctx.app).post('/api/v1/auth/login').send(body);

describe('POST /api/v1/auth/login', () => {
  it('signs in with tenant slug, e-mail and password and returns a token carrying the tenant and roles', async () => {
    const res = await login({
      tenant: ctx.a.slug,
      email: ctx.a.users.manager.email.toUpperCase(),
      password: PASSWORD,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      tokenType: 'Bearer',
      user: {
        id: ctx.a.users.manager.id,
        tenantId: ctx.a.id,
        email: ctx.a.users.manager.email,
        roles: ['manager'],
      },
      tenant: { id: ctx.a.id, slug: ctx.a.slug },
    });
    const claims = decodeJwt(res.body.accessToken as string);
    expect(claims).toMatchObject({ sub: ctx.a.users.manager.id, tenantId: ctx.a.id, roles: ['manager'] });
    expect(claims.exp! - claims.iat!).toBe(600);
    expect(new Date(res.body.expiresAt as string).getTime()).toBe(claims.exp! * 1000);

    const me = await request(ctx.app)
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${res.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      id: ctx.a.users.manager.id,
      tenantId: ctx.a.id,
      email: ctx.a.users.manager.email,
      name: expect.any(String),
      roles: ['manager'],
    });
  });

  it('answers a wrong password, an unknown e-mail and an unknown tenant with the same 401', async () => {
    const wrongPassword = await login({
      tenant: ctx.a.slug,
      email: ctx.a.users.agent.email,
      password: 'nope',
    });
    const unknownEmail = await login({ tenant: ctx.a.slug, email: 'nobody@example.com', password: PASSWORD });
    const unknownTenant = await login({
      tenant: 'no-such-tenant-x',
      email: ctx.a.users.agent.email,
      password: PASSWORD,
    });
    // A user of tenant B does not exist in tenant A.
    const otherTenantsUser = await login({
      tenant: ctx.a.slug,
      email: ctx.b.users.agent.email,
      password: PASSWORD,
    });
    for (const res of [wrongPassword, unknownEmail, unknownTenant, otherTenantsUser]) {
      expect(res.status).toBe(401);
      expect(res.body.error).toEqual({
        code: 'unauthenticated',
        message: 'the tenant, e-mail or password is wrong',
      });
      expect(res.body.accessToken).toBeUndefined();
    }
  });

  it('names every bad field of a malformed login', async () => {
    const res = await login({ tenant: 'Not A Slug!', email: 'not-an-email', extra: true });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation');
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(
      ['body.email', 'body.extra', 'body.password', 'body.tenant'].sort(),
    );
  });

  it('refuses further attempts on an account after repeated failures, even with the right password', async () => {
    const account = { tenant: ctx.a.slug, email: ctx.a.users.ops.email };
    for (let i = 0; i < 3; i += 1)
      expect((await login({ ...account, password: `guess-${i}` })).status).toBe(401);
    const locked = await login({ ...account, password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('rate_limited');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // Other accounts are not affected.
    expect(
      (await login({ tenant: ctx.a.slug, email: ctx.a.users.admin.email, password: PASSWORD })).status,
    ).toBe(200);
  });

  it('upgrades a password hash made with weaker parameters at sign-in', async () => {
    const salt = randomBytes(16);
    const key = scryptSync(PASSWORD, salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    const weak = `scrypt$ln=14,r=8,p=1$${salt.toString('base64')}$${key.toString('base64')}`;
    const em = forTenant(ctx.orm.em, ctx.a.id);
    await em.nativeUpdate(User, { id: ctx.a.users.marketer.id }, { passwordHash: weak });
    const res = await login({ tenant: ctx.a.slug, email: ctx.a.users.marketer.email, password: PASSWORD });
    expect(res.status).toBe(200);
    const user = await forTenant(ctx.orm.em, ctx.a.id).findOneOrFail(
      User,
      { id: ctx.a.users.marketer.id },
      { populate: ['passwordHash'] },
    );
    const stored = user.passwordHash.unwrap() ?? '';
    expect(passwordNeedsRehash(stored)).toBe(false);
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
    expect(user.lastLoginAt).toBeInstanceOf(Date);
  });

  it('never writes the password or e-mail into the log', async () => {
    await login({ tenant: ctx.a.slug, email: ctx.a.users.agent.email, password: PASSWORD });
    const text = JSON.stringify(ctx.logs);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(ctx.a.users.agent.email);
  });
});

describe('bearer tokens', () => {
  const get = (authorization?: string) => {
    const req = request(ctx.app).get('/api/v1/auth/me');
    return authorization ? req.set('Authorization', authorization) : req;
  };

  it('answers 401 without a token, with a malformed header, a forged signature or an expired token', async () => {
    const valid = await ctx.token(ctx.a, 'agent');
    const forged = await createAccessTokens({
      secret: 'another-secret-that-is-long-enough-0123456',
      ttlSeconds: 600,
    }).issue({ userId: ctx.a.users.admin.id, tenantId: ctx.a.id, roles: ['admin'] }, new Date());
    const expired = await createAccessTokens({ secret: JWT_SECRET, ttlSeconds: 60 }).issue(
      { userId: ctx.a.users.agent.id, tenantId: ctx.a.id, roles: ['agent'] },
      new Date(Date.now() - 3_600_000),
    );
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(
      JSON.stringify({ sub: ctx.a.users.admin.id, tenantId: ctx.a.id, roles: ['admin'] }),
    ).toString('base64url')}.`;
    const cases: [string | undefined, string][] = [
      [undefined, 'an access token is required'],
      [`Basic ${Buffer.from('a:b').toString('base64')}`, 'must be "Bearer <token>"'],
      [`Bearer ${valid.slice(0, -4)}abcd`, 'not valid'],
      [`Bearer ${forged.token}`, 'not valid'],
      [`Bearer ${expired.token}`, 'expired'],
      [`Bearer ${unsigned}`, 'not valid'],
    ];
    for (const [header, message] of cases) {
      const res = await get(header);
      expect({ header, status: res.status }).toEqual({ header, status: 401 });
      expect(res.body.error.code).toBe('unauthenticated');
      expect(res.body.error.message).toContain(message);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    }
  });

  it('refuses a token signed with our key but missing the tenant claim', async () => {
    const token = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(ctx.a.users.admin.id)
      .setIssuer('c360-api')
      .setAudience('c360')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(JWT_SECRET));
    expect((await get(`Bearer ${token}`)).status).toBe(401);
  });

  it('answers 403 when the caller lacks the role the route needs', async () => {
    const customer = await createCustomer(ctx, ctx.a);
    const as = async (role: 'marketer' | 'agent' | 'ops' | 'manager') =>
      `Bearer ${await ctx.token(ctx.a, role)}`;
    const cases = [
      request(ctx.app)
        .post('/api/v1/customers')
        .set('Authorization', await as('marketer'))
        .send({ firstName: 'X' }),
      request(ctx.app)
        .delete(`/api/v1/customers/${customer.id}`)
        .set('Authorization', await as('agent')),
      request(ctx.app)
        .get(`/api/v1/customers/${customer.id}`)
        .set('Authorization', await as('ops')),
      request(ctx.app)
        .post('/api/v1/admin/reindex')
        .set('Authorization', await as('manager')),
    ];
    for (const res of await Promise.all(cases)) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    // The marketer's refused create left nothing behind, and the agent's delete removed nothing.
    const still = await request(ctx.app)
      .get(`/api/v1/customers/${customer.id}`)
      .set('Authorization', await as('agent'));
    expect(still.status).toBe(200);
  });

  it('takes the tenant from the token only, whatever the headers, query or body say', async () => {
    const bCustomer = await createCustomer(ctx, ctx.b);
    const res = await request(ctx.app)
      .get(`/api/v1/customers/${bCustomer.id}`)
      .query({ tenantId: ctx.b.id, tenant: ctx.b.slug })
      .set('Authorization', `Bearer ${await ctx.token(ctx.a, 'agent')}`)
      .set('X-Tenant-Id', ctx.b.id);
    expect(res.status).toBe(404);
  });
});
