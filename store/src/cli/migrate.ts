import { createOrm } from '../db/createOrm';
import { migrateUp } from '../db/migrateUp';
import { resetDatabase } from '../db/resetDatabase';

/** `tsx store/src/cli/migrate.ts [--reset]`: applies pending migrations to C360_DATABASE_URL. */
const main = async (): Promise<void> => {
  const databaseUrl = process.env['C360_DATABASE_URL'];
  if (!databaseUrl) throw new Error('C360_DATABASE_URL is required');
  if (process.argv.includes('--reset')) {
    const applied = await resetDatabase(databaseUrl);
    console.log(`database reset; applied ${applied.length} migration(s): ${applied.join(', ')}`);
    return;
  }
  const orm = await createOrm({ databaseUrl });
  try {
    const applied = await migrateUp(orm);
    console.log(
      applied.length
        ? `applied ${applied.length} migration(s): ${applied.join(', ')}`
        : 'schema is up to date',
    );
  } finally {
    await orm.close();
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
