import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { ChurnModel, RfmThresholds, VipThresholds } from '@c360/domain';
import { tenantFilters } from '../tenancy/tenantFilter';
import { tenantOwnedProperties, updatedAtProperty } from './tenantOwnedProperties';

/** What the score calculators derive from a tenant's whole customer population. */
export type TenantScoreModelData = {
  rfmThresholds: RfmThresholds;
  vipThresholds: VipThresholds;
  churnModel: ChurnModel;
};

/**
 * The tenant-level score inputs, cached: RFM quintile cut points, the CLV cut-offs of the VIP
 * rule and the churn model's coefficients. Recomputed by the rescore workflow, and whenever the
 * tenant's analytics settings no longer match `settingsFingerprint`.
 */
export const TenantScoreModel = defineEntity({
  name: 'TenantScoreModel',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    model: p.json<TenantScoreModelData>(),
    /** The analytics settings the model was computed with (canonical JSON). */
    settingsFingerprint: p.text(),
    /** Customers in the population it was computed from. */
    population: p.integer(),
    computedAt: p.datetime(),
    updatedAt: updatedAtProperty(),
  },
  uniques: [{ properties: ['tenant'] }],
});
export type TenantScoreModel = InferEntity<typeof TenantScoreModel>;
