/**
 * Time to rescore a tenant: seeds a fresh database with the project's seeder (two demo tenants
 * of N customers each, with their deals, tickets, conversations, surveys), then, on one tenant,
 * runs in the same process and on the same Temporal server:
 *   1. the plain reindex workflow (the baseline: read every customer, write its document);
 *   2. the rescore workflow, first run (tenant model, then every customer scored, stored, announced, indexed);
 *   3. the rescore workflow again on the same data (every customer recomputed; only what moved is stored:
 *      CLV and churn inputs move with the clock, so minutes later most buyers' scores do, their events do not).
 * It reports each run's customers per second, the per-batch activity latency p50/p95, and the
 * ratio of each rescore to the reindex. Needs the services (`./c360 up` or the test services):
 *
 *   node node_modules/tsx/dist/cli.mjs bench/rescore.ts [customersPerTenant=100000] [batchSize=500]
 *
 * It creates (and drops afterwards) its own database `c360_bench_rescore` and index prefix.
 */
import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createActivities } from '@c360/activities';
import { createOrm, createSearchClient, migrateUp, seed } from '@c360/store';
import { startReindex, startRescore, workflowsPath } from '@c360/workflows';

const customersPerTenant = Number(process.argv[2] ?? 100_000);
const batchSize = Number(process.argv[3] ?? 500);
const pgBase = process.env['C360_BENCH_PG_URL'] ?? 'postgres://c360:c360@127.0.0.1:55432/postgres';
const database = 'c360_bench_rescore';
const opensearchUrl = process.env['C360_OPENSEARCH_URL'] ?? 'http://127.0.0.1:9200';
const temporalAddress = process.env['C360_TEMPORAL_ADDRESS'] ?? '127.0.0.1:7233';
const namespace = process.env['C360_TEMPORAL_NAMESPACE'] ?? 'c360-test';
const indexPrefix = `c360-bench-rescore-${randomUUID().slice(0, 8)}-`;

const percentile = (xs: number[], p: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
};

const admin = async (sql: string): Promise<void> => {
  const client = new PgClient({ connectionString: pgBase });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

/** Wraps the batch activities to record how long each call takes. */
const timed = <F extends (...args: never[]) => Promise<unknown>>(fn: F, into: number[]): F =>
  (async (...args: Parameters<F>) => {
    const t0 = performance.now();
    try {
      return await fn(...args);
    } finally {
      into.push(performance.now() - t0);
    }
  }) as F;

const main = async (): Promise<void> => {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  await admin(`drop database if exists ${database} with (force)`);
  await admin(`create database ${database}`);
  const url = new URL(pgBase);
  url.pathname = `/${database}`;
  const orm = await createOrm({ databaseUrl: url.toString(), poolMax: 10 });
  const search = createSearchClient(opensearchUrl);
  const connection = await NativeConnection.connect({ address: temporalAddress });
  const clientConnection = await Connection.connect({ address: temporalAddress });
  const client = new Client({ connection: clientConnection, namespace });
  try {
    await migrateUp(orm);
    const t0 = performance.now();
    const seeded = await seed({ orm, customersPerTenant, seed: 42 });
    console.log(
      `seeded ${seeded.customers} customers (${seeded.totalRows} rows) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const tenant = seeded.tenants[0]!;

    const reindexBatches: number[] = [];
    const rescoreBatches: number[] = [];
    const modelRuns: number[] = [];
    const base = createActivities({ orm, search, indexPrefix });
    const activities = {
      ...base,
      reindexCustomerBatch: timed(base.reindexCustomerBatch, reindexBatches),
      rescoreCustomerBatch: timed(base.rescoreCustomerBatch, rescoreBatches),
      beginTenantRescore: timed(base.beginTenantRescore, modelRuns),
    };
    const taskQueue = `bench-rescore-${randomUUID().slice(0, 8)}`;
    const worker = await Worker.create({ connection, namespace, taskQueue, workflowsPath, activities });

    const runs: { label: string; seconds: number; batches: number[]; detail: string }[] = [];
    await worker.runUntil(async () => {
      const run = async (label: string, start: () => Promise<{ workflowId: string }>, batches: number[]) => {
        batches.length = 0;
        const started = performance.now();
        const { workflowId } = await start();
        const result = (await client.workflow.getHandle(workflowId).result()) as Record<string, unknown>;
        const seconds = (performance.now() - started) / 1000;
        const detail = Object.entries(result)
          .filter(([k]) => ['total', 'indexed', 'scored', 'changed', 'events'].includes(k))
          .map(([k, v]) => `${k} ${String(v)}`)
          .join(', ');
        runs.push({ label, seconds, batches: [...batches], detail });
        console.log(`${label}: ${seconds.toFixed(1)} s (${detail}) workflow ${workflowId}`);
      };
      const input = { tenantId: tenant.id, batchSize, taskQueue };
      await run(
        'reindex (baseline)',
        () => startReindex(client, { ...input, requestId: randomUUID() }),
        reindexBatches,
      );
      await run(
        'rescore, first run',
        () => startRescore(client, { ...input, requestId: randomUUID() }),
        rescoreBatches,
      );
      await run(
        'rescore, same data again',
        () => startRescore(client, { ...input, requestId: randomUUID() }),
        rescoreBatches,
      );
    });

    const baseline = runs[0]!;
    console.log(
      `tenant model (RFM quintiles, VIP cut-offs, churn training): ${modelRuns.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ')}`,
    );
    console.log(`\ntenant ${tenant.slug}: ${customersPerTenant} customers, batches of ${batchSize}`);
    for (const r of runs) {
      console.log(
        `${r.label.padEnd(26)} ${r.seconds.toFixed(1).padStart(7)} s  ${(customersPerTenant / r.seconds)
          .toFixed(0)
          .padStart(
            6,
          )} customers/s  batch p50 ${percentile(r.batches, 50).toFixed(0).padStart(5)} ms  p95 ${percentile(
          r.batches,
          95,
        )
          .toFixed(0)
          .padStart(5)} ms  ratio to reindex ${(r.seconds / baseline.seconds).toFixed(2)}×`,
      );
    }
  } finally {
    await search.indices.delete({ index: `${indexPrefix}customers` }).catch(() => undefined);
    await search.close();
    await clientConnection.close();
    await connection.close();
    await orm.close();
    if (!process.argv.includes('--keep')) await admin(`drop database if exists ${database} with (force)`);
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
