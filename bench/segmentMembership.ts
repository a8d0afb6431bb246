/**
 * Real-time membership: which segments does a changed customer belong to? Two ways, measured in
 * the same run on the same documents and segment definitions:
 *   - percolator: the segments' compiled queries stored in OpenSearch, one multi-document
 *     percolate per batch (what the relay does);
 *   - evaluator: the domain's in-memory evaluator over each document against every segment of
 *     the tenant (definitions lowered once per batch, at the batch's instant).
 * Both must select exactly the same (document, segment) pairs; the run checks it. Needs only
 * OpenSearch (it uses an index of its own and deletes it):
 *
 *   node node_modules/tsx/dist/cli.mjs bench/segmentMembership.ts [segments=1000] [batch=500] [rounds=30]
 */
import { randomUUID } from 'node:crypto';
import {
  lowerSegmentFilter,
  matchesPredicate,
  compileSegmentFilter,
  type SegmentDocument,
  type SegmentFilter,
} from '@c360/domain';
import {
  createSearchClient,
  ensureSegmentPercolatorIndex,
  percolateDocuments,
  segmentPercolatorIndexName,
  tenantSegmentQuery,
  PERCOLATOR_QUERY_FIELD,
  type CustomerDocument,
} from '@c360/store';

const segmentCount = Number(process.argv[2] ?? 1000);
const batchSize = Number(process.argv[3] ?? 500);
const rounds = Number(process.argv[4] ?? 30);
const DAY = 86_400_000;

// A small deterministic generator, so two runs compare the same work.
let state = 42;
const rand = (): number => {
  state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
  return state / 2_147_483_648;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));

const TAGS = ['gold', 'silver', 'wine', 'tea', 'newsletter', 'b2b', 'promo', 'vip-lounge', 'churned', 'beta'];
const LANGS = ['en', 'fr', 'de', 'ar', 'es'];
const STAGES = ['lead', 'customer', 'loyal', 'at_risk'];
const BANDS = ['low', 'medium', 'high'];

const leaf = (): SegmentFilter =>
  pick<() => SegmentFilter>([
    () => ({ field: 'tags', op: 'has', value: pick(TAGS) }),
    () => ({ field: 'tags', op: 'hasAny', value: [pick(TAGS), pick(TAGS)] }),
    () => ({ field: 'language', op: 'in', value: [pick(LANGS), pick(LANGS)] }),
    () => ({ field: 'lifecycleStage', op: 'eq', value: pick(STAGES) }),
    () => ({ field: 'vip', op: 'isTrue' }),
    () => ({ field: 'clv', op: 'gte', value: int(100, 5000) }),
    () => ({ field: 'churn.band', op: 'eq', value: pick(BANDS) }),
    () => ({ field: 'rfm.r', op: 'gte', value: int(1, 5) }),
    () => ({ field: 'ordersWon', op: 'between', value: [int(0, 3), int(4, 20)] }),
    () => ({ field: 'optedIn', op: 'has', value: pick(['whatsapp', 'email', 'sms']) }),
    () => ({ behaviour: 'orders', op: 'atLeast', count: int(1, 5), withinDays: pick([30, 90, 365]) }),
    () => ({ behaviour: 'noPurchase', withinDays: pick([30, 90, 180]) }),
    () => ({ behaviour: 'survey', kind: 'nps', op: 'lte', score: int(2, 6), withinDays: 365 }),
    () => ({ field: 'firstName', op: 'prefix', value: pick(['a', 'ma', 'jo', 'el']) }),
  ])();

const filter = (): SegmentFilter => {
  const n = int(1, 4);
  if (n === 1) return leaf();
  const children = Array.from({ length: n }, () => (rand() < 0.2 ? { not: leaf() } : leaf()));
  return rand() < 0.7 ? { and: children } : { or: children };
};

const document = (tenantId: string, now: number): CustomerDocument => {
  const orders = int(0, 12);
  const orderDates = Array.from({ length: orders }, () => new Date(now - int(1, 500) * DAY).toISOString())
    .sort()
    .reverse();
  const name = pick(['Ada', 'Marie', 'John', 'Elena', 'Omar', 'Yuki', 'Maya', 'Joel']);
  return {
    tenantId,
    customerId: randomUUID(),
    firstName: name,
    lastName: 'Bench',
    fullName: `${name} Bench`,
    emails: [`${name.toLowerCase()}@example.com`],
    phones: [],
    phoneDigits: [],
    tags: TAGS.filter(() => rand() < 0.25),
    language: pick(LANGS),
    timeZone: 'Europe/Paris',
    lifecycleStage: pick(STAGES),
    isVip: rand() < 0.1,
    ownerId: null,
    createdAt: new Date(now - int(1, 900) * DAY).toISOString(),
    updatedAt: new Date(now).toISOString(),
    preferences: {
      optedIn: ['whatsapp', 'email', 'sms'].filter(() => rand() < 0.4),
      language: null,
      hasQuietHours: rand() < 0.3,
      quietHoursTimeZone: null,
    },
    scores: {
      computedAt: new Date(now).toISOString(),
      rfm: {
        r: int(1, 5),
        f: int(1, 5),
        m: int(1, 5),
        label: 'champions',
        recencyDays: int(0, 400),
        frequency: orders,
        monetary: orders * 80,
      },
      clv: { value: int(0, 6000), historical: orders * 80, predicted: int(0, 5000) },
      health: { score: int(0, 100), band: pick(BANDS) },
      churn: { probability: rand(), band: pick(BANDS) },
      engagement: int(0, 100),
      vip: rand() < 0.05,
    },
    customFields: {},
    stats: {
      ordersWon: orders,
      revenueWon: orders * 80,
      lastOrderAt: orderDates[0] ?? null,
      openTickets: int(0, 2),
      slaBreaches: 0,
      messages: int(0, 30),
      lastMessageAt: new Date(now - int(1, 90) * DAY).toISOString(),
      lastActivityAt: null,
      nthLastOrderAt: Object.fromEntries(orderDates.map((d, i) => [`n${i + 1}`, d])),
    },
    surveys:
      rand() < 0.4
        ? [{ kind: 'nps', score: int(0, 10), answeredAt: new Date(now - int(1, 400) * DAY).toISOString() }]
        : [],
    indexedAt: new Date(now).toISOString(),
  };
};

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const summary = (samples: number[]) => {
  const s = [...samples].sort((x, y) => x - y);
  return { p50: percentile(s, 50), p95: percentile(s, 95) };
};
const time = async (fn: () => Promise<unknown> | unknown): Promise<number> => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};

