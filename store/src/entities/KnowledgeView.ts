import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantFilters } from '../tenancy/tenantFilter';
import { Customer } from './Customer';
import { KnowledgeArticle } from './KnowledgeArticle';
import { tenantOwnedProperties } from './tenantOwnedProperties';

/** A customer reading a help article: a touchpoint on the journey timeline. */
export const KnowledgeView = defineEntity({
  name: 'KnowledgeView',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    article: p.manyToOne(KnowledgeArticle).ref().deleteRule('cascade'),
    customer: p.manyToOne(Customer).ref().deleteRule('cascade'),
    viewedAt: p.datetime(),
    durationSeconds: p.integer().nullable(),
  },
  indexes: [{ properties: ['customer', 'viewedAt'] }, { properties: ['article'] }],
});
export type KnowledgeView = InferEntity<typeof KnowledgeView>;
