import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantFilters } from '../tenancy/tenantFilter';
import { tenantOwnedProperties, updatedAtProperty } from './tenantOwnedProperties';
import { User } from './User';

/**
 * A saved segment. `definition` holds the filter-language tree (validated by the domain's
 * schema before it gets here); the count is cached so cards render without a search.
 * `definitionVersion`, `computedVersion` and `anchoredAt` drive real-time membership (see
 * store/src/segments).
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
    /** Kept equal to the number of membership rows by a trigger on segment_membership. */
    cachedCount: p.integer().nullable(),
    countedAt: p.datetime().nullable(),
    /** Raised on every change of `definition`; a recompute workflow runs per version. */
    definitionVersion: p.integer().default(1),
    /** The last version whose recompute finished (membership then reflects that definition). */
    computedVersion: p.integer().default(0),
    /** The instant the stored percolator query was compiled at (relative windows are frozen there). */
    anchoredAt: p.datetime().nullable(),
    updatedAt: updatedAtProperty(),
  },
  uniques: [{ properties: ['tenant', 'name'] }],
});
export type Segment = InferEntity<typeof Segment>;
