/**
 * Segment bench: count latency of five representative segment filters on OpenSearch, side by
 * side with the same filters as SQL on PostgreSQL (JSONB and joins) in the same run; then the
 * export of a whole segment: throughput (rows/s) and peak memory (RSS), against a baseline of
 * the same point-in-time scan without encoding or writing.
 *
 *   C360_DATA=/work/main/.data node node_modules/tsx/dist/cli.mjs bench/segments.ts [customers=100000] [samples=30] [counts]
 *
 * The data set is the project's seeder (fixed seed and date: `customers` in the first demo tenant,
 * 10,000 in the second, which only keeps the tenant scoping honest) in a database of its own,
 * `c360_bench_seg_<customers>`; the first tenant is then scored by the rescore activities (tenant
 * model, then every customer, as the rescore workflow does, with the data set's date as the
 * clock), which also writes each scored customer's document into
 * `c360-bench-seg-<customers>-customers`. All of it is kept between runs and resumed or reused,
 * so only the first run pays for seeding, scoring and indexing. The dist build of the workspace
 * packages is what tsx loads here: run `npx tsc -b` first after changing them.
 *
 * The other segment figures are measured next door: membership recompute for one changed
 * customer against 1,000 saved segments in bench/segmentRecomputeOne.ts (and bench/segmentMembership.ts
 * for batches), the latency from a customer write through the API to its `segment.entered` event
 * in bench/segmentEnteredLatency.ts.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { Client as PgClient } from 'pg';
import {
  compileSegmentFilter,
  parseSegmentFilter,
  DEFAULT_EXPORT_COLUMNS,
  exportSourceFields,
} from '@c360/domain';
import { createScoreActivities } from '@c360/activities';
import {
  buildCustomerDocuments,
  createOrm,
  createSearchClient,
  customerIndexName,
  ensureCustomerIndex,
  ensureDatabase,
  listCustomerIdsAfter,
  migrateUp,
  seed,
  segmentMembersQuery,
  type SegmentMembersQuery,
  streamSegmentMembers,
  writeCustomerDocuments,
  writeSegmentExport,
} from '@c360/store';

const customers = Number(process.argv[2] ?? 100_000);
const samples = Number(process.argv[3] ?? 30);
/** `counts`: the count latencies only, without the export passes. */
const only = process.argv[4];
const PG = process.env['C360_PG_URL'] ?? 'postgres://c360:c360@127.0.0.1:55432';
const OPENSEARCH = process.env['C360_OPENSEARCH_URL'] ?? 'http://127.0.0.1:9200';
const NOW = new Date('2026-11-01T00:00:00Z');
const OTHER_TENANT_CUSTOMERS = 10_000;
const dbName = `c360_bench_seg_${customers}`;
const prefix = `c360-bench-seg-${customers}-`;
const index = customerIndexName(prefix);

type Case = { name: string; filter: unknown; sql: string };

// The same five questions, once in the filter language and once in SQL. Day windows use the
// data set's fixed date, as the compiled filters do.
const CASES: Case[] = [
  { name: 'VIP (boolean)', filter: { field: 'vip', op: 'isTrue' }, sql: 'c.is_vip' },
  {
    name: 'tags has any (array)',
    filter: { field: 'tags', op: 'hasAny', value: ['loyalty', 'b2b'] },
    sql: "c.tags && array['loyalty','b2b']::text[]",
  },
  {
    name: 'opted in to WhatsApp (JSONB)',
    filter: { field: 'optedIn', op: 'has', value: 'whatsapp' },
    sql: "(c.custom_fields #>> '{marketingPreferences,channels,whatsapp,optedIn}') = 'true'",
  },
  {
    name: 'CLV >= 500 and RFM r >= 4 (JSONB)',
    filter: {
      and: [
        { field: 'clv', op: 'gte', value: 500 },
        { field: 'rfm.r', op: 'gte', value: 4 },
      ],
    },
    // The calculators' stored shape (scores.version 1), as the search document reads it.
    sql: "(c.scores #>> '{clv,total}')::numeric >= 500 and (c.scores #>> '{rfm,r}')::int >= 4",
  },
  {
    name: '>= 2 orders in 365 days, fr/es (join)',
    filter: {
      and: [
        { field: 'language', op: 'in', value: ['fr', 'es'] },
        { behaviour: 'orders', op: 'atLeast', count: 2, withinDays: 365 },
      ],
    },
    sql: `c.language in ('fr','es') and (select count(*) from deal d where d.tenant_id = c.tenant_id
          and d.customer_id = c.id and d.status = 'won' and d.closed_at >= $2::timestamptz - interval '365 days') >= 2`,
  },
];

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

