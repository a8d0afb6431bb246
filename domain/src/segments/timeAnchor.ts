import { currentPeriod, daysBefore } from './relativeTime';
import type { CurrentPeriod } from './segmentFilter';
import type { RangeBounds } from './segmentPredicate';

/** How relative dates are written into a compiled filter. */
export type TimeAnchor = {
  /** The lower bound of "within the last `days` days". */
  daysAgo(days: number): string;
  /** The bounds of the calendar period holding the present instant. */
  currentPeriod(period: CurrentPeriod): RangeBounds;
};

/** Relative dates resolved against `now`: ISO instants, deterministic. */
export const anchoredAt = (now: Date): TimeAnchor => ({
  daysAgo: (days) => daysBefore(now, days),
  currentPeriod: (period) => {
    const { start, end } = currentPeriod(now, period);
    return { gte: start, lt: end };
  },
});

const UNIT = { day: 'd', week: 'w', month: 'M', year: 'y' } as const;

/**
 * Relative dates left as OpenSearch date math (`now-90d`, `now/M` in a time zone), resolved by
 * OpenSearch when the query runs, and by the percolator when a document is percolated. The
 * evaluator cannot read these (it always takes `now`); the two forms select the same customers
 * when OpenSearch's `now` equals the evaluator's (date math in UTC: a day is 24 hours; weeks
 * start on Monday).
 */
export const dateMathAnchor: TimeAnchor = {
  daysAgo: (days) => `now-${days}d`,
  currentPeriod: ({ unit, timeZone }) => ({
    gte: `now/${UNIT[unit]}`,
    lt: `now+1${UNIT[unit]}/${UNIT[unit]}`,
    time_zone: timeZone,
  }),
};
