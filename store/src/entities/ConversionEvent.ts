import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantFilters } from '../tenancy/tenantFilter';
import { Customer } from './Customer';
import { tenantOwnedProperties } from './tenantOwnedProperties';

/** A funnel step or purchase signal (`signup`, `trial_started`, `checkout`, `purchase`, ...). */
export const ConversionEvent = defineEntity({
  name: 'ConversionEvent',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    customer: p.manyToOne(Customer).ref().deleteRule('cascade'),
    type: p.string().length(100),
    value: p.decimal('number').precision(14).scale(2).nullable(),
    currency: p.string().length(3).nullable(),
    occurredAt: p.datetime(),
    properties: p.json<Record<string, unknown>>().onCreate(() => ({})),
  },
  indexes: [{ properties: ['customer', 'occurredAt'] }, { properties: ['tenant', 'type', 'occurredAt'] }],
});
export type ConversionEvent = InferEntity<typeof ConversionEvent>;
