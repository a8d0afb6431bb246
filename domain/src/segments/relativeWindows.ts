import type { CurrentPeriod, SegmentFilter } from './segmentFilter';
import { CUSTOM_FIELD_PREFIX, SEGMENT_FIELDS, type FieldSpec } from './segmentFields';

/**
 * A condition whose truth can change with time alone: the document field it reads, and either a
 * sliding window (`days`, the boundary is `now - days`) or a calendar period that flips at its
 * boundaries. The sweep uses these to find customers that crossed a boundary without any write.
 */
export type RelativeWindow = { path: string; days: number } | { path: string; period: CurrentPeriod };

const dedupe = (windows: RelativeWindow[]): RelativeWindow[] => {
  const seen = new Set<string>();
  return windows.filter((w) => {
    const key = JSON.stringify(w);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/** Every relative window in a validated filter (empty: the filter never changes on its own). */
export const relativeWindows = (filter: SegmentFilter): RelativeWindow[] => {
  const out: RelativeWindow[] = [];
  const walk = (f: SegmentFilter): void => {
    if ('and' in f) return f.and.forEach(walk);
    if ('or' in f) return f.or.forEach(walk);
    if ('not' in f) return walk(f.not);
    if ('behaviour' in f) {
      if (f.behaviour === 'noPurchase') out.push({ path: 'stats.lastOrderAt', days: f.withinDays });
      if (f.behaviour === 'noMessage') out.push({ path: 'stats.lastMessageAt', days: f.withinDays });
      if (f.behaviour === 'survey' && f.withinDays !== undefined)
        out.push({ path: 'surveys.answeredAt', days: f.withinDays });
      if (f.behaviour === 'orders' && f.withinDays !== undefined) {
        if (f.op !== 'atMost' && f.count > 0)
          out.push({ path: `stats.nthLastOrderAt.n${f.count}`, days: f.withinDays });
        if (f.op !== 'atLeast')
          out.push({ path: `stats.nthLastOrderAt.n${f.count + 1}`, days: f.withinDays });
      }
      return;
    }
    if (f.field.startsWith(CUSTOM_FIELD_PREFIX)) return;
    const spec = (SEGMENT_FIELDS as Record<string, FieldSpec>)[f.field];
    if (!spec) return;
    if (f.op === 'withinLastDays' || f.op === 'olderThanDays')
      out.push({ path: spec.path, days: f.value as number });
    if (f.op === 'inCurrent') out.push({ path: spec.path, period: f.value as CurrentPeriod });
  };
  walk(filter);
  return dedupe(out);
};
