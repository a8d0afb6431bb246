import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantFilters } from '../tenancy/tenantFilter';
import { tenantOwnedProperties, updatedAtProperty } from './tenantOwnedProperties';

/** One step of a macro; the inbox applies them in order. */
export type MacroAction =
  | { type: 'reply'; templateId?: string; body?: string }
  | { type: 'tag'; tags: string[] }
  | { type: 'assign'; userId?: string; team?: string }
  | { type: 'set_priority'; priority: string }
  | { type: 'resolve' };

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
