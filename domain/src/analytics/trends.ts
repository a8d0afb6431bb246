import { DateTime } from 'luxon';
import { AppError } from '../errors/AppError';

/**
 * Calendar buckets in the tenant's IANA time zone: days, ISO weeks (from Monday) or months.
 * Luxon does the calendar arithmetic, so a bucket spanning a DST change is 23 or 25 hours long
 * and still starts at local midnight.
 */
export const INTERVALS = ['day', 'week', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];

export type BucketRange = { from: Date; to: Date; interval: Interval; timeZone: string };

/** `key` is the local date the bucket starts on (`2026-03-30`, or `2026-03` for a month). */
export type Bucket = { key: string; start: Date; end: Date };

/** A range may hold at most this many buckets (about 13 years of days). */
export const MAX_BUCKETS = 5000;

const local = (at: Date, timeZone: string): DateTime => {
  const dt = DateTime.fromJSDate(at, { zone: timeZone });
  if (!dt.isValid)
    throw new AppError('validation', `unknown time zone ${timeZone}`, {
      fields: [{ path: 'timeZone', message: 'must be an IANA time zone' }],
    });
  return dt;
};

const startOf = (dt: DateTime, interval: Interval): DateTime =>
  dt.startOf(interval, { useLocaleWeeks: false });

const keyOf = (start: DateTime, interval: Interval): string =>
  start.toFormat(interval === 'month' ? 'yyyy-MM' : 'yyyy-MM-dd');

/** The key of the bucket an instant falls in. */
export const bucketKey = (at: Date, interval: Interval, timeZone: string): string =>
  keyOf(startOf(local(at, timeZone), interval), interval);

/** Every bucket from the one holding `from` to the one holding `to`, empty or not. */
export const buckets = (range: BucketRange): Bucket[] => {
  if (range.to.getTime() < range.from.getTime()) {
    throw new AppError('validation', 'to is before from', {
      fields: [{ path: 'to', message: 'must not be before from' }],
    });
  }
  const out: Bucket[] = [];
  const last = startOf(local(range.to, range.timeZone), range.interval);
  let cursor = startOf(local(range.from, range.timeZone), range.interval);
  while (cursor <= last) {
    if (out.length >= MAX_BUCKETS) {
      throw new AppError('validation', `more than ${MAX_BUCKETS} buckets`, {
        fields: [
          { path: 'interval', message: `the range holds more than ${MAX_BUCKETS} ${range.interval}s` },
        ],
      });
    }
    const next = cursor.plus({ [range.interval + 's']: 1 });
    out.push({ key: keyOf(cursor, range.interval), start: cursor.toJSDate(), end: next.toJSDate() });
    cursor = next;
  }
  return out;
};

export type TrendPoint<V> = { key: string; start: Date; end: Date; count: number; value: V };

/**
 * Groups items into the range's buckets (items outside [from, to] are left out) and summarises
 * each bucket, empty ones included: `summarise([])` says what an empty bucket shows.
 */
export const trendSeries = <T, V>(
  items: T[],
  at: (item: T) => Date,
  range: BucketRange,
  summarise: (items: T[]) => V,
): TrendPoint<V>[] => {
  const all = buckets(range);
  const groups = all.map((): T[] => []);
  const from = range.from.getTime();
  const to = range.to.getTime();
  for (const item of items) {
    const t = at(item).getTime();
    if (t < from || t > to) continue;
    // Binary search on the bucket starts: no calendar work per item.
    let lo = 0;
    let hi = all.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (all[mid]!.start.getTime() <= t) lo = mid;
      else hi = mid - 1;
    }
    groups[lo]!.push(item);
  }
  return all.map((b, i) => {
    const inBucket = groups[i] ?? [];
    return { ...b, count: inBucket.length, value: summarise(inBucket) };
  });
};
