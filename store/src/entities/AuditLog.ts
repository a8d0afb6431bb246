import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantFilters } from '../tenancy/tenantFilter';
import { tenantOwnedProperties } from './tenantOwnedProperties';
import { AUDIT_ACTOR_TYPES, type AuditActorType } from './vocabulary';

/**
 * Who did what to which record, with the state before and after. The entity is named by type
 * and id rather than a foreign key, so the trail outlives the record (an erased customer keeps
 * its consent history). Consent events are audit rows with action `consent.granted` or
 * `consent.revoked`, the channel in `after`, and the reason and source of the change.
 */
export const AuditLog = defineEntity({
  name: 'AuditLog',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    actorType: p.enum([...AUDIT_ACTOR_TYPES]).$type<AuditActorType>(),
    /** The user's or customer's id; null for the system. */
    actorId: p.uuid().nullable(),
    action: p.string().length(100),
    entityType: p.string().length(100),
    entityId: p.string().length(100),
    before: p.json<Record<string, unknown>>().nullable(),
    after: p.json<Record<string, unknown>>().nullable(),
    reason: p.text().nullable(),
    /** Where the change came from: `api`, `inbox`, `survey_link`, `whatsapp_stop`, `import`, `seed`... */
    source: p.string().length(100).nullable(),
    requestId: p.string().length(100).nullable(),
  },
  indexes: [
    { properties: ['entityType', 'entityId', 'createdAt'] },
    { properties: ['tenant', 'action', 'createdAt'] },
  ],
});
export type AuditLog = InferEntity<typeof AuditLog>;
