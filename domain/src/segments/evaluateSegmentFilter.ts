import { foldText } from './foldText';
import { lowerSegmentFilter } from './lowerSegmentFilter';
import type { SegmentDocument } from './segmentDocument';
import type { SegmentFilter } from './segmentFilter';
import type { Compare, Scalar, SegmentPredicate } from './segmentPredicate';

/** Every scalar at a dot path, arrays flattened; null, missing and objects give nothing. */
const valuesAt = (source: unknown, path: string): unknown[] => {
  let current: unknown[] = [source];
  for (const key of path.split('.')) {
    const next: unknown[] = [];
    for (const value of current) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
      const inner = (value as Record<string, unknown>)[key];
      if (Array.isArray(inner)) next.push(...inner.flat(Infinity));
      else next.push(inner);
    }
    current = next;
  }
  return current.filter((v) => v !== null && v !== undefined && typeof v !== 'object');
};

/** Reads a document value the way the index stored it. */
const read = (value: unknown, compare: Compare): Scalar | undefined => {
  switch (compare) {
    case 'folded':
      return typeof value === 'string' ? foldText(value) : undefined;
    case 'flat':
      return String(value);
    case 'date': {
      const ms = typeof value === 'string' ? Date.parse(value) : NaN;
      return Number.isNaN(ms) ? undefined : ms;
    }
    case 'exact':
      return value as Scalar;
  }
};

const operand = (v: Scalar, compare: Compare): Scalar => (compare === 'date' ? Date.parse(String(v)) : v);

const inRange = (v: Scalar, r: { gt?: Scalar; gte?: Scalar; lt?: Scalar; lte?: Scalar }, c: Compare) =>
  (r.gt === undefined || v > operand(r.gt, c)) &&
  (r.gte === undefined || v >= operand(r.gte, c)) &&
  (r.lt === undefined || v < operand(r.lt, c)) &&
  (r.lte === undefined || v <= operand(r.lte, c));

const holds = (p: SegmentPredicate, source: unknown): boolean => {
  if ('all' in p) return true;
  if ('and' in p) return p.and.every((q) => holds(q, source));
  if ('or' in p) return p.or.some((q) => holds(q, source));
  if ('not' in p) return !holds(p.not, source);
  if ('nested' in p) {
    const items = (source as Record<string, unknown> | null)?.[p.nested];
    return Array.isArray(items) && items.some((item) => holds(p.where, item));
  }
  const values = valuesAt(source, p.path)
    .map((v) => read(v, p.compare))
    .filter((v): v is Scalar => v !== undefined);
  if ('exists' in p) return values.length > 0;
  if ('term' in p) return values.some((v) => v === p.term);
  if ('terms' in p) return values.some((v) => p.terms.includes(v));
  if ('prefix' in p) return values.some((v) => typeof v === 'string' && v.startsWith(p.prefix));
  if ('contains' in p) return values.some((v) => typeof v === 'string' && v.includes(p.contains));
  return values.some((v) => inRange(v, p.range, p.compare));
};

/**
 * Decides whether a customer document matches a validated filter, with the semantics of the
 * compiled OpenSearch query: folded names and emails, a condition on an array holds when one
 * element matches, a missing value matches no comparison (so `neq` and `not` match it), and
 * relative windows are measured from `now`.
 */
export const evaluateSegmentFilter = (filter: SegmentFilter, document: SegmentDocument, now: Date): boolean =>
  holds(lowerSegmentFilter(filter, now), document);

/** The same decision for a filter already lowered (many documents, one filter). */
export const matchesPredicate = (predicate: SegmentPredicate, document: SegmentDocument): boolean =>
  holds(predicate, document);
