import type { EntityMetadata } from '@mikro-orm/core';
import { TENANT_FILTER } from './tenantFilter';

/** Tenant-owned entities are exactly those carrying the tenant filter. */
export const isTenantOwned = (meta: EntityMetadata | undefined): boolean =>
  Boolean(meta?.filters?.[TENANT_FILTER]);
