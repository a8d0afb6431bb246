import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantFilters } from '../tenancy/tenantFilter';
import { tenantOwnedProperties, updatedAtProperty } from './tenantOwnedProperties';

/** A per-tenant switch for an area or behaviour (`inbox`, `ai.autoSend`, `playbook.vip`...). */
export const FeatureFlag = defineEntity({
  name: 'FeatureFlag',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    key: p.string().length(100),
    enabled: p.boolean(),
    description: p.text().nullable(),
    updatedAt: updatedAtProperty(),
  },
  uniques: [{ properties: ['tenant', 'key'] }],
});
export type FeatureFlag = InferEntity<typeof FeatureFlag>;
