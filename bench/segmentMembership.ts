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
import { document, filter } from './generatedSegments';

const segmentCount = Number(process.argv[2] ?? 1000);
const batchSize = Number(process.argv[3] ?? 500);
const rounds = Number(process.argv[4] ?? 30);

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