const timeIt = async (fn: () => Promise<unknown>): Promise<number[]> => {
  for (let i = 0; i < 3; i += 1) await fn(); // warm caches and connections
  const xs: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const t0 = performance.now();
    await fn();
    xs.push(performance.now() - t0);
  }
  return xs.sort((a, b) => a - b);
};

const main = async (): Promise<void> => {
  await ensureDatabase(`${PG}/${dbName}`);
  const orm = await createOrm({ databaseUrl: `${PG}/${dbName}`, poolMax: 4 });
  const search = createSearchClient(OPENSEARCH);
  const exportDir = mkdtempSync(path.join(tmpdir(), 'c360-bench-export-'));
  try {
    await migrateUp(orm);
    const conn = orm.em.getConnection();
    const tenantRow = async () =>
      (
        await conn.execute<{ id: string; n: string }[]>(
          `select t.id, count(c.id) as n from tenant t left join customer c on c.tenant_id = t.id
           group by t.id order by t.slug limit 1`,
        )
      )[0];
    let tenant = await tenantRow();
    if (!tenant || Number(tenant.n) !== customers) {
      if (tenant) throw new Error(`${dbName} holds a partial data set: drop it and rerun`);
      console.log(
        `seeding ${customers} customers (and ${OTHER_TENANT_CUSTOMERS} in the second tenant) into ${dbName} (once; kept for later runs)…`,
      );
      const seeded = await seed({
        orm,
        customersPerTenant: [customers, OTHER_TENANT_CUSTOMERS],
        seed: 42,
        now: NOW,
        batchSize: 5_000,
        onProgress: (p) => {
          if (p.customersDone % 100_000 === 0)
            console.log(`  ${p.customersDone} customers, ${p.rowsDone} rows, ${new Date().toISOString()}`);
        },
      });
      console.log(
        `  seeded ${seeded.totalRows} rows in ${(seeded.elapsedMs / 1000).toFixed(0)} s (${Math.round(seeded.rowsPerSecond)} rows/s)`,
      );
      tenant = await tenantRow();
    }
    const tenantId = tenant!.id;
    // Fresh COPYed tables have no statistics: without them the planner picks nested loops that
    // make the document reads (and the SQL side of the bench) look far slower than they are.
    await conn.execute('analyze');

    await ensureCustomerIndex(search, prefix);
    const indexed = async () =>
      (await search.count({ index, body: { query: { term: { tenantId } } } as never })).body.count;

    // Score-based filters (CLV, RFM) match nobody until the calculators have run: score the tenant
    // as the rescore workflow does, resuming after the last customer already scored.
    const [scoring] = await conn.execute<{ unscored: string; lastScored: string | null }[]>(
      `select count(*) filter (where coalesce((scores ->> 'version')::int, 0) <> 1) as unscored,
              max(id::text) filter (where (scores ->> 'version')::int = 1) as "lastScored"
         from customer where tenant_id = ?`,
      [tenantId],
    );
    const { unscored, lastScored } = scoring!;
    if (Number(unscored) > 0) {
      console.log(`scoring ${unscored} customers (once; kept for later runs)…`);
      const activities = createScoreActivities({ orm, search, indexPrefix: prefix, clock: () => NOW });
      const t0 = performance.now();
      if (!lastScored) await activities.beginTenantRescore({ tenantId });
      let afterId: string | null = lastScored;
      let scored = 0;
      for (;;) {
        const r = await activities.rescoreCustomerBatch({ tenantId, afterId, limit: 1_000 });
        if (!r.lastId) break;
        scored += r.scored;
        afterId = r.lastId;
        if (scored % 50_000 === 0) console.log(`  ${scored} scored, ${new Date().toISOString()}`);
      }
      console.log(`  scored ${scored} customers in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
    // The scoring wrote documents without a refresh: count what is really there.
    await search.indices.refresh({ index });
    if ((await indexed()) !== customers) {
      console.log(`indexing the tenant into ${index} (once; kept for later runs)…`);
      const t0 = performance.now();
      let afterId: string | null = null;
      for (;;) {
        const ids = await listCustomerIdsAfter(orm.em.fork(), tenantId, afterId, 2_000);
        if (ids.length === 0) break;
        const batch = await buildCustomerDocuments(orm.em.fork(), tenantId, ids, NOW);
        await writeCustomerDocuments(search, index, { ...batch, missingIds: [] });
        afterId = ids[ids.length - 1]!;
      }
      await search.indices.refresh({ index });
      console.log(
        `  indexed ${await indexed()} documents in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
      );
    }

    console.log(
      `\ncount latency, ${customers.toLocaleString('en')} customers in the tenant, ${samples} samples each`,
    );
    console.log(
      `${'filter'.padEnd(40)} ${'members'.padStart(8)}  ${'OpenSearch p50/p95 ms'.padStart(22)}  ${'PostgreSQL p50/p95 ms'.padStart(22)}  PG/OS p50`,
    );
    for (const c of CASES) {
      const query: SegmentMembersQuery = {
        index,
        tenantId,
        clause: compileSegmentFilter(parseSegmentFilter(c.filter), NOW),
      };
      // No request cache: every sample is a real search, as for a filter being edited.
      const osCount = async () => {
        const response = await search.search({
          index,
          request_cache: false,
          body: { size: 0, track_total_hits: true, query: segmentMembersQuery(query) } as never,
        });
        const total = response.body.hits.total;
        return typeof total === 'number' ? total : Number(total?.value ?? 0);
      };
      const sql = `select count(*) as n from customer c where c.tenant_id = $1 and ${c.sql}`;
      const pg = new PgClient({ connectionString: `${PG}/${dbName}` });
      await pg.connect();
      const pgCount = async () =>
        Number(
          (await pg.query<{ n: string }>(sql, sql.includes('$2') ? [tenantId, NOW] : [tenantId])).rows[0]!.n,
        );
      const [a, b] = [await osCount(), await pgCount()];
      const os = await timeIt(osCount);
      const pgt = await timeIt(pgCount);
      await pg.end();
      const fmt = (xs: number[]) => `${percentile(xs, 50).toFixed(1)} / ${percentile(xs, 95).toFixed(1)}`;
      console.log(
        `${c.name.padEnd(40)} ${String(a).padStart(8)}  ${fmt(os).padStart(22)}  ${fmt(pgt).padStart(22)}  ${(percentile(pgt, 50) / percentile(os, 50)).toFixed(1)}×${a === b ? '' : `   (PostgreSQL counts ${b}: differs)`}`,
      );
    }

    if (only === 'counts') return;
    // The whole tenant as one segment: the largest export there is.
    const all: SegmentMembersQuery = {
      index,
      tenantId,
      clause: compileSegmentFilter(parseSegmentFilter({ field: 'createdAt', op: 'exists' }), NOW),
    };
    const columns = [...DEFAULT_EXPORT_COLUMNS];
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const measure = async (fn: () => Promise<number>) => {
      global.gc?.();
      const before = process.memoryUsage().rss;
      peak = before;
      const t0 = performance.now();
      const rows = await fn();
      const seconds = (performance.now() - t0) / 1000;
      return { rows, seconds, rate: rows / seconds, before, peak };
    };
    // One unmeasured pass first, so the baseline does not pay for a cold index and the others not.
    for await (const page of streamSegmentMembers(search, all, { sourceFields: exportSourceFields(columns) }))
      void page;
    const scan = await measure(async () => {
      let rows = 0;
      for await (const page of streamSegmentMembers(search, all, {
        sourceFields: exportSourceFields(columns),
      }))
        rows += page.length;
      return rows;
    });
    const file = path.join(exportDir, 'all.csv');
    const csv = await measure(
      async () =>
        (await writeSegmentExport(search, all, { format: 'csv', columns }, createWriteStream(file))).rows,
    );
    const json = await measure(
      async () =>
        (
          await writeSegmentExport(
            search,
            all,
            { format: 'json', columns },
            new Writable({ write: (_c, _e, done) => done() }),
          )
        ).rows,
    );
    clearInterval(sampler);
    const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
    console.log(
      `\nexport of the whole tenant (${columns.length} columns), page size 1000, point in time + search_after`,
    );
    for (const [label, r] of [
      ['scan only (baseline)', scan],
      ['CSV to a file', csv],
      ['JSON to a null sink', json],
    ] as const) {
      console.log(
        `${label.padEnd(24)} ${String(r.rows).padStart(8)} rows  ${r.seconds.toFixed(1).padStart(6)} s  ${Math.round(r.rate).toLocaleString('en').padStart(8)} rows/s  RSS ${mb(r.before)} → peak ${mb(r.peak)} (+${mb(r.peak - r.before)})`,
      );
    }
    console.log(`CSV throughput / scan: ${(csv.rate / scan.rate).toFixed(2)}×`);
  } finally {
    rmSync(exportDir, { recursive: true, force: true });
    await search.close();
    await orm.close();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
