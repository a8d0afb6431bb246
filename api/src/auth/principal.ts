import type { Role } from '@c360/domain';

/** Who is calling, as the verified access token says. The tenant comes from here and nowhere else. */
export type Principal = { userId: string; tenantId: string; roles: Role[] };

// Keyed by the response object so both Express handlers and the access logger (which sees the
// raw Node response) can read it, without widening Express's types.
const principals = new WeakMap<object, Principal>();

export const setPrincipal = (res: object, principal: Principal): void => {
  principals.set(res, principal);
};

export const principalOf = (res: object): Principal | undefined => principals.get(res);
