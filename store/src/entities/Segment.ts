import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantFilters } from '../tenancy/tenantFilter';
import { tenantOwnedProperties, updatedAtProperty } from './tenantOwnedProperties';
import { User } from './User';

/**
 * A saved segment. `definition` holds the filter-language tree (validated by the domain's
 * schema before it gets here); the count is cached so cards render without a search.
 */
export const Segment = defineEntity({
  name: 'Segment',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    name: p.string().length(200),
    description: p.text().nullable(),
    owner: p.manyToOne(User).ref().nullable().deleteRule('set null'),
    definition: p.json<Record<string, unknown>>(),
    cachedCount: p.integer().nullable(),
    countedAt: p.datetime().nullable(),
    updatedAt: updatedAtProperty(),
  },
  uniques: [{ properties: ['tenant', 'name'] }],
});
export type Segment = InferEntity<typeof Segment>;
