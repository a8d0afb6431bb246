/**
 * Write-to-event latency: from a customer write through the API (POST /api/v1/customers, PATCH
 * /api/v1/customers/:id) to the `segment.entered` outbox event it causes, p50/p95, against the
 * baseline of the write's own response time measured on the same requests. The stack is the
 * e2e one (e2e/src/support/segmentStack.ts), in this process: the API app on a real HTTP port,
 * the outbox relay with real-time membership (both matchers, one after the other, on a tenant
 * each) and a Temporal worker that runs the recompute which anchors each saved segment.
 *
 * Each tenant gets `segments` saved segments (ten `tags has bench-k` ones, so every write enters
 * at least one, and generated ones mixing fields, windows and boolean operators). Writes go one
 * at a time; the event is seen through LISTEN on the outbox channel (the same notification the
 * relay wakes on), with a 25 ms poll as a safety net. Needs the services (./c360 up or the test
 * ones) and a workspace build (`npx tsc -b`): tsx loads the packages' dist.
 *
 *   node node_modules/tsx/dist/cli.mjs bench/segmentEnteredLatency.ts [writes=100] [segments=50] [database] [indexPrefix]
 *
 * Database `c360_bench_entered` (created and migrated when missing, kept); indices
 * `c360-bench-entered-e2e-<random>-*` (deleted at the end). On the large data set of
 * bench/segments.ts instead: `... 100 50 c360_bench_seg_1000000 c360-bench-seg-1000000-` writes the
 * measured tenants' customers into that database (a million customers, 22 million rows) and that
 * customers index (a million documents), which are left in place; the outbox events the data set
 * has not delivered (score announcements) are marked delivered first, so the relay only carries
 * the measured writes.
 */
import type { AddressInfo } from 'node:net';
import { Client as PgClient } from 'pg';
import { createOrm, ensureDatabase, migrateUp, OUTBOX_CHANNEL } from '@c360/store';
import { openSegmentStack, type SegmentMatcher, type StackTenant } from '../e2e/src/support/segmentStack';

const writes = Number(process.argv[2] ?? 100);
const segmentCount = Number(process.argv[3] ?? 50);
const PG = process.env['C360_PG_URL'] ?? 'postgres://c360:c360@127.0.0.1:55432';
const dbName = process.argv[4] ?? 'c360_bench_entered';
const sharedIndexPrefix = process.argv[5];
const databaseUrl = `${PG}/${dbName}`;
process.env['C360_INDEX_PREFIX'] ??= 'c360-bench-entered-';

let state = 7;
const rand = (): number => {
  state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
  return state / 2_147_483_648;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
const TAG_SEGMENTS = 10;

const leaf = (): unknown =>
  pick<() => unknown>([
    () => ({ field: 'tags', op: 'hasAny', value: [`bench-${int(0, 9)}`, 'gold'] }),
    () => ({ field: 'language', op: 'in', value: [pick(['en', 'fr', 'de']), pick(['ar', 'es'])] }),
    () => ({ field: 'lifecycleStage', op: 'eq', value: pick(['lead', 'customer']) }),
    () => ({ field: 'vip', op: 'isTrue' }),
    () => ({ field: 'firstName', op: 'prefix', value: pick(['a', 'ma', 'jo']) }),
    () => ({ behaviour: 'noPurchase', withinDays: pick([30, 90, 180]) }),
    () => ({ behaviour: 'orders', op: 'atLeast', count: int(1, 3), withinDays: 365 }),
  ])();
const generated = (): unknown => {
  const n = int(1, 3);
  if (n === 1) return leaf();
  const children = Array.from({ length: n }, () => (rand() < 0.2 ? { not: leaf() } : leaf()));
  return rand() < 0.7 ? { and: children } : { or: children };
};

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95) };
};

/** Resolves with the instant a customer's `segment.entered` for one segment is visible to a reader. */
const createEnteredWatcher = async () => {
  const listener = new PgClient({ connectionString: databaseUrl });
  const reader = new PgClient({ connectionString: databaseUrl });
  await listener.connect();
  await reader.connect();
  await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
  type Pending = { tenantId: string; segmentId: string; customerId: string; resolve: (t: number) => void };
  let pending: Pending | null = null;
  let checking = false;
  const check = async (seenAt: number): Promise<void> => {
    if (!pending || checking) return;
    checking = true;
    try {
      const { tenantId, segmentId, customerId, resolve } = pending;
      const found = await reader.query(
        `select 1 from outbox_event where tenant_id = $1 and type = 'segment.entered'
           and aggregate_type = 'segment' and aggregate_id = $2 and payload->>'customerId' = $3 limit 1`,
        [tenantId, segmentId, customerId],
      );
      if (found.rowCount && pending?.customerId === customerId) {
        pending = null;
        resolve(seenAt);
      }
    } finally {
      checking = false;
    }
  };
  listener.on('notification', () => void check(performance.now()));
  const poll = setInterval(() => void check(performance.now()), 25);
  return {
    /** Arm before the write: the event can commit before the write's response arrives. */
    expect: (tenantId: string, segmentId: string, customerId: () => string | undefined) =>
      new Promise<number>((resolve, reject) => {
        const timeout = setTimeout(() => reject(new Error('no segment.entered within 30 s')), 30_000);
        const arm = () => {
          const id = customerId();
          if (!id) return void setTimeout(arm, 0);
          pending = {
            tenantId,
            segmentId,
            customerId: id,
            resolve: (t) => {
              clearTimeout(timeout);
              resolve(t);
            },
          };
          void check(performance.now());
        };
        arm();
      }),
    close: async () => {
      clearInterval(poll);
      await listener.end();
      await reader.end();
    },
  };
};

