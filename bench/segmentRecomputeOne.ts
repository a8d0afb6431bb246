/**
 * Membership recompute for one changed customer against 1,000 saved segments, three ways in
 * the same run, on the same customer and the same segment definitions:
 *   - evaluator: what the relay runs (createSegmentEvaluatorTracker): the tenant's live
 *     segments read from PostgreSQL, matched in memory (lowered predicates cached across calls,
 *     as in the relay), membership rows and segment.entered events written on the transaction,
 *     which is rolled back after each sample so every sample does the same work;
 *   - OpenSearch msearch: the 1,000 segment queries re-run for that customer (each one the
 *     segment's members query plus an `ids` filter), in one _msearch;
 *   - OpenSearch, 1,000 single searches one after the other.
 * The three must select the same segments; the run checks it. Needs PostgreSQL (database
 * `c360_bench_recompute_one`, created and migrated when missing, kept) and OpenSearch (an index
 * of its own, deleted at the end). Run `npx tsc -b` first: tsx loads the packages' dist.
 *
 *   node node_modules/tsx/dist/cli.mjs bench/segmentRecomputeOne.ts [segments=1000] [others=5000] [rounds=30]
 *
 * `others` is how many more customers of the tenant are in the index, so the searches run on a
 * populated index and not on one document.
 */
import { randomUUID } from 'node:crypto';
import { compileSegmentFilter } from '@c360/domain';
import { createSegmentEvaluatorTracker } from '@c360/activities';
import {
  createOrm,
  createSearchClient,
  Customer,
  customerIndexName,
  ensureCustomerIndex,
  ensureDatabase,
  forTenant,
  migrateUp,
  segmentMembersQuery,
  Tenant,
} from '@c360/store';
import { document, filter } from './generatedSegments';

const segmentCount = Number(process.argv[2] ?? 1000);
const others = Number(process.argv[3] ?? 5000);
const rounds = Number(process.argv[4] ?? 30);
const singleRounds = Math.max(3, Math.min(rounds, 10));
const PG = process.env['C360_PG_URL'] ?? 'postgres://c360:c360@127.0.0.1:55432';
const OPENSEARCH = process.env['C360_OPENSEARCH_URL'] ?? 'http://127.0.0.1:9200';
const dbName = 'c360_bench_recompute_one';

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const summary = (samples: number[]) => {
  const s = [...samples].sort((x, y) => x - y);
  return { p50: percentile(s, 50), p95: percentile(s, 95) };
};
const time = async (fn: () => Promise<unknown>): Promise<number> => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};

