import type { MikroORM } from '@mikro-orm/postgresql';

/** Applies every pending migration, all in one transaction; resolves with the names applied. */
export const migrateUp = async (orm: MikroORM): Promise<string[]> => {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
};
