/** Small numeric helpers shared by the calculators. */

export const DAY_MS = 86_400_000;

/** Whole and fractional days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: Date, to: Date): number => (to.getTime() - from.getTime()) / DAY_MS;

export const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

export const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

export const mean = (values: number[]): number | null =>
  values.length === 0 ? null : sum(values) / values.length;

/**
 * The q-quantile (0 ≤ q ≤ 1) by linear interpolation between closest ranks (R's type 7, numpy's
 * default). Null for no values.
 */
export const quantile = (values: number[], q: number): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = clamp(q, 0, 1) * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (high - low) * (position - lower);
};

export const median = (values: number[]): number | null => quantile(values, 0.5);

/** Rounds to `digits` decimals, so stored numbers do not carry float noise. */
export const round = (value: number, digits = 2): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};
