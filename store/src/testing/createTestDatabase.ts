import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createOrm } from '../db/createOrm';
import { migrateUp } from '../db/migrateUp';

export type TestDatabase = {
  /** A database of its own, migrated, empty: `<base>_p<pid>_<random>`. */
  url: string;
  name: string;
  orm: MikroORM;
  /** Closes the ORM and drops the database (closing any connection left open on it). */
  drop(): Promise<void>;
};

const withDatabase = (url: string, database: string): string => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};

const ident = (name: string): string => {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe database name: ${name}`);
  return `"${name}"`;
};

/** Changes whenever a migration file does, so a stale template is rebuilt. */
const migrationsFingerprint = (): string => {
  const dir = path.join(__dirname, '..', 'migrations');
  const hash = createHash('sha256');
  if (existsSync(dir)) {
    for (const file of readdirSync(dir)
      .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
      .sort()) {
      hash.update(file).update(readFileSync(path.join(dir, file)));
    }
  }
  return `c360-migrations:${hash.digest('hex').slice(0, 24)}`;
};

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

// Serialises template builds and clones across every jest worker and package on the machine.
const TEMPLATE_LOCK = 360_002;

/**
 * A fresh, migrated database for one test file, cloned from a template database that is
 * migrated once (and rebuilt when the migrations change). Each test file gets its own database,
 * so files in different jest workers and packages never see each other's rows, outbox events or
 * NOTIFYs. `baseUrl` (C360_DATABASE_URL in tests) names the server and the base name; the
 * template is `<base>_template`. Databases left by a killed run are dropped on the next call.
 */
export const createTestDatabase = async (baseUrl: string): Promise<TestDatabase> => {
  const base = decodeURIComponent(new URL(baseUrl).pathname.slice(1));
  const template = `${base}_template`;
  const name = `${base}_p${process.pid}_${randomBytes(3).toString('hex')}`;
  const fingerprint = migrationsFingerprint();

  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    const stale = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname ~ $1`,
      [`^${base}_p[0-9]+_[0-9a-f]{6}$`],
    );
    for (const { datname } of stale.rows) {
      const pid = Number(/_p(\d+)_/.exec(datname)?.[1]);
      if (!isAlive(pid)) await admin.query(`drop database if exists ${ident(datname)} with (force)`);
    }
    const current = await admin.query<{ description: string | null }>(
      `select shobj_description(oid, 'pg_database') as description from pg_database where datname = $1`,
      [template],
    );
    if (current.rows[0]?.description !== fingerprint) {
      await admin.query(`drop database if exists ${ident(template)} with (force)`);
      await admin.query(`create database ${ident(template)}`);
      const orm = await createOrm({ databaseUrl: withDatabase(baseUrl, template), poolMax: 2 });
      try {
        await migrateUp(orm);
      } finally {
        await orm.close();
      }
      await admin.query(`comment on database ${ident(template)} is '${fingerprint}'`);
    }
    await admin.query(`create database ${ident(name)} template ${ident(template)} strategy file_copy`);
  } finally {
    await admin.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK]).catch(() => undefined);
    await admin.end();
  }

  const url = withDatabase(baseUrl, name);
  const orm = await createOrm({ databaseUrl: url, poolMax: 4 });
  return {
    url,
    name,
    orm,
    async drop() {
      await orm.close();
      const client = new Client({ connectionString: baseUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${ident(name)} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
};
