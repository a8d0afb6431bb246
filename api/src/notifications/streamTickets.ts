import { createHmac } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { z } from 'zod';
import { AppError, ROLES } from '@c360/domain';
import type { Principal } from '../auth/principal';

const ISSUER = 'c360-api';
const AUDIENCE = 'c360-notification-stream';
const ALGORITHM = 'HS256';

export type StreamTickets = {
  issue(principal: Principal, now: Date): Promise<{ ticket: string; expiresAt: Date }>;
  /** Throws `AppError('unauthenticated')` for anything but a valid, unexpired stream ticket. */
  verify(ticket: string): Promise<Principal>;
};

const claimsSchema = z.object({ sub: z.uuid(), tenantId: z.uuid(), roles: z.array(z.enum(ROLES)) });

/**
 * Short-lived tickets for the notification stream. EventSource cannot send an Authorization
 * header, so the browser trades its access token for a ticket (POST, bearer) and puts the ticket
 * in the stream URL. The ticket is signed with a key derived from the access-token secret for
 * this purpose only, and has its own audience: an access token is not a ticket, a ticket is not
 * an access token, and a leaked ticket is good for the stream alone, for `ttlSeconds`.
 */
export const createStreamTickets = (settings: { secret: string; ttlSeconds: number }): StreamTickets => {
  const key = createHmac('sha256', settings.secret).update('c360 notification stream ticket').digest();
  return {
    async issue(principal, now) {
      const issuedAt = Math.floor(now.getTime() / 1000);
      const expiresAt = issuedAt + settings.ttlSeconds;
      const ticket = await new SignJWT({ tenantId: principal.tenantId, roles: principal.roles })
        .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
        .setSubject(principal.userId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(issuedAt)
        .setExpirationTime(expiresAt)
        .sign(key);
      return { ticket, expiresAt: new Date(expiresAt * 1000) };
    },
    async verify(ticket) {
      try {
        const { payload } = await jwtVerify(ticket, key, {
          issuer: ISSUER,
          audience: AUDIENCE,
          algorithms: [ALGORITHM],
        });
        const claims = claimsSchema.parse(payload);
        return { userId: claims.sub, tenantId: claims.tenantId, roles: claims.roles };
      } catch {
        throw new AppError(
          'unauthenticated',
          'the stream ticket is not valid or has expired: ask for a new one',
        );
      }
    },
  };
};
