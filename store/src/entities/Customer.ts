import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { defaultMarketingPreferences, type CustomerScores, type MarketingPreferences } from '@c360/domain';
import { tenantFilters } from '../tenancy/tenantFilter';
import { tenantOwnedProperties, updatedAtProperty } from './tenantOwnedProperties';
import { User } from './User';
import { LIFECYCLE_STAGES, type LifecycleStage } from './vocabulary';

/**
 * The scores the domain calculators computed, stored so lists, segments and the 360 read them
 * without recomputing. Rows written before the calculators existed (or by an old seeder) may hold
 * another shape: read them through `storedScores`, which treats those as never scored.
 */
export type { CustomerScores };

/** Free-form per-tenant fields, plus the one key the platform owns: the customer's preferences. */
export type CustomerCustomFields = { marketingPreferences: MarketingPreferences; [key: string]: unknown };

export const Customer = defineEntity({
  name: 'Customer',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    firstName: p.string().length(200),
    lastName: p.string().length(200),
    emails: p.array().onCreate(() => []),
    phones: p.array().onCreate(() => []),
    timeZone: p.string().length(64),
    language: p.string().length(10),
    tags: p.array().onCreate(() => []),
    owner: p.manyToOne(User).ref().nullable().deleteRule('set null'),
    lifecycleStage: p
      .enum([...LIFECYCLE_STAGES])
      .$type<LifecycleStage>()
      .default('lead'),
    isVip: p.boolean().default(false),
    scores: p.json<CustomerScores>().nullable(),
    // The language given at creation seeds the preferences, so a new customer is opted in nowhere.
    customFields: p.json<CustomerCustomFields>().onCreate((c: { language?: string }) => ({
      marketingPreferences: defaultMarketingPreferences(
        (c.language ?? 'en') as MarketingPreferences['language'],
      ),
    })),
    updatedAt: updatedAtProperty(),
  },
  indexes: [{ properties: ['tenant', 'updatedAt'] }, { properties: ['owner'] }],
});
export type Customer = InferEntity<typeof Customer>;