const main = async (): Promise<void> => {
  await ensureDatabase(`${PG}/${dbName}`);
  const orm = await createOrm({ databaseUrl, poolMax: 8 });
  await migrateUp(orm);
  if (sharedIndexPrefix)
    await orm.em.fork().execute(`update outbox_event set processed_at = now() where processed_at is null`);
  const stack = await openSegmentStack(
    orm,
    databaseUrl,
    sharedIndexPrefix ? { indexPrefix: sharedIndexPrefix } : {},
  );
  const server = stack.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  const watcher = await createEnteredWatcher();
  const call = async (
    tenant: StackTenant,
    role: 'agent' | 'marketer',
    method: string,
    path: string,
    body: unknown,
  ) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: tenant.tokens[role], 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };

  try {
    const rows: string[] = [];
    for (const matcher of ['evaluator', 'percolator'] as SegmentMatcher[]) {
      stack.useMatcher(matcher);
      const tenant = await stack.tenant(`bench-${matcher}`);
      // Saved segments, each anchored by its recompute workflow before any write is measured.
      const workflows: string[] = [];
      const tagSegments: string[] = [];
      for (let i = 0; i < segmentCount; i += 1) {
        const filter = i < TAG_SEGMENTS ? { field: 'tags', op: 'has', value: `bench-${i}` } : generated();
        const s = await call(tenant, 'marketer', 'POST', '/segments', { name: `Bench ${i}`, filter });
        if (i < TAG_SEGMENTS) tagSegments.push(String(s['id']));
        if (s['recomputeWorkflowId']) workflows.push(String(s['recomputeWorkflowId']));
      }
      for (const id of workflows) await stack.env.client.workflow.getHandle(id).result();
      // Customers for the PATCH round (one per write, warm-ups included: a customer patched
      // twice into the same segment would find its first event), created outside every tag segment.
      const idle: string[] = [];
      for (let i = 0; i < writes + 3; i += 1)
        idle.push(
          String(
            (await call(tenant, 'agent', 'POST', '/customers', { firstName: `Idle${i}`, tags: ['idle'] }))[
              'id'
            ],
          ),
        );

      const measured: Record<'POST' | 'PATCH', { response: number[]; entered: number[] }> = {
        POST: { response: [], entered: [] },
        PATCH: { response: [], entered: [] },
      };
      for (const method of ['POST', 'PATCH'] as const) {
        for (let i = -3; i < writes; i += 1) {
          // Three unmeasured writes first: connections and caches warm for both measures.
          const k = i + 3;
          const tags = [`bench-${k % TAG_SEGMENTS}`];
          let customerId: string | undefined = method === 'PATCH' ? idle[k] : undefined;
          const t0 = performance.now();
          const entered = watcher.expect(tenant.id, tagSegments[k % TAG_SEGMENTS]!, () => customerId);
          const body =
            method === 'POST'
              ? await call(tenant, 'agent', 'POST', '/customers', { firstName: `Writer${i}`, tags })
              : await call(tenant, 'agent', 'PATCH', `/customers/${customerId}`, { tags });
          const t1 = performance.now();
          customerId ??= String(body['id']);
          const t2 = await entered;
          if (i < 0) continue;
          measured[method].response.push(t1 - t0);
          measured[method].entered.push(t2 - t0);
        }
      }
      for (const method of ['POST', 'PATCH'] as const) {
        const r = stats(measured[method].response);
        const e = stats(measured[method].entered);
        rows.push(
          `${matcher.padEnd(10)} ${method.padEnd(5)} ${`${r.p50.toFixed(1)} / ${r.p95.toFixed(1)}`.padStart(16)}  ${`${e.p50.toFixed(1)} / ${e.p95.toFixed(1)}`.padStart(16)}  ×${(e.p50 / r.p50).toFixed(1)} / ×${(e.p95 / r.p95).toFixed(1)}`,
        );
      }
    }
    const [{ n: customersInDb } = { n: '?' }] = await orm.em
      .fork()
      .execute<{ n: string }[]>('select count(*) as n from customer');
    const documents = (await stack.direct.count({ index: `${stack.indexPrefix}customers` })).body.count;
    console.log(
      `\n${writes} writes per method and matcher, ${segmentCount} saved segments in the tenant, one write at a time; ${customersInDb} customers in the database, ${documents} documents in the customers index`,
    );
    console.log(
      `${'matcher'.padEnd(10)} ${'write'.padEnd(5)} ${'response p50/p95'.padStart(16)}  ${'entered p50/p95'.padStart(16)}  entered/response p50 / p95`,
    );
    for (const row of rows) console.log(row);
  } finally {
    await watcher.close();
    server.close();
    await stack.close();
    await orm.close();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
