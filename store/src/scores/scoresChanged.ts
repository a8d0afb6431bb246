import { isDeepStrictEqual } from 'node:util';
import type { CustomerScores } from '@c360/domain';

/** The scores as they read back from JSONB: no undefined fields, no -0. */
export const asStored = (scores: CustomerScores): CustomerScores =>
  JSON.parse(JSON.stringify(scores)) as CustomerScores;

/**
 * Keeps the previous health score meaningful: it is the score before the last *change*. A
 * recompute that lands on the same score keeps the stored previous score and change, so
 * "previous" never collapses into "current" when only another score moved.
 */
export const carryHealthHistory = (previous: CustomerScores | null, next: CustomerScores): CustomerScores =>
  previous && previous.health.score === next.health.score
    ? {
        ...next,
        health: {
          ...next.health,
          previousScore: previous.health.previousScore,
          change: previous.health.change,
        },
      }
    : next;

/** True when the new scores differ from the stored ones in anything but the time they were computed. */
export const scoresChanged = (previous: CustomerScores | null, next: CustomerScores): boolean =>
  previous === null ||
  !isDeepStrictEqual({ ...previous, computedAt: '' }, { ...asStored(next), computedAt: '' });
