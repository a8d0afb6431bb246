import { Client } from 'pg';

/**
 * Customer 360 latency: p50/p95 of `GET /customers/:id/360` at 10 and 50 concurrent clients on a
 * tenant of 100,000 customers (with their deals, tickets, conversations, messages, calls,
 * surveys), against the baseline `GET /customers/:id` (one primary-key read) measured in the same
 * run at the same concurrency; the report gives both and their ratio. Customers are a fixed
 * sample of the tenant, each asked once per run and level, so no answer comes from a warm row.
 *
 * Set-up, once (a database of its own, seeded with the project's seeder):
 *
 *   createdb c360_bench (as the c360 role), then
 *   C360_DATABASE_URL=postgres://c360:c360@127.0.0.1:55432/c360_bench \
 *     node node_modules/tsx/dist/cli.mjs store/src/cli/seed.ts --customers 100000 --reset --now 2026-06-15
 *
 * Run: the API on that database, then the bench against it:
 *
 *   C360_DATABASE_URL=<same> C360_API_PORT=3360 C360_LOG_LEVEL=warn node node_modules/tsx/dist/cli.mjs api/src/main.ts &
 *   C360_API_URL=http://127.0.0.1:3360 C360_DATABASE_URL=<same> node node_modules/tsx/dist/cli.mjs bench/profile360.ts [requests=1000]
 */
const API = process.env['C360_API_URL'] ?? 'http://127.0.0.1:3000';
const DATABASE_URL = process.env['C360_DATABASE_URL'] ?? 'postgres://c360:c360@127.0.0.1:55432/c360_bench';
const TENANT = process.env['C360_BENCH_TENANT'] ?? 'acme';
const requests = Number(process.argv[2] ?? 1000);
const LEVELS = [10, 50];

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

type Run = { latencies: number[]; errors: number; seconds: number };

/** `total` requests over `concurrency` clients, each taking the next customer of the sample. */
const load = async (
  path: (id: string) => string,
  ids: string[],
  concurrency: number,
  total: number,
  headers: Record<string, string>,
): Promise<Run> => {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const client = async (): Promise<void> => {
    for (let i = next++; i < total; i = next++) {
      const t0 = performance.now();
      const res = await fetch(`${API}${path(ids[i % ids.length]!)}`, { headers });
      await res.arrayBuffer();
      if (res.status === 200) latencies.push(performance.now() - t0);
      else errors += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  latencies.sort((a, b) => a - b);
  return { latencies, errors, seconds: (performance.now() - started) / 1000 };
};

const row = (label: string, r: Run): string =>
  `${label.padEnd(34)} p50 ${percentile(r.latencies, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(
    r.latencies,
    95,
  )
    .toFixed(1)
    .padStart(7)} ms   ${(r.latencies.length / r.seconds).toFixed(0).padStart(5)} req/s   errors ${r.errors}`;

const main = async (): Promise<void> => {
  const db = new Client({ connectionString: DATABASE_URL });
  await db.connect();
  const tenant = await db.query<{ id: string }>('select id from tenant where slug = $1', [TENANT]);
  const tenantId = tenant.rows[0]?.id;
  if (!tenantId) throw new Error(`no tenant ${TENANT} in ${DATABASE_URL}: seed it first`);
  const size = await db.query<{ n: string; stored: string }>(
    `select count(*) as n, count(*) filter (where scores->>'version' = '1') as stored from customer where tenant_id = $1`,
    [tenantId],
  );
  // A fixed pseudo-random sample, two per request and level, so no customer is asked twice in a phase.
  const sample = await db.query<{ id: string }>(
    'select id from customer where tenant_id = $1 order by md5(id::text) limit $2',
    [tenantId, requests * 2 * LEVELS.length + 200],
  );
  await db.end();
  const ids = sample.rows.map((r) => r.id);

  const login = await fetch(`${API}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant: TENANT, email: `admin@${TENANT}.test`, password: 'demo1234' }),
  });
  if (login.status !== 200) throw new Error(`login answered ${login.status}: ${await login.text()}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = { authorization: `Bearer ${accessToken}` };

  const n = Number(size.rows[0]?.n ?? 0);
  const stored = Number(size.rows[0]?.stored ?? 0);
  console.log(
    `tenant ${TENANT}: ${n} customers, ${stored} with stored scores (the others get theirs computed per request)`,
  );
  console.log(`requests per measurement: ${requests}`);
  // Warm-up: connections, JIT, and the tenant's scoring model (loaded once, then cached).
  await load((id) => `/api/v1/customers/${id}/360`, ids.slice(-200), 5, 100, headers);
  await load((id) => `/api/v1/customers/${id}`, ids.slice(-200), 5, 100, headers);

  let offset = 0;
  for (const concurrency of LEVELS) {
    const baseIds = ids.slice(offset, (offset += requests));
    const viewIds = ids.slice(offset, (offset += requests));
    const baseline = await load((id) => `/api/v1/customers/${id}`, baseIds, concurrency, requests, headers);
    const view = await load((id) => `/api/v1/customers/${id}/360`, viewIds, concurrency, requests, headers);
    console.log(`\nconcurrency ${concurrency}`);
    console.log(row('GET /customers/:id (baseline)', baseline));
    console.log(row('GET /customers/:id/360', view));
    console.log(
      `ratio /360 ÷ baseline: p50 ${(percentile(view.latencies, 50) / percentile(baseline.latencies, 50)).toFixed(1)}×   p95 ${(
        percentile(view.latencies, 95) / percentile(baseline.latencies, 95)
      ).toFixed(1)}×`,
    );
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
