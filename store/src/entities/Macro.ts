import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { MacroAction } from '@c360/domain';
import { tenantFilters } from '../tenancy/tenantFilter';
import { tenantOwnedProperties, updatedAtProperty } from './tenantOwnedProperties';

export const Macro = defineEntity({
  name: 'Macro',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    name: p.string().length(200),
    description: p.text().nullable(),
    actions: p.json<MacroAction[]>(),
    favoriteUserIds: p.array().onCreate(() => []),
    updatedAt: updatedAtProperty(),
  },
  uniques: [{ properties: ['tenant', 'name'] }],
});
export type Macro = InferEntity<typeof Macro>;
