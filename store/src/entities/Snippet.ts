import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantFilters } from '../tenancy/tenantFilter';
import { tenantOwnedProperties, updatedAtProperty } from './tenantOwnedProperties';

/** A short reusable text inserted by its shortcut (`/refund`) in the composer. */
export const Snippet = defineEntity({
  name: 'Snippet',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    shortcut: p.string().length(100),
    title: p.string().length(200),
    body: p.text(),
    language: p.string().length(10).nullable(),
    updatedAt: updatedAtProperty(),
  },
  uniques: [{ properties: ['tenant', 'shortcut'] }],
});
export type Snippet = InferEntity<typeof Snippet>;
