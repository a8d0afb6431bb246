import { currentPeriod, daysBefore, type OpenSearchQuery, type RelativeWindow } from '@c360/domain';

// Documents keep survey answers as a nested list: a condition on one of their fields needs `nested`.
const NESTED_PATHS = ['surveys'];

const rangeOn = (path: string, range: Record<string, string>): OpenSearchQuery => {
  const nested = NESTED_PATHS.find((p) => path.startsWith(`${p}.`));
  const clause = { range: { [path]: range } };
  return nested ? { nested: { path: nested, query: clause } } : clause;
};

/**
 * The customers whose relative conditions may have flipped while the clock moved from `prev`
 * to `next`: for a sliding window of D days, those whose date lies between `prev - D` and
 * `next - D` (bounds included: re-evaluating a customer that did not flip costs nothing); for a
 * calendar period, those dated in the old or the new period once the period changed. `null`
 * when nothing can have flipped.
 */
export const relativeBoundaryQuery = (
  windows: RelativeWindow[],
  prev: Date,
  next: Date,
): OpenSearchQuery | null => {
  if (next.getTime() <= prev.getTime()) return null;
  const should: OpenSearchQuery[] = [];
  for (const window of windows) {
    if ('days' in window) {
      should.push(
        rangeOn(window.path, { gte: daysBefore(prev, window.days), lte: daysBefore(next, window.days) }),
      );
      continue;
    }
    const before = currentPeriod(prev, window.period);
    const after = currentPeriod(next, window.period);
    if (before.start === after.start) continue;
    should.push(rangeOn(window.path, { gte: before.start, lt: before.end }));
    should.push(rangeOn(window.path, { gte: after.start, lt: after.end }));
  }
  return should.length === 0 ? null : { bool: { should, minimum_should_match: 1 } };
};
