import { CHURN_FEATURES, churnFeatures, type ChurnFeatures } from './churnFeatures';
import { DEFAULT_CHURN_MODEL, sigmoid, type ChurnModel } from './churnModel';
import type { CustomerFacts } from './inputs';
import { DAY_MS, round } from './stats';

export type ChurnSample = { features: ChurnFeatures; churned: boolean };

/**
 * Labelled examples from the tenant's own history. The observation point is `churnAfterDays`
 * before `now`: every customer who had bought by then is a sample, its features taken as of that
 * point (no peeking), labelled churned when it has not bought since.
 */
export const churnTrainingSamples = (
  customers: CustomerFacts[],
  churnAfterDays: number,
  now: Date,
): ChurnSample[] => {
  const observedAt = new Date(now.getTime() - churnAfterDays * DAY_MS);
  const wonAt = (c: CustomerFacts): number[] =>
    c.deals.flatMap((d) => (d.status === 'won' && d.closedAt ? [d.closedAt.getTime()] : []));
  return customers.flatMap((c) => {
    const times = wonAt(c);
    if (!times.some((t) => t <= observedAt.getTime())) return [];
    const boughtSince = times.some((t) => t > observedAt.getTime() && t <= now.getTime());
    return [{ features: churnFeatures(c, observedAt), churned: !boughtSince }];
  });
};

export type ChurnTrainingOptions = {
  minPerClass: number;
  l2: number;
  maxIterations?: number;
  tolerance?: number;
};

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and positive definite here). */
const solve = (a: number[][], b: number[]): number[] => {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]![col]!;
    if (Math.abs(p) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = m[r]![col]! / p;
      if (factor === 0) continue;
      for (let c = col; c <= n; c++) m[r]![c]! -= factor * m[col]![c]!;
    }
  }
  return m.map((row, i) => (Math.abs(row[i]!) < 1e-12 ? 0 : row[n]! / row[i]!));
};

/**
 * Fits the logistic model by iteratively reweighted least squares (Newton's method) with an L2
 * penalty on the coefficients, not on the intercept. Deterministic: same samples, same model.
 * With fewer than `minPerClass` churned or retained samples it returns the default model.
 */
export const trainChurnModel = (samples: ChurnSample[], options: ChurnTrainingOptions): ChurnModel => {
  const churned = samples.filter((s) => s.churned).length;
  const retained = samples.length - churned;
  if (churned < options.minPerClass || retained < options.minPerClass) return DEFAULT_CHURN_MODEL;

  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-8;
  const k = CHURN_FEATURES.length + 1;
  const rows = samples.map((s) => [1, ...CHURN_FEATURES.map((f) => s.features[f])]);
  const y = samples.map((s) => (s.churned ? 1 : 0));
  const beta = new Array<number>(k).fill(0);
  let iterations = 0;

  for (; iterations < maxIterations; iterations++) {
    const gradient = beta.map((b, j) => (j === 0 ? 0 : -options.l2 * b));
    const hessian = Array.from({ length: k }, (_, i) =>
      Array.from({ length: k }, (_, j) => (i === j && i > 0 ? options.l2 : 0)),
    );
    rows.forEach((x, n) => {
      const p = sigmoid(x.reduce((z, xi, j) => z + xi * beta[j]!, 0));
      const w = p * (1 - p);
      const residual = y[n]! - p;
      for (let i = 0; i < k; i++) {
        gradient[i]! += x[i]! * residual;
        for (let j = 0; j < k; j++) hessian[i]![j]! += w * x[i]! * x[j]!;
      }
    });
    const step = solve(hessian, gradient);
    step.forEach((d, j) => (beta[j]! += d));
    if (Math.max(...step.map(Math.abs)) < tolerance) {
      iterations++;
      break;
    }
  }

  return {
    source: 'trained',
    intercept: round(beta[0]!, 6),
    coefficients: Object.fromEntries(
      CHURN_FEATURES.map((f, j) => [f, round(beta[j + 1]!, 6)]),
    ) as ChurnModel['coefficients'],
    training: { churned, retained, iterations, l2: options.l2 },
  };
};
