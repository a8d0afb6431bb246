import { SignJWT, jwtVerify, errors } from 'jose';
import { z } from 'zod';
import { AppError, ROLES } from '@c360/domain';
import type { Principal } from './principal';

const ISSUER = 'c360-api';
const AUDIENCE = 'c360';
const ALGORITHM = 'HS256';

export type AccessTokenSettings = { secret: string; ttlSeconds: number };

export type IssuedToken = { token: string; expiresAt: Date };

export type AccessTokens = {
  issue: (principal: Principal, now: Date) => Promise<IssuedToken>;
  /** Throws `AppError('unauthenticated')` for anything but a valid, unexpired token of ours. */
  verify: (token: string) => Promise<Principal>;
};

const claimsSchema = z.object({
  sub: z.uuid(),
  tenantId: z.uuid(),
  roles: z.array(z.enum(ROLES)),
});

/** Signed access tokens (HS256): subject = user id, with the tenant and roles as claims. */
export const createAccessTokens = (settings: AccessTokenSettings): AccessTokens => {
  if (settings.secret.length < 32) throw new Error('the access-token secret must be at least 32 characters');
  const key = new TextEncoder().encode(settings.secret);
  return {
    issue: async (principal, now) => {
      const issuedAt = Math.floor(now.getTime() / 1000);
      const expiresAt = issuedAt + settings.ttlSeconds;
      const token = await new SignJWT({ tenantId: principal.tenantId, roles: principal.roles })
        .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
        .setSubject(principal.userId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(issuedAt)
        .setExpirationTime(expiresAt)
        .sign(key);
      return { token, expiresAt: new Date(expiresAt * 1000) };
    },
    verify: async (token) => {
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer: ISSUER,
          audience: AUDIENCE,
          algorithms: [ALGORITHM],
        });
        const claims = claimsSchema.safeParse(payload);
        if (!claims.success) throw new AppError('unauthenticated', 'the access token is not valid');
        return { userId: claims.data.sub, tenantId: claims.data.tenantId, roles: claims.data.roles };
      } catch (error) {
        if (error instanceof AppError) throw error;
        if (error instanceof errors.JWTExpired)
          throw new AppError('unauthenticated', 'the access token has expired');
        throw new AppError('unauthenticated', 'the access token is not valid');
      }
    },
  };
};