const main = async (): Promise<void> => {
  await ensureDatabase(`${PG}/${dbName}`);
  const orm = await createOrm({ databaseUrl: `${PG}/${dbName}`, poolMax: 4 });
  const search = createSearchClient(OPENSEARCH);
  const prefix = `c360-bench-${randomUUID().slice(0, 8)}-`;
  const index = customerIndexName(prefix);
  const now = new Date();
  try {
    await migrateUp(orm);
    // A tenant of its own per run, with the changed customer as a real row (membership references it).
    const em = orm.em.fork();
    const slug = `bench-${randomUUID().slice(0, 8)}`;
    const tenant = em.create(Tenant, { name: slug, slug, timeZone: 'UTC' });
    await em.flush();
    const tenantId = tenant.id;
    const scoped = forTenant(em, tenantId);
    const customer = scoped.create(Customer, {
      tenant: tenantId,
      firstName: 'Changed',
      lastName: 'Bench',
      timeZone: 'UTC',
      language: 'en',
    });
    await scoped.flush();

    const segments = Array.from({ length: segmentCount }, () => ({ id: randomUUID(), filter: filter() }));
    await em.getConnection().execute(
      `insert into segment (id, tenant_id, created_at, updated_at, name, definition, definition_version, computed_version, anchored_at)
       select s.id::uuid, ?::uuid, ?, ?, s.name, s.definition, 1, 1, ?
         from jsonb_to_recordset(?::jsonb) as s(id text, name text, definition jsonb)`,
      [
        tenantId,
        now,
        now,
        now,
        JSON.stringify(segments.map((s, i) => ({ id: s.id, name: `Bench ${i}`, definition: s.filter }))),
      ],
    );

    // The changed customer's document, among `others` of the same tenant in a fresh index.
    await ensureCustomerIndex(search, prefix);
    const changed = { ...document(tenantId, now.getTime()), customerId: customer.id };
    // Generated a bulk request at a time, so a million others do not sit in memory.
    const indexStarted = performance.now();
    for (let i = 0; i < others + 1; i += 2000) {
      const chunk = Array.from({ length: Math.min(2000, others + 1 - i) }, (_, k) =>
        i + k === 0 ? changed : document(tenantId, now.getTime()),
      );
      const body = chunk.flatMap((d) => [{ index: { _index: index, _id: d.customerId } }, d]);
      const r = await search.bulk({ body, refresh: false });
      if (r.body.errors) throw new Error(`indexing failed: ${JSON.stringify(r.body.items[0])}`);
    }
    await search.indices.refresh({ index });
    if (others >= 100_000)
      console.log(
        `indexed ${others + 1} documents in ${((performance.now() - indexStarted) / 1000).toFixed(0)} s`,
      );

    const tracker = createSegmentEvaluatorTracker();
    const viaEvaluator = async (): Promise<string[]> => {
      const tx = orm.em.fork();
      await tx.begin();
      try {
        const delta = await tracker.afterCustomerDocuments(
          tx,
          tenantId,
          { version: 1, documents: [changed], missingIds: [] },
          now,
        );
        return delta.entered.map((p) => p.segmentId);
      } finally {
        await tx.rollback();
      }
    };
    const queries = segments.map((s) => ({
      size: 0,
      track_total_hits: true,
      query: {
        bool: {
          filter: [
            segmentMembersQuery({ index, tenantId, clause: compileSegmentFilter(s.filter, now) }),
            { ids: { values: [changed.customerId] } },
          ],
        },
      },
    }));
    const hits = (total: unknown): number =>
      typeof total === 'number' ? total : Number((total as { value?: number } | undefined)?.value ?? 0);
    const viaMsearch = async (): Promise<string[]> => {
      const r = await search.msearch({
        index,
        // No request cache (a header option in _msearch), as for the single searches.
        body: queries.flatMap((q) => [{ request_cache: false }, q]),
      } as never);
      const responses = (r.body as { responses: { hits?: { total?: unknown }; error?: unknown }[] })
        .responses;
      const failed = responses.find((x) => x.error);
      if (failed) throw new Error(`msearch: ${JSON.stringify(failed.error)}`);
      return segments.filter((_, i) => hits(responses[i]!.hits?.total) > 0).map((s) => s.id);
    };
    const viaSingles = async (): Promise<string[]> => {
      const matched: string[] = [];
      for (let i = 0; i < segments.length; i += 1) {
        const r = await search.search({ index, request_cache: false, body: queries[i] } as never);
        if (hits(r.body.hits.total) > 0) matched.push(segments[i]!.id);
      }
      return matched;
    };

    // Agreement first, and the evaluator's cold call (it lowers all 1,000 definitions once).
    const cold = performance.now();
    const a = new Set(await viaEvaluator());
    const coldMs = performance.now() - cold;
    const b = new Set(await viaMsearch());
    const c = new Set(await viaSingles());
    const same = (x: Set<string>, y: Set<string>) => x.size === y.size && [...x].every((id) => y.has(id));

    const samples: Record<'evaluator' | 'msearch' | 'singles', number[]> = {
      evaluator: [],
      msearch: [],
      singles: [],
    };
    for (let r = 0; r < rounds; r += 1) {
      samples.evaluator.push(await time(viaEvaluator));
      samples.msearch.push(await time(viaMsearch));
      if (r < singleRounds) samples.singles.push(await time(viaSingles));
    }
    const e = summary(samples.evaluator);
    const m = summary(samples.msearch);
    const s = summary(samples.singles);
    console.log(
      `one changed customer, ${segmentCount} saved segments, ${others + 1} customers in the index; it is in ${a.size} segments; evaluator = msearch: ${same(a, b)}, evaluator = single searches: ${same(a, c)}`,
    );
    console.log(`evaluator first call (lowers every definition): ${coldMs.toFixed(1)} ms`);
    const line = (label: string, x: { p50: number; p95: number }, n: number) =>
      console.log(
        `${label.padEnd(46)} p50 ${x.p50.toFixed(1).padStart(8)} ms  p95 ${x.p95.toFixed(1).padStart(8)} ms  (${n} samples)  ×${(x.p50 / e.p50).toFixed(1)} the evaluator p50`,
      );
    line('evaluator (relay path: PG read, match, write)', e, rounds);
    line(`OpenSearch, one msearch of ${segmentCount} queries`, m, rounds);
    line(`OpenSearch, ${segmentCount} single searches`, s, singleRounds);
  } finally {
    await search.indices.delete({ index }).catch(() => undefined);
    await search.close();
    await orm.close();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
