import { Client } from 'pg';
import { createOrm } from './createOrm';
import { migrateUp } from './migrateUp';

/** Creates the database named in the URL when it is missing (through the server's `postgres` database). */
export const ensureDatabase = async (databaseUrl: string): Promise<void> => {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await admin.query(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await admin.end();
  }
};

/**
 * Drops everything in the database's public schema and applies every migration: an empty,
 * current schema. For tests and the launcher's `--reset`; never pointed at production data.
 */
export const resetDatabase = async (databaseUrl: string): Promise<string[]> => {
  await ensureDatabase(databaseUrl);
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
