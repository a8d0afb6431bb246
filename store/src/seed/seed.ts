import type { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { hashPassword } from '../auth/passwordHash';
import { DEMO_PASSWORD, DEMO_TENANTS } from './demoTenants';
import {
  CUSTOMER_TABLES,
  emptyCustomerRows,
  generateCustomer,
  type CustomerRows,
  type TenantSeedContext,
} from './generateCustomer';
import { generateTenant, TENANT_TABLES, USERS_PER_TENANT } from './generateTenant';
import { copyRows } from './copyRows';
import { SeedRandom } from './seedRandom';

export type SeedProgress = {
  tenant: string;
  /** Customers written so far, over all tenants. */
  customersDone: number;
  customersTotal: number;
  rowsDone: number;
};

export type SeedOptions = {
  orm: MikroORM;
  /**
   * Customers per demo tenant: one count for every tenant, or one per demo tenant in order (a
   * bench seeds a million in the first tenant and a few in the second, which keeps the tenant
   * scoping honest without paying for a second million).
   */
  customersPerTenant?: number | readonly number[];
  seed?: number;
  /**
   * The moment the data set is "as of": every timestamp is at or before it. Tests pass a fixed
   * date; by default it is the start of the current UTC day, so demo data looks recent and is
   * still the same all day long for a given seed.
   */
  now?: Date;
  /** Customers generated and inserted per transaction. */
  batchSize?: number;
  onProgress?: (progress: SeedProgress) => void;
  /** How demo passwords are hashed; tests pass a memoised one to skip the deliberate slowness. */
  hashPassword?: (password: string) => Promise<string>;
};

export type SeedResult = {
  tenants: { id: string; slug: string; name: string }[];
  now: string;
  customers: number;
  rows: Record<string, number>;
  totalRows: number;
  elapsedMs: number;
  rowsPerSecond: number;
  /** True when the writes ran without per-row foreign-key checks (needs a superuser). */
  foreignKeyChecksSkipped: boolean;
};

export const startOfUtcDay = (d: Date): Date =>
  new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

export const MAX_CUSTOMERS_PER_TENANT = 1_000_000;

/**
 * Loads the demo data set: two tenants with users of every role (the demo logins), and
 * `customersPerTenant` customers each with their orders, tickets, conversations, calls, views,
 * funnel events, surveys, consent history and segment memberships. Reproducible: the same
 * seed and `now` give the same rows (ids included), whatever the batch size.
 *
 * Built for volume (up to a million customers per tenant): customers are generated and written
 * a batch at a time, one transaction per batch and one COPY per table, and the next batch is
 * generated while the previous one is being written, so memory stays flat at two batches.
 *
 * It writes with raw SQL, which bypasses the ORM's tenant guard and the outbox subscriber on
 * purpose: a million outbox events would only make the relay index each customer one by one.
 * Whoever seeds runs a full reindex afterwards (the launcher does).
 */
export const seed = async (options: SeedOptions): Promise<SeedResult> => {
  const requested = options.customersPerTenant ?? 5_000;
  const customersPerTenant =
    typeof requested === 'number' ? DEMO_TENANTS.map(() => requested) : [...requested];
  const seedValue = options.seed ?? 42;
  const batchSize = options.batchSize ?? 2_000;
  if (customersPerTenant.length !== DEMO_TENANTS.length)
    throw new RangeError(
      `customersPerTenant must be one count or ${DEMO_TENANTS.length} (one per demo tenant), got ${customersPerTenant.length}`,
    );
  for (const n of customersPerTenant) {
    if (!Number.isInteger(n) || n < 0 || n > MAX_CUSTOMERS_PER_TENANT) {
      throw new RangeError(
        `customersPerTenant must be an integer from 0 to ${MAX_CUSTOMERS_PER_TENANT}, got ${n}`,
      );
    }
  }
  if (!Number.isInteger(seedValue)) throw new RangeError(`seed must be an integer, got ${seedValue}`);
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  const nowDate = options.now ?? startOfUtcDay(new Date());
  if (Number.isNaN(nowDate.getTime())) throw new RangeError('now must be a valid date');
  const now = nowDate.getTime();

  // One connection of its own: COPY streams need a plain pg client, and the session settings
  // below must not leak into the ORM's pool.
  const client = new Client({ connectionString: options.orm.config.getClientUrl() });
  await client.connect();
  try {
    return await seedWith(client, options, { customersPerTenant, seedValue, batchSize, now });
  } finally {
    await client.end();
  }
};

const seedWith = async (
  client: Client,
  options: SeedOptions,
  {
    customersPerTenant,
    seedValue,
    batchSize,
    now,
  }: { customersPerTenant: number[]; seedValue: number; batchSize: number; now: number },
): Promise<SeedResult> => {
  const existing = await client.query<{ slug: string }>(
    'select slug from tenant where slug = any($1) order by slug',
    [DEMO_TENANTS.map((t) => t.slug)],
  );
  if (existing.rows.length > 0) {
    throw new Error(
      `the database already holds demo tenant ${existing.rows.map((r) => r.slug).join(', ')}: reset it first (--reset)`,
    );
  }
  // A crash loses at most the last batches, which a re-run with --reset redoes anyway.
  await client.query('set synchronous_commit = off');
  // The generator only links rows it has written in the same or an earlier batch, so per-row
  // foreign-key triggers would check what is true by construction, at a third of the write
  // time. Skipping them takes a superuser (our local cluster's role is one); elsewhere they stay on.
  const foreignKeyChecksSkipped = await client
    .query('set session_replication_role = replica')
    .then(() => true)
    .catch(() => false);
  const jsonColumns = new Set(
    (
      await client.query<{ column_name: string; table_name: string }>(
        `select table_name, column_name from information_schema.columns where table_schema = current_schema() and data_type in ('json', 'jsonb')`,
      )
    ).rows.map((r) => `${r.table_name}.${r.column_name}`),
  );
  const inTransaction = async (work: () => Promise<void>): Promise<void> => {
    await client.query('begin');
    try {
      await work();
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    }
  };

  const started = process.hrtime.bigint();
  const rows: Record<string, number> = {};
  let totalRows = 0;
  const count = (table: string, n: number): void => {
    rows[table] = (rows[table] ?? 0) + n;
    totalRows += n;
  };
  const rng = new SeedRandom();
  const customersTotal = customersPerTenant.reduce((a, b) => a + b, 0);
  let customersDone = 0;
  const tenants: SeedResult['tenants'] = [];

  // Distinct salts, so the hashes are not reproducible: they are left out of comparisons.
  const hashes = await Promise.all(
    Array.from({ length: USERS_PER_TENANT * DEMO_TENANTS.length }, () =>
      (options.hashPassword ?? hashPassword)(DEMO_PASSWORD),
    ),
  );

  for (const [tenantIndex, tenant] of DEMO_TENANTS.entries()) {
    const setup = generateTenant(
      rng,
      tenant,
      tenantIndex,
      seedValue,
      now,
      hashes.slice(tenantIndex * USERS_PER_TENANT, (tenantIndex + 1) * USERS_PER_TENANT),
    );
    await inTransaction(async () => {
      for (const table of TENANT_TABLES) await copyRows(client, table, setup.rows[table], jsonColumns);
    });
    for (const table of TENANT_TABLES) count(table, setup.rows[table].length);
    tenants.push({ id: setup.context.tenantId, slug: tenant.slug, name: tenant.name });

    const write = async (batch: CustomerRows, customers: number): Promise<void> => {
      await inTransaction(async () => {
        for (const table of CUSTOMER_TABLES) await copyRows(client, table, batch[table], jsonColumns);
      });
      for (const table of CUSTOMER_TABLES) count(table, batch[table].length);
      customersDone += customers;
      options.onProgress?.({ tenant: tenant.slug, customersDone, customersTotal, rowsDone: totalRows });
    };

    const tenantCustomers = customersPerTenant[tenantIndex]!;
    let pending: Promise<void> | null = null;
    for (let from = 0; from < tenantCustomers; from += batchSize) {
      const to = Math.min(tenantCustomers, from + batchSize);
      const batch = generateBatch(rng, setup.context, seedValue, from, to, now);
      if (pending) await pending;
      pending = write(batch, to - from);
      // Attach a handler now: the rejection, if any, is re-thrown by the await above or below.
      pending.catch(() => undefined);
    }
    if (pending) await pending;

    // Segment counts as the cards show them, from the memberships just written.
    await client.query(
      `update segment s set cached_count = (select count(*) from segment_membership m where m.segment_id = s.id and m.tenant_id = s.tenant_id),
         counted_at = $1 where s.tenant_id = $2`,
      [new Date(now).toISOString(), setup.context.tenantId],
    );
  }
  if (customersTotal === 0)
    options.onProgress?.({ tenant: '', customersDone, customersTotal, rowsDone: totalRows });

  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  return {
    tenants,
    now: new Date(now).toISOString(),
    customers: customersDone,
    rows,
    totalRows,
    elapsedMs: Math.round(elapsedMs),
    rowsPerSecond: Math.round(totalRows / Math.max(elapsedMs / 1000, 0.001)),
    foreignKeyChecksSkipped,
  };
};

const generateBatch = (
  rng: SeedRandom,
  ctx: TenantSeedContext,
  seedValue: number,
  from: number,
  to: number,
  now: number,
): CustomerRows => {
  const out = emptyCustomerRows();
  for (let i = from; i < to; i++) generateCustomer(rng, ctx, seedValue, i, now, out);
  return out;
};
