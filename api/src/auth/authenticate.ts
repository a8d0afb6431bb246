import type { RequestHandler } from 'express';
import { AppError } from '@c360/domain';
import type { AccessTokens } from './accessTokens';
import { setPrincipal } from './principal';

const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/;

/**
 * Requires a valid bearer token and records its principal. The tenant of every later step is
 * the token's: no header, query or body field can choose another one.
 */
export const authenticate =
  (tokens: AccessTokens): RequestHandler =>
  async (req, res, next) => {
    const header = req.headers.authorization;
    if (!header)
      throw new AppError('unauthenticated', 'an access token is required (Authorization: Bearer <token>)');
    const match = BEARER.exec(header);
    if (!match?.[1])
      throw new AppError('unauthenticated', 'the Authorization header must be "Bearer <token>"');
    setPrincipal(res, await tokens.verify(match[1]));
    next();
  };
