import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantFilters } from '../tenancy/tenantFilter';
import { tenantOwnedProperties, updatedAtProperty } from './tenantOwnedProperties';
import {
  RETENTION_ACTIONS,
  RETENTION_TARGETS,
  type RetentionAction,
  type RetentionTarget,
} from './vocabulary';

/** How long a tenant keeps one kind of record; the purge schedule applies it. */
export const RetentionPolicy = defineEntity({
  name: 'RetentionPolicy',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    target: p.enum([...RETENTION_TARGETS]).$type<RetentionTarget>(),
    retentionDays: p.integer(),
    action: p
      .enum([...RETENTION_ACTIONS])
      .$type<RetentionAction>()
      .default('delete'),
    enabled: p.boolean().default(true),
    lastRunAt: p.datetime().nullable(),
    updatedAt: updatedAtProperty(),
  },
  uniques: [{ properties: ['tenant', 'target'] }],
  checks: [
    { name: 'retention_policy_days_check', property: 'retentionDays', expression: 'retention_days > 0' },
  ],
});
export type RetentionPolicy = InferEntity<typeof RetentionPolicy>;
