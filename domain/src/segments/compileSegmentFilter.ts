import { lowerSegmentFilter } from './lowerSegmentFilter';
import type { SegmentFilter } from './segmentFilter';
import type { SegmentPredicate } from './segmentPredicate';
import { dateMathAnchor } from './timeAnchor';

/** An OpenSearch query clause (the `query` part of a search, or a percolator query). */
export type OpenSearchQuery = Record<string, unknown>;

const escapeWildcard = (s: string): string => s.replace(/[\\*?]/g, (c) => `\\${c}`);

const emit = (p: SegmentPredicate): OpenSearchQuery => {
  if ('all' in p) return { match_all: {} };
  if ('and' in p) return { bool: { filter: p.and.map(emit) } };
  if ('or' in p) return { bool: { should: p.or.map(emit), minimum_should_match: 1 } };
  if ('not' in p) return { bool: { must_not: [emit(p.not)] } };
  if ('nested' in p) return { nested: { path: p.nested, query: emit(p.where) } };
  if ('term' in p) return { term: { [p.index]: p.term } };
  if ('terms' in p) return { terms: { [p.index]: p.terms } };
  if ('prefix' in p) return { prefix: { [p.index]: { value: p.prefix } } };
  if ('contains' in p) return { wildcard: { [p.index]: { value: `*${escapeWildcard(p.contains)}*` } } };
  if ('range' in p) return { range: { [p.index]: p.range } };
  return { exists: { field: p.index } };
};

/**
 * Compiles a validated filter to an OpenSearch query on the customers index. Relative windows
 * ("within the last 90 days", "this month in Europe/Paris") become absolute instants computed
 * from `now`, so the same (filter, now) always gives the same query. The tenant filter is not
 * part of it: the store's query builder adds it around this clause.
 */
export const compileSegmentFilter = (filter: SegmentFilter, now: Date): OpenSearchQuery =>
  emit(lowerSegmentFilter(filter, now));

/**
 * The same query with relative windows left as OpenSearch date math (`now-90d`, `now/M` with a
 * time zone), for a query stored once and run later: a percolator query then means "within 90
 * days of the percolation", not "of the registration". See README.md (Time) for what it does not
 * solve: a customer crossing a window without any write is never percolated.
 */
export const compileSegmentFilterWithDateMath = (filter: SegmentFilter): OpenSearchQuery =>
  emit(lowerSegmentFilter(filter, dateMathAnchor));
