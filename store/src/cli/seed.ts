import { SingleBar, Presets } from 'cli-progress';
import { createOrm } from '../db/createOrm';
import { migrateUp } from '../db/migrateUp';
import { resetDatabase } from '../db/resetDatabase';
import { ensureDemoChannelAccounts } from '../seed/demoChannelAccounts';
import { DEMO_LOGINS } from '../seed/demoTenants';
import { seed } from '../seed/seed';

const USAGE = `usage: seed [--customers N] [--seed S] [--now YYYY-MM-DD] [--batch N] [--reset] [--if-empty]
  --customers  customers per tenant (default 5000, up to 1000000)
  --seed       random seed (default 42): the same seed and --now give the same data
  --now        the day the data is "as of" (default: today, UTC)
  --batch      customers per insert batch (default 2000)
  --reset      drop every table and re-apply the migrations first
  --if-empty   do nothing when the database already has tenants (what ./c360 up uses)
Reads C360_DATABASE_URL. Writes no outbox events: run a full reindex afterwards.`;

const intOption = (args: string[], name: string, fallback: number): number => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const raw = args[i + 1];
  const value = Number(raw);
  if (raw === undefined || !Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer, got ${raw ?? 'nothing'}\n${USAGE}`);
  return value;
};

/** `tsx store/src/cli/seed.ts [options]`: loads the demo data set with a progress bar. */
const main = async (): Promise<void> => {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const known = new Set(['--customers', '--seed', '--now', '--batch', '--reset', '--if-empty']);
  const unknown = args.filter((a, i) => a.startsWith('--') && !known.has(a) && !known.has(args[i - 1] ?? ''));
  if (unknown.length) throw new Error(`unknown option ${unknown.join(', ')}\n${USAGE}`);
  const databaseUrl = process.env['C360_DATABASE_URL'];
  if (!databaseUrl) throw new Error('C360_DATABASE_URL is required');
  const customersPerTenant = intOption(args, '--customers', 5_000);
  const seedValue = intOption(args, '--seed', 42);
  const batchSize = intOption(args, '--batch', 2_000);
  const nowArg = args.includes('--now') ? args[args.indexOf('--now') + 1] : undefined;
  const now = nowArg ? new Date(`${nowArg}T00:00:00Z`) : undefined;
  if (now && Number.isNaN(now.getTime())) throw new Error(`--now must be a date YYYY-MM-DD, got ${nowArg}`);

  if (args.includes('--reset')) {
    await resetDatabase(databaseUrl);
    console.log('database reset and migrated');
  }
  const orm = await createOrm({ databaseUrl });
  const bar = new SingleBar(
    {
      format: 'seeding {bar} {percentage}% | {value}/{total} customers | {rows} rows | {eta_formatted} left',
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  try {
    await migrateUp(orm);
    if (args.includes('--if-empty')) {
      const [row] = await orm.em
        .fork()
        .getConnection()
        .execute<{ n: string }[]>('select count(*) as n from tenant');
      if (Number(row?.n) > 0) {
        const added = await ensureDemoChannelAccounts(orm);
        console.log(
          `demo data already loaded (${row?.n} tenants)` +
            (added > 0 ? `; added ${added} demo channel account(s) it lacked` : '; nothing to do'),
        );
        return;
      }
    }
    bar.start(customersPerTenant * 2, 0, { rows: 0 });
    const result = await seed({
      orm,
      customersPerTenant,
      seed: seedValue,
      batchSize,
      ...(now ? { now } : {}),
      onProgress: (p) => bar.update(p.customersDone, { rows: p.rowsDone }),
    });
    bar.stop();
    console.log(
      `seeded ${result.customers} customers, ${result.totalRows} rows in ${(result.elapsedMs / 1000).toFixed(1)} s ` +
        `(${result.rowsPerSecond} rows/s), as of ${result.now}`,
    );
    for (const [table, n] of Object.entries(result.rows)) console.log(`  ${table.padEnd(24)} ${n}`);
    console.log('demo logins (password for all: demo1234):');
    for (const l of DEMO_LOGINS) console.log(`  ${l.tenant.padEnd(8)} ${l.role.padEnd(9)} ${l.email}`);
    console.log('search is empty until a full reindex runs (the seeder writes no outbox events)');
  } finally {
    bar.stop();
    await orm.close();
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
