/**
 * The segment filter language: a JSON tree of `and`, `or`, `not` and leaves. Leaves are either a
 * condition on a field of the customer (`{ field, op, value }`) or a behaviour in a time window
 * (`{ behaviour, ... }`). See README.md in this folder for the full reference.
 */

export type DateAnchorUnit = 'day' | 'week' | 'month' | 'year';

/** A calendar period that contains `now`, in a time zone: "this month in Europe/Paris". */
export type CurrentPeriod = { unit: DateAnchorUnit; timeZone: string };

export type CustomFieldType = 'string' | 'number' | 'boolean';

export type FieldCondition = {
  field: string;
  op: string;
  value?: unknown;
  /** Only for `customFields.<key>`: the type the tenant declared for that field. */
  type?: CustomFieldType;
};

export type OrdersCondition = {
  behaviour: 'orders';
  op: 'atLeast' | 'atMost' | 'exactly';
  count: number;
  /** Counts only won orders closed at or after `now - withinDays days`; all of them if absent. */
  withinDays?: number;
};

export type NoPurchaseCondition = { behaviour: 'noPurchase'; withinDays: number };

export type NoMessageCondition = { behaviour: 'noMessage'; withinDays: number };

export type SurveyCondition = {
  behaviour: 'survey';
  kind: 'csat' | 'nps';
  op: 'eq' | 'lt' | 'lte' | 'gt' | 'gte';
  score: number;
  /** Only answers given at or after `now - withinDays days`; any kept answer if absent. */
  withinDays?: number;
};

export type BehaviourCondition = OrdersCondition | NoPurchaseCondition | NoMessageCondition | SurveyCondition;

export type SegmentFilter =
  | { and: SegmentFilter[] }
  | { or: SegmentFilter[] }
  | { not: SegmentFilter }
  | FieldCondition
  | BehaviourCondition;

/** The bounds a filter must stay within (a filter is user input compiled into a search). */
export const SEGMENT_FILTER_LIMITS = {
  maxDepth: 6,
  maxNodes: 100,
  maxChildren: 50,
  maxListValues: 100,
  maxStringLength: 200,
  maxWindowDays: 3650,
} as const;

/**
 * The customer document keeps the dates of the latest won orders, one field per rank
 * (`stats.nthLastOrderAt.n1` = latest, `n2` = the one before...). "at least N orders in the last
 * D days" is then exactly "the N-th latest order is within D days": a plain range query that the
 * percolator can hold, with no script.
 */
export const KEPT_ORDER_DATES = 20;

/** The document keeps the latest survey answers (any kind), newest first. */
export const KEPT_SURVEY_ANSWERS = 20;
