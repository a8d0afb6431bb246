import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantFilters } from '../tenancy/tenantFilter';
import { Customer } from './Customer';
import { tenantOwnedProperties } from './tenantOwnedProperties';

/**
 * A moment on a customer's journey that no other record holds: a playbook step, an SLA breach,
 * a health drop. Written by workflows through an activity; `dedupeKey` (from the workflow's
 * business id and step) is unique per tenant, so a retried activity cannot write it twice.
 */
export const TimelineEvent = defineEntity({
  name: 'TimelineEvent',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    customer: p.manyToOne(Customer).ref().deleteRule('cascade'),
    /** `health_drop`, `vip_detected`, `sla_breach`, `sla_risk`, `churn_winback`, `survey_answered`, `playbook_step`... */
    kind: p.string().length(64),
    title: p.string().length(300),
    data: p.json<Record<string, unknown>>().onCreate(() => ({})),
    occurredAt: p.datetime(),
    dedupeKey: p.string().length(300),
  },
  indexes: [{ properties: ['customer', 'occurredAt'] }],
  uniques: [{ name: 'timeline_event_tenant_id_dedupe_key_unique', properties: ['tenant', 'dedupeKey'] }],
});
export type TimelineEvent = InferEntity<typeof TimelineEvent>;
