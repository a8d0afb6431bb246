import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantFilters } from '../tenancy/tenantFilter';
import { Customer } from './Customer';
import { tenantOwnedProperties, updatedAtProperty } from './tenantOwnedProperties';
import { DEAL_STATUSES, type DealStatus } from './vocabulary';

/** An order or opportunity: won deals are the purchases behind RFM, CLV and revenue. */
export const Deal = defineEntity({
  name: 'Deal',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    customer: p.manyToOne(Customer).ref().deleteRule('cascade'),
    title: p.string().length(300),
    amount: p.decimal('number').precision(14).scale(2),
    currency: p.string().length(3),
    status: p.enum([...DEAL_STATUSES]).$type<DealStatus>(),
    stage: p.string().length(100),
    closedAt: p.datetime().nullable(),
    updatedAt: updatedAtProperty(),
  },
  indexes: [{ properties: ['customer'] }, { properties: ['tenant', 'status', 'closedAt'] }],
  checks: [
    { name: 'deal_currency_check', property: 'currency', expression: "currency ~ '^[A-Z]{3}$'" },
    { name: 'deal_amount_check', property: 'amount', expression: 'amount >= 0' },
  ],
});
export type Deal = InferEntity<typeof Deal>;
