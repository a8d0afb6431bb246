import type { Dictionary, EntityMetadata } from '@mikro-orm/core';

// MikroORM does not export its FilterDef type from the package root.
type FilterDef = EntityMetadata['filters'][string];

export const TENANT_FILTER = 'tenant';

export type TenantFilterArgs = { tenantId: string };

/** A query or write on tenant-owned data was attempted without a tenant: a programming error. */
export class TenantScopeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TenantScopeError';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const assertTenantId = (tenantId: unknown, what: string): string => {
  if (typeof tenantId !== 'string' || !UUID.test(tenantId)) {
    throw new TenantScopeError(`${what}: tenantId must be a uuid, got ${JSON.stringify(tenantId)}`);
  }
  return tenantId.toLowerCase();
};

/**
 * The default filter on every tenant-owned entity. MikroORM would throw on its own when a filter
 * whose condition takes arguments has none (`No arguments provided for filter`), but only when
 * the params object is missing entirely; `args: false` hands every case to this function so an
 * empty or malformed tenant id fails just as loudly, with a message that says what to do.
 */
export const tenantFilter: FilterDef = {
  name: TENANT_FILTER,
  default: true,
  args: false,
  cond: (
    args: Dictionary | undefined,
    type: 'read' | 'update' | 'delete',
    _em: unknown,
    _options: unknown,
    entityName: unknown,
  ) => {
    const tenantId = (args as Partial<TenantFilterArgs> | undefined)?.tenantId;
    if (tenantId === undefined) {
      throw new TenantScopeError(
        `${type} on ${String(entityName)} without a tenant: use forTenant(em, tenantId) to get an EntityManager scoped to one tenant`,
      );
    }
    return { tenant: assertTenantId(tenantId, `${type} on ${String(entityName)}`) };
  },
};

/** The `filters` block every tenant-owned entity definition carries. */
export const tenantFilters = (): Record<string, FilterDef> => ({ [TENANT_FILTER]: tenantFilter });
