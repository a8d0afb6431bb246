import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantFilters } from '../tenancy/tenantFilter';
import { Customer } from './Customer';
import { Segment } from './Segment';
import { tenantOwnedProperties } from './tenantOwnedProperties';

/**
 * A customer's current membership of a segment. Read both ways: a segment's members (the unique
 * key's index, segment first) and a customer's segments (the customer index).
 */
export const SegmentMembership = defineEntity({
  name: 'SegmentMembership',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    segment: p.manyToOne(Segment).ref().deleteRule('cascade'),
    customer: p.manyToOne(Customer).ref().deleteRule('cascade'),
    enteredAt: p.datetime(),
  },
  uniques: [{ properties: ['segment', 'customer'] }],
  indexes: [{ properties: ['customer'] }],
});
export type SegmentMembership = InferEntity<typeof SegmentMembership>;
