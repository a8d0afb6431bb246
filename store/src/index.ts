/**
 * @c360/store: everything that touches PostgreSQL and OpenSearch. MikroORM entities and the
 * ORM factory, tenancy (a default filter that fails closed, `forTenant`), the transactional
 * outbox, migrations, password hashing, the demo-data seeder, the search index, and the helpers
 * tests use to get a database of their own.
 */
export * from './entities';
export type { OrmConfig } from './db/ormOptions';
export { MIGRATIONS_TABLE } from './db/ormOptions';
export { createOrm } from './db/createOrm';
export { migrateUp } from './db/migrateUp';
export { ensureDatabase, resetDatabase } from './db/resetDatabase';
export { forTenant, scopedTenantId } from './tenancy/forTenant';
export {
  assertTenantId,
  TENANT_FILTER,
  TenantScopeError,
  type TenantFilterArgs,
} from './tenancy/tenantFilter';
export { OUTBOX_CHANNEL } from './outbox/outboxChannel';
export { NOTIFICATION_CHANNEL, type NotificationSignal } from './notifications/notificationChannel';
export * from './outbox/outboxEventTypes';
export { appendOutboxEvent, type OutboxEventInput } from './outbox/appendOutboxEvent';
export { PROFILE_SOURCES } from './outbox/OutboxSubscriber';
export { hashPassword, verifyPassword, passwordNeedsRehash, PASSWORD_HASH_PARAMS } from './auth/passwordHash';
export { createTestDatabase, type TestDatabase } from './testing/createTestDatabase';
export { useTestDatabase, type TestDatabaseHandle } from './testing/useTestDatabase';
export { cuttableProxy, waitFor } from './testing/cuttableProxy';
export * from './search';
export * from './scores';
export * from './segments';
export {
  seed,
  startOfUtcDay,
  MAX_CUSTOMERS_PER_TENANT,
  type SeedOptions,
  type SeedProgress,
  type SeedResult,
} from './seed/seed';
export {
  DEMO_LOGINS,
  DEMO_PASSWORD,
  DEMO_TENANTS,
  type DemoLogin,
  type DemoTenant,
} from './seed/demoTenants';
export { FEATURE_FLAG_DEFAULTS } from './seed/featureFlagDefaults';

// Customer 360 read side: the journey timeline and the facts beside the scores.
export * from './customer360';
// Analytics read side: the population filter and the inputs of the tenant-wide calculators.
export * from './analytics';
export * from './exports';
export * from './reports';
export * from './channels';
// Inbox read side: the conversation list and a conversation's thread.
export * from './inbox';
export * from './replies';
export * from './calls/recordCall';
export * from './tickets';
// The send path (issue 6): cap slots.
export * from './engagement';
// SLA clocks (issue 6): policies from the tenant settings, breach and due-date writes.
export * from './sla';
// Post-resolution surveys (issue 6): the public link and durable answers.
export * from './surveys';
// Issue 6, default playbooks: settings.
export * from './playbooks';
// The send path (issue 6): cap slots.
export * from './engagement';
export * from './tickets';
