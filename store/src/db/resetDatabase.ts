import { Client } from 'pg';
import { createOrm } from './createOrm';
import { migrateUp } from './migrateUp';

/**
 * Drops everything in the database's public schema and applies every migration: an empty,
 * current schema. For tests and the launcher's `--reset`; never pointed at production data.
 */
export const resetDatabase = async (databaseUrl: string): Promise<string[]> => {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('drop schema if exists public cascade');
    await client.query('create schema public');
  } finally {
    await client.end();
  }
  const orm = await createOrm({ databaseUrl });
  try {
    return await migrateUp(orm);
  } finally {
    await orm.close();
  }
};
