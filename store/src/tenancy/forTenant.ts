import type { EntityManager } from '@mikro-orm/core';
import { assertTenantId, TENANT_FILTER, type TenantFilterArgs } from './tenantFilter';

/**
 * An EntityManager scoped to one tenant: a fork (own identity map) with the tenant filter's
 * argument set. Every find, count, update and delete it runs on tenant-owned entities gets
 * `tenant_id = <tenantId>`, and its flushes refuse rows of any other tenant. Forks and
 * transactions started from it inherit the scope.
 */
export const forTenant = <E extends EntityManager>(em: E, tenantId: string): E => {
  const id = assertTenantId(tenantId, 'forTenant');
  const fork = em.fork({ keepTransactionContext: true }) as E;
  fork.setFilterParams(TENANT_FILTER, { tenantId: id } satisfies TenantFilterArgs);
  return fork;
};

/** The tenant an EntityManager is scoped to, or undefined when it is not scoped. */
export const scopedTenantId = (em: EntityManager): string | undefined => {
  const args = em.getFilterParams<TenantFilterArgs>(TENANT_FILTER) as TenantFilterArgs | undefined;
  return args?.tenantId;
};
