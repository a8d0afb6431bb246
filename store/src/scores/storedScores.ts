import type { CustomerScores } from '@c360/domain';

/**
 * The scores a customer row holds, when they are in the calculators' current shape. Anything
 * else (never scored, or written in an older shape such as the seeder's first guess) reads as
 * null: the next recompute treats the customer as never scored.
 */
export const storedScores = (value: unknown): CustomerScores | null =>
  value !== null && typeof value === 'object' && (value as { version?: unknown }).version === 1
    ? (value as CustomerScores)
    : null;
