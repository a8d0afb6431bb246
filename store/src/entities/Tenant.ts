import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Tenant-wide settings; each area reads its own key and supplies its own defaults. */
export type TenantSettings = Record<string, unknown>;

/** The root of tenancy: the only table without a tenant filter, since it is the tenant. */
export const Tenant = defineEntity({
  name: 'Tenant',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    name: p.string().length(200),
    slug: p.string().length(63).unique(),
    timeZone: p.string().length(64),
    settings: p.json<TenantSettings>().onCreate(() => ({})),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
  checks: [{ name: 'tenant_slug_check', property: 'slug', expression: "slug ~ '^[a-z0-9][a-z0-9-]*$'" }],
});
export type Tenant = InferEntity<typeof Tenant>;
