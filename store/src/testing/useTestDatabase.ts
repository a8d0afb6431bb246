import type { MikroORM } from '@mikro-orm/postgresql';
import { createTestDatabase, type TestDatabase } from './createTestDatabase';

export type TestDatabaseHandle = {
  readonly orm: MikroORM;
  readonly url: string;
  readonly name: string;
  /**
   * Work to stop before the database goes (a Temporal worker, a relay): jest runs `afterAll` hooks
   * in the order they are declared, so a file's own `afterAll` runs after this helper's, when the
   * database is already dropped and a still-running activity waits a minute for a connection.
   */
  beforeDrop(stop: () => Promise<void>): void;
};

/**
 * Jest helper: a migrated database of this test file's own, created in `beforeAll` from
 * C360_DATABASE_URL and dropped in `afterAll`. Read `db.orm` / `db.url` inside tests.
 *
 *   const db = useTestDatabase();
 *   it('...', async () => { const em = forTenant(db.orm.em, tenantId); ... });
 */
export const useTestDatabase = (env: NodeJS.ProcessEnv = process.env): TestDatabaseHandle => {
  let current: TestDatabase | null = null;
  const stops: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    const baseUrl = env['C360_DATABASE_URL'];
    if (!baseUrl)
      throw new Error(
        'C360_DATABASE_URL is required for database tests (e.g. postgres://c360:c360@127.0.0.1:55432/c360_test)',
      );
    current = await createTestDatabase(baseUrl);
  }, 120_000);
  afterAll(async () => {
    // Last registered, first stopped; every stop runs even if one fails.
    const failures: unknown[] = [];
    for (const stop of stops.splice(0).reverse())
      await stop().catch((error: unknown) => failures.push(error));
    await current?.drop();
    current = null;
    if (failures.length > 0) throw failures[0];
  }, 120_000);
  const get = (): TestDatabase => {
    if (!current)
      throw new Error('useTestDatabase: the database exists only inside tests (beforeAll has not run)');
    return current;
  };
  return {
    get orm() {
      return get().orm;
    },
    get url() {
      return get().url;
    },
    get name() {
      return get().name;
    },
    beforeDrop(stop) {
      stops.push(stop);
    },
  };
};
