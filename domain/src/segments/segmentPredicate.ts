/**
 * The primitive predicates a filter lowers to, with `now` already applied. Both the OpenSearch
 * compiler and the in-memory evaluator read this form, each with one small interpreter, so the
 * language's meaning (which field, which bound, how missing values count) is written once.
 *
 * Leaves carry the document path (for the evaluator) and the indexed field (for OpenSearch).
 * `compare` says how document values are read before comparing: `folded` strings (the index's
 * normalizer), `flat` (a flat_object leaf: every scalar indexed as its string form), `date`
 * (ISO instants compared in time), or `exact`.
 */
export type Compare = 'exact' | 'folded' | 'flat' | 'date';

type Leaf = { path: string; index: string; compare: Compare };
export type Scalar = string | number | boolean;
/** `time_zone` only appears with OpenSearch date math (`now/M`), never in anchored predicates. */
export type RangeBounds = { gt?: Scalar; gte?: Scalar; lt?: Scalar; lte?: Scalar; time_zone?: string };

export type SegmentPredicate =
  | { all: true }
  | { and: SegmentPredicate[] }
  | { or: SegmentPredicate[] }
  | { not: SegmentPredicate }
  | (Leaf & { term: Scalar })
  | (Leaf & { terms: Scalar[] })
  | (Leaf & { prefix: string })
  | (Leaf & { contains: string })
  | (Leaf & { range: RangeBounds })
  | (Leaf & { exists: true })
  /** True when one element of the array at `path` satisfies `where` (paths inside are relative). */
  | { nested: string; where: SegmentPredicate };
