import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantFilters } from '../tenancy/tenantFilter';
import { tenantOwnedProperties, updatedAtProperty } from './tenantOwnedProperties';
import { ARTICLE_STATUSES, type ArticleStatus } from './vocabulary';

export const KnowledgeArticle = defineEntity({
  name: 'KnowledgeArticle',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    title: p.string().length(300),
    slug: p.string().length(200),
    body: p.text(),
    language: p.string().length(10),
    tags: p.array().onCreate(() => []),
    status: p
      .enum([...ARTICLE_STATUSES])
      .$type<ArticleStatus>()
      .default('published'),
    updatedAt: updatedAtProperty(),
  },
  uniques: [{ properties: ['tenant', 'slug'] }],
});
export type KnowledgeArticle = InferEntity<typeof KnowledgeArticle>;
