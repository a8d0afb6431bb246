import { foldText } from './foldText';
import { anchoredAt, type TimeAnchor } from './timeAnchor';
import type {
  BehaviourCondition,
  CurrentPeriod,
  CustomFieldType,
  FieldCondition,
  SegmentFilter,
} from './segmentFilter';
import { CUSTOM_FIELD_PREFIX, SEGMENT_FIELDS, type FieldSpec } from './segmentFields';
import type { Compare, Scalar, SegmentPredicate } from './segmentPredicate';

const not = (p: SegmentPredicate): SegmentPredicate => ({ not: p });

type Target = { path: string; index: string; compare: Compare };

const targetOf = (spec: FieldSpec): Target => ({
  path: spec.path,
  index: spec.indexField,
  compare:
    spec.type === 'text' || spec.type === 'textList' ? 'folded' : spec.type === 'date' ? 'date' : 'exact',
});

/** Values as the index holds them: folded for names and emails, digits only for phones. */
const normalise = (spec: FieldSpec, v: unknown): Scalar => {
  if (spec.type === 'text' || spec.type === 'textList') return foldText(String(v));
  if (spec.type === 'phone') return String(v).replace(/\D/g, '');
  return v as Scalar;
};

const lowerField = (c: FieldCondition, spec: FieldSpec, time: TimeAnchor): SegmentPredicate => {
  const t = targetOf(spec);
  const one = (): Scalar => normalise(spec, c.value);
  const many = (): Scalar[] => (c.value as unknown[]).map((v) => normalise(spec, v));
  switch (c.op) {
    case 'eq':
    case 'has':
      return { ...t, term: one() };
    case 'neq':
      return not({ ...t, term: one() });
    case 'in':
    case 'hasAny':
      return { ...t, terms: many() };
    case 'hasAll':
      return { and: many().map((v) => ({ ...t, term: v })) };
    case 'hasNone':
      return not({ ...t, terms: many() });
    case 'prefix':
      return { ...t, prefix: String(one()) };
    case 'contains':
      return { ...t, contains: String(one()) };
    case 'exists':
      return { ...t, exists: true };
    case 'isTrue':
      return { ...t, term: true };
    case 'isFalse':
      return { ...t, term: false };
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return { ...t, range: { [c.op]: c.value as Scalar } };
    case 'before':
      return { ...t, range: { lt: new Date(c.value as string).toISOString() } };
    case 'after':
      return { ...t, range: { gt: new Date(c.value as string).toISOString() } };
    case 'between': {
      const [from, to] = c.value as [Scalar, Scalar];
      return spec.type === 'date'
        ? {
            ...t,
            range: { gte: new Date(from as string).toISOString(), lte: new Date(to as string).toISOString() },
          }
        : { ...t, range: { gte: from, lte: to } };
    }
    case 'withinLastDays':
      return { ...t, range: { gte: time.daysAgo(c.value as number) } };
    case 'olderThanDays':
      return { ...t, range: { lt: time.daysAgo(c.value as number) } };
    case 'inCurrent':
      return { ...t, range: time.currentPeriod(c.value as CurrentPeriod) };
  }
  throw new Error(`operator ${c.op} has no lowering (the schema should have refused it)`);
};

/** flat_object indexes every scalar as its string: a custom number 10 is the keyword "10". */
const lowerCustom = (c: FieldCondition, key: string, type: CustomFieldType): SegmentPredicate => {
  const path = `customFields.${key}`;
  const t: Target = { path, index: path, compare: 'flat' };
  const str = (v: unknown): string => String(v);
  switch (c.op) {
    case 'eq':
      return { ...t, term: str(c.value) };
    case 'neq':
      return not({ ...t, term: str(c.value) });
    case 'in':
      return { ...t, terms: (c.value as unknown[]).map(str) };
    case 'prefix':
      return { ...t, prefix: str(c.value) };
    case 'exists':
      return { ...t, exists: true };
    case 'isTrue':
      return { ...t, term: 'true' };
    case 'isFalse':
      return { ...t, term: 'false' };
  }
  throw new Error(`operator ${c.op} on a ${type} custom field has no lowering`);
};

const nthLastOrder = (n: number, since: string): SegmentPredicate => ({
  path: `stats.nthLastOrderAt.n${n}`,
  index: `stats.nthLastOrderAt.n${n}`,
  compare: 'date',
  range: { gte: since },
});

const lowerBehaviour = (b: BehaviourCondition, time: TimeAnchor): SegmentPredicate => {
  switch (b.behaviour) {
    case 'orders': {
      if (b.withinDays === undefined) {
        const t: Target = { path: 'stats.ordersWon', index: 'stats.ordersWon', compare: 'exact' };
        if (b.op === 'atLeast') return { ...t, range: { gte: b.count } };
        if (b.op === 'atMost') return { ...t, range: { lte: b.count } };
        return { ...t, term: b.count };
      }
      const since = time.daysAgo(b.withinDays);
      const atLeast = (n: number): SegmentPredicate => (n === 0 ? { all: true } : nthLastOrder(n, since));
      if (b.op === 'atLeast') return atLeast(b.count);
      if (b.op === 'atMost') return not(atLeast(b.count + 1));
      return { and: [atLeast(b.count), not(atLeast(b.count + 1))] };
    }
    case 'noPurchase':
      return not({
        path: 'stats.lastOrderAt',
        index: 'stats.lastOrderAt',
        compare: 'date',
        range: { gte: time.daysAgo(b.withinDays) },
      });
    case 'noMessage':
      return not({
        path: 'stats.lastMessageAt',
        index: 'stats.lastMessageAt',
        compare: 'date',
        range: { gte: time.daysAgo(b.withinDays) },
      });
    case 'survey': {
      const where: SegmentPredicate[] = [
        { path: 'kind', index: 'surveys.kind', compare: 'exact', term: b.kind },
        b.op === 'eq'
          ? { path: 'score', index: 'surveys.score', compare: 'exact', term: b.score }
          : { path: 'score', index: 'surveys.score', compare: 'exact', range: { [b.op]: b.score } },
      ];
      if (b.withinDays !== undefined)
        where.push({
          path: 'answeredAt',
          index: 'surveys.answeredAt',
          compare: 'date',
          range: { gte: time.daysAgo(b.withinDays) },
        });
      return { nested: 'surveys', where: { and: where } };
    }
  }
};

const lower = (filter: SegmentFilter, time: TimeAnchor): SegmentPredicate => {
  if ('and' in filter) return { and: filter.and.map((f) => lower(f, time)) };
  if ('or' in filter) return { or: filter.or.map((f) => lower(f, time)) };
  if ('not' in filter) return not(lower(filter.not, time));
  if ('behaviour' in filter) return lowerBehaviour(filter, time);
  if (filter.field.startsWith(CUSTOM_FIELD_PREFIX))
    return lowerCustom(filter, filter.field.slice(CUSTOM_FIELD_PREFIX.length), filter.type ?? 'string');
  const spec = (SEGMENT_FIELDS as Record<string, FieldSpec>)[filter.field];
  if (!spec) throw new Error(`unknown field ${filter.field} (the schema should have refused it)`);
  return lowerField(filter, spec, time);
};

/**
 * Lowers a validated filter to primitive predicates. With a `Date`, every relative date is
 * resolved against it, so the result is a pure function of (filter, now); with a `TimeAnchor`
 * (see `dateMathAnchor`) relative dates are left for OpenSearch to resolve.
 */
export const lowerSegmentFilter = (filter: SegmentFilter, now: Date | TimeAnchor): SegmentPredicate =>
  lower(filter, now instanceof Date ? anchoredAt(now) : now);
