import type { RequestHandler } from 'express';
import { AppError, type Role } from '@c360/domain';
import { principalOf } from './principal';

/** Lets the request through when the caller holds at least one of `roles`; runs after `authenticate`. */
export const requireRole =
  (...roles: Role[]): RequestHandler =>
  (_req, res, next) => {
    const principal = principalOf(res);
    if (!principal) throw new AppError('unauthenticated', 'an access token is required');
    if (!principal.roles.some((role) => roles.includes(role))) {
      throw new AppError('forbidden', `this action needs one of the roles: ${roles.join(', ')}`);
    }
    next();
  };
