import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantFilters } from '../tenancy/tenantFilter';
import { Customer } from './Customer';
import { tenantOwnedProperties } from './tenantOwnedProperties';

/**
 * One of a customer's daily send slots (the tenant's frequency cap), held by one send. Slot
 * numbers run 0..cap-1 per customer and customer-local day, unique: two sends racing for the
 * last slot cannot both get it. One slot per send (`sendKey`, the send's idempotency key).
 */
export const SendSlot = defineEntity({
  name: 'SendSlot',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    customer: p.manyToOne(Customer).ref().deleteRule('cascade'),
    /** The customer's calendar day (YYYY-MM-DD in their zone). */
    localDay: p.string().length(10),
    slot: p.integer(),
    sendKey: p.string().length(200),
  },
  uniques: [
    { name: 'send_slot_day_slot_unique', properties: ['tenant', 'customer', 'localDay', 'slot'] },
    { name: 'send_slot_send_key_unique', properties: ['tenant', 'sendKey'] },
  ],
});
export type SendSlot = InferEntity<typeof SendSlot>;
