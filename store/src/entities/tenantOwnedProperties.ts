import { randomUUID } from 'node:crypto';
import { p } from '@mikro-orm/core';
import { Tenant } from './Tenant';

/**
 * The columns every tenant-owned table starts with. The tenant is mapped to its id (no object to
 * load): a tenant-owned row is always read within one tenant, so the id is all anyone needs.
 * Ids are made in JS so an entity has its id (and the outbox its customer id) before the flush.
 */
export const tenantOwnedProperties = () => ({
  id: p
    .uuid()
    .primary()
    .onCreate(() => randomUUID()),
  tenant: p.manyToOne(Tenant).mapToPk(),
  createdAt: p.datetime().onCreate(() => new Date()),
});

/** `updatedAt`, refreshed by the ORM on every flush that changes the row. */
export const updatedAtProperty = () =>
  p
    .datetime()
    .onCreate(() => new Date())
    .onUpdate(() => new Date());
