/**
 * Cost of the pure scoring calculators, without I/O: building a tenant's scoring model (quintiles,
 * VIP cut-offs, churn training) from N customers, and `computeCustomerScores` per customer. The
 * baseline, measured in the same run, is a JSON round trip of the same customer's facts (what the
 * worker does anyway to store them). Synthetic data from a fixed seed, so runs compare.
 *
 *   node node_modules/tsx/dist/cli.mjs bench/customerScores.ts [customers=20000]
 */
import {
  buildTenantScoringModel,
  churnTrainingSamples,
  computeClv,
  computeCustomerScores,
  defaultAnalyticsSettings,
  rfmValues,
  type CustomerFacts,
  type RfmValues,
} from '../domain/src/index';

const customers = Number(process.argv[2] ?? 20_000);
const now = new Date('2026-06-30T00:00:00Z');
const DAY = 86_400_000;

let seed = 42;
const random = (): number => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const daysAgo = (max: number): Date => new Date(now.getTime() - Math.floor(random() * max) * DAY);

const synthetic = (): CustomerFacts => ({
  deals: Array.from({ length: Math.floor(random() * 12) }, () => ({
    amount: Math.round(random() * 2000),
    status: random() < 0.7 ? ('won' as const) : ('lost' as const),
    closedAt: daysAgo(900),
  })),
  tickets: Array.from({ length: Math.floor(random() * 5) }, () => {
    const createdAt = daysAgo(400);
    const resolved = random() < 0.8;
    return {
      status: resolved ? ('resolved' as const) : ('open' as const),
      createdAt,
      firstRespondedAt: new Date(createdAt.getTime() + random() * DAY),
      resolvedAt: resolved ? new Date(createdAt.getTime() + random() * 5 * DAY) : null,
      firstResponseBreached: random() < 0.1,
      resolutionBreached: random() < 0.1,
    };
  }),
  surveys: Array.from({ length: Math.floor(random() * 4) }, () =>
    random() < 0.5
      ? { kind: 'csat' as const, score: 1 + Math.floor(random() * 5), answeredAt: daysAgo(300) }
      : { kind: 'nps' as const, score: Math.floor(random() * 11), answeredAt: daysAgo(300) },
  ),
  messages: ['whatsapp', 'email', 'instagram'].map((channel) => ({
    channel,
    inbound: Math.floor(random() * 6),
    outbound: Math.floor(random() * 6),
    lastInboundAt: random() < 0.6 ? daysAgo(60) : null,
  })),
  tags: random() < 0.05 ? ['vip'] : [],
});

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

const main = (): void => {
  const settings = defaultAnalyticsSettings();
  const population = Array.from({ length: customers }, synthetic);

  const t0 = performance.now();
  const model = buildTenantScoringModel(settings, {
    rfmValues: population.flatMap(
      (c) => rfmValues(c.deals, settings.rfm.windowDays, now) ?? [],
    ) as RfmValues[],
    clvTotals: population.map((c) => computeClv(c.deals, settings.clv, now).total),
    churnSamples: churnTrainingSamples(population, settings.churn.churnAfterDays, now),
  });
  const modelMs = performance.now() - t0;

  const score: number[] = [];
  const baseline: number[] = [];
  for (const facts of population) {
    const b0 = performance.now();
    JSON.parse(JSON.stringify(facts));
    baseline.push((performance.now() - b0) * 1000);
    const s0 = performance.now();
    computeCustomerScores({ ...facts, previous: null }, model, now);
    score.push((performance.now() - s0) * 1000);
  }
  score.sort((a, b) => a - b);
  baseline.sort((a, b) => a - b);
  const total = score.reduce((a, b) => a + b, 0) / 1000;
  const row = (label: string, xs: number[]) =>
    `${label.padEnd(34)} p50 ${percentile(xs, 50).toFixed(1).padStart(7)} µs   p95 ${percentile(xs, 95).toFixed(1).padStart(7)} µs   p99 ${percentile(xs, 99).toFixed(1).padStart(7)} µs`;
  console.log(`customers: ${customers}   churn model: ${model.churnModel.source}`);
  console.log(`tenant model (quintiles, VIP, churn training): ${modelMs.toFixed(0)} ms`);
  console.log(row('JSON round trip of facts (baseline)', baseline));
  console.log(row('computeCustomerScores', score));
  console.log(`ratio (p50): ${(percentile(score, 50) / percentile(baseline, 50)).toFixed(1)}×`);
  console.log(`sum of per-customer times: ${total.toFixed(0)} ms (one core, GC pauses included)`);
};

main();