const main = async (): Promise<void> => {
  const client = createSearchClient(process.env['C360_OPENSEARCH_URL'] ?? 'http://127.0.0.1:9200');
  const prefix = `c360-bench-${randomUUID().slice(0, 8)}-`;
  const index = segmentPercolatorIndexName(prefix);
  const tenantId = randomUUID();
  const now = new Date();
  try {
    await ensureSegmentPercolatorIndex(client, prefix);
    const segments = Array.from({ length: segmentCount }, () => ({ id: randomUUID(), filter: filter() }));
    for (let i = 0; i < segments.length; i += 500) {
      const body = segments.slice(i, i + 500).flatMap((s) => [
        { index: { _index: index, _id: s.id } },
        {
          tenantId,
          segment: { id: s.id, version: 1, anchoredAt: now.toISOString() },
          [PERCOLATOR_QUERY_FIELD]: tenantSegmentQuery(tenantId, compileSegmentFilter(s.filter, now)),
        },
      ]);
      const r = await client.bulk({ body, refresh: 'wait_for' });
      if (r.body.errors) throw new Error(`registering segments failed: ${JSON.stringify(r.body.items[0])}`);
    }
    const docs = Array.from({ length: batchSize }, () => document(tenantId, now.getTime()));

    const evaluate = (batch: CustomerDocument[]): string[][] => {
      const lowered = segments.map((s) => ({ id: s.id, predicate: lowerSegmentFilter(s.filter, now) }));
      return batch.map((d) =>
        lowered.filter((s) => matchesPredicate(s.predicate, d as SegmentDocument)).map((s) => s.id),
      );
    };

    // Agreement first: the comparison is only meaningful if both select the same pairs.
    const viaPercolator = await percolateDocuments(
      client,
      index,
      tenantId,
      docs as unknown as Record<string, unknown>[],
    );
    const viaEvaluator = evaluate(docs);
    let pairs = 0;
    let disagreements = 0;
    docs.forEach((_, i) => {
      const a = new Set(viaPercolator[i]);
      const b = new Set(viaEvaluator[i]);
      pairs += b.size;
      for (const id of new Set([...a, ...b])) if (a.has(id) !== b.has(id)) disagreements += 1;
    });

    const one: Record<string, number[]> = { percolator: [], evaluator: [] };
    const batch: Record<string, number[]> = { percolator: [], evaluator: [] };
    for (let r = 0; r < rounds; r += 1) {
      const single = [docs[r % docs.length]!];
      one['percolator']!.push(
        await time(() =>
          percolateDocuments(client, index, tenantId, single as unknown as Record<string, unknown>[]),
        ),
      );
      one['evaluator']!.push(await time(() => evaluate(single)));
      batch['percolator']!.push(
        await time(() =>
          percolateDocuments(client, index, tenantId, docs as unknown as Record<string, unknown>[]),
        ),
      );
      batch['evaluator']!.push(await time(() => evaluate(docs)));
    }
    const report = (label: string, m: Record<string, number[]>) => {
      const p = summary(m['percolator']!);
      const e = summary(m['evaluator']!);
      console.log(
        `${label}: percolator p50 ${p.p50.toFixed(1)} ms p95 ${p.p95.toFixed(1)} ms | evaluator p50 ${e.p50.toFixed(1)} ms p95 ${e.p95.toFixed(1)} ms | evaluator/percolator p50 ×${(e.p50 / p.p50).toFixed(2)}`,
      );
    };
    console.log(
      `${segmentCount} segments, batch of ${batchSize} documents, ${rounds} rounds; ${pairs} matching pairs in the batch, ${disagreements} disagreements between the two`,
    );
    report('1 changed customer', one);
    report(`${batchSize} changed customers`, batch);
  } finally {
    await client.indices.delete({ index }).catch(() => undefined);
    await client.close();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
