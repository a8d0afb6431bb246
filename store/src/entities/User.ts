import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { ROLES, type Role } from '@c360/domain';
import { tenantFilters } from '../tenancy/tenantFilter';
import { tenantOwnedProperties, updatedAtProperty } from './tenantOwnedProperties';

/** Per-user settings (locale, favourite macros, UI choices); each area owns its key. */
export type UserSettings = { locale?: string; [key: string]: unknown };

/**
 * A person who signs in: agent, marketer, manager, admin or ops (several roles allowed).
 * Emails are stored lower-cased so the per-tenant unique key is case-insensitive.
 * Table `app_user`: `user` is a reserved word in PostgreSQL and raw SQL would silently read
 * `current_user` instead.
 */
export const User = defineEntity({
  name: 'User',
  tableName: 'app_user',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    email: p.string().length(320),
    name: p.string().length(200),
    // Lazy and wrapped in a ScalarReference: only the login path loads it
    // (`populate: ['passwordHash']`, then `.unwrap()`); hidden from serialisation.
    passwordHash: p.string().length(200).hidden().lazy(),
    roles: p.array().$type<Role[]>(),
    settings: p.json<UserSettings>().onCreate(() => ({})),
    isActive: p.boolean().default(true),
    lastLoginAt: p.datetime().nullable(),
    updatedAt: updatedAtProperty(),
  },
  uniques: [{ properties: ['tenant', 'email'] }],
  checks: [
    { name: 'app_user_email_check', property: 'email', expression: 'email = lower(email)' },
    {
      name: 'app_user_roles_check',
      property: 'roles',
      expression: `roles <@ array[${ROLES.map((r) => `'${r}'`).join(',')}]::text[] and cardinality(roles) > 0`,
    },
  ],
});
export type User = InferEntity<typeof User>;
