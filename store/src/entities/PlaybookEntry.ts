import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantFilters } from '../tenancy/tenantFilter';
import { Customer } from './Customer';
import { Segment } from './Segment';
import { tenantOwnedProperties } from './tenantOwnedProperties';

/**
 * The last time a customer's entry into a segment started the segment's playbook: the re-entry
 * rule (never again, or again after N days) is decided against it. `runKey` is the business id
 * of the entry that claimed it, so a retried claim by the same entry still counts as its own.
 */
export const PlaybookEntry = defineEntity({
  name: 'PlaybookEntry',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    segment: p.manyToOne(Segment).ref().deleteRule('cascade'),
    customer: p.manyToOne(Customer).ref().deleteRule('cascade'),
    lastStartedAt: p.datetime(),
    runKey: p.string().length(400),
  },
  uniques: [{ properties: ['segment', 'customer'] }],
  indexes: [{ properties: ['customer'] }],
});
export type PlaybookEntry = InferEntity<typeof PlaybookEntry>;
