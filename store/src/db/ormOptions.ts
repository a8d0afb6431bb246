import path from 'node:path';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { allEntities } from '../entities/allEntities';
import { migrationsList } from '../migrations';
import { OutboxSubscriber } from '../outbox/OutboxSubscriber';
import { TenantEntityManager } from '../tenancy/TenantEntityManager';
import { TenantGuardSubscriber } from '../tenancy/TenantGuardSubscriber';

export type OrmConfig = {
  databaseUrl: string;
  /** Log every query (MikroORM's query logger). */
  debug?: boolean;
  /** Most connections the pool opens; the API and worker each hold one pool. */
  poolMax?: number;
};

export const MIGRATIONS_TABLE = 'mikro_orm_migrations';

/** The one ORM configuration every process uses; tests and the CLIs go through it too. */
export const ormOptions = (config: OrmConfig): Options =>
  defineConfig({
    clientUrl: config.databaseUrl,
    entities: allEntities,
    // Order matters: the guard checks the flush before the outbox adds its events to it.
    subscribers: [new TenantGuardSubscriber(), new OutboxSubscriber()],
    extensions: [Migrator],
    // Scopes query builders too (MikroORM applies filters to em.find & co. only).
    entityManager: TenantEntityManager,
    debug: config.debug ?? false,
    pool: { min: 0, max: config.poolMax ?? 10 },
    // Metadata comes from the definitions in code; no cache files written at run time.
    metadataCache: { enabled: false },
    // Ids (and other onCreate values) exist as soon as em.create returns, before any flush.
    processOnCreateHooksEarly: true,
    // Every tenant-owned row carries its own tenant_id, so joining a referenced table only to
    // re-check its tenant filter would add a join to every query for nothing.
    autoJoinRefsForFilters: false,
    migrations: {
      tableName: MIGRATIONS_TABLE,
      migrationsList,
      path: path.join(__dirname, '..', 'migrations'),
      pathTs: path.join(__dirname, '..', 'migrations'),
      emit: 'ts',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
  });
