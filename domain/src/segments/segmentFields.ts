import { CHANNELS } from '../customer/preferences';

/**
 * How a field is stored and compared:
 * - `text`: one string, compared folded (lower case, accents removed) like the index's `folded` normalizer;
 * - `textList`: several folded strings (emails); a condition holds when one of them matches;
 * - `phone`: several digit strings; the value is reduced to its digits before comparing;
 * - `keyword`: one exact string; `keywordList`: several exact strings (tags, opted-in channels);
 * - `number`, `date` (ISO instant), `boolean`.
 */
export type FieldType =
  | 'text'
  | 'textList'
  | 'phone'
  | 'keyword'
  | 'keywordList'
  | 'number'
  | 'date'
  | 'boolean';

export type FieldSpec = {
  type: FieldType;
  /** Where the value sits in the customer document (dot path). */
  path: string;
  /** The indexed field the query targets (a sub-field for folded names). */
  indexField: string;
  /** For numbers: inclusive bounds a value must stay within, and whether it must be whole. */
  min?: number;
  max?: number;
  integer?: boolean;
  /** For keywords: the only values a condition may name. */
  values?: readonly string[];
};

const f = (type: FieldType, path: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  type,
  path,
  indexField: path,
  ...extra,
});

const rfmScore = (path: string): FieldSpec => f('number', path, { min: 1, max: 5, integer: true });

/** The field allowlist. Anything else (apart from `customFields.<key>`) is refused. */
export const SEGMENT_FIELDS = {
  firstName: f('text', 'firstName', { indexField: 'firstName.keyword' }),
  lastName: f('text', 'lastName', { indexField: 'lastName.keyword' }),
  email: f('textList', 'emails'),
  phone: f('phone', 'phoneDigits'),
  timeZone: f('keyword', 'timeZone'),
  language: f('keyword', 'language'),
  lifecycleStage: f('keyword', 'lifecycleStage'),
  owner: f('keyword', 'ownerId'),
  createdAt: f('date', 'createdAt'),
  tags: f('keywordList', 'tags'),
  'rfm.r': rfmScore('scores.rfm.r'),
  'rfm.f': rfmScore('scores.rfm.f'),
  'rfm.m': rfmScore('scores.rfm.m'),
  'rfm.label': f('keyword', 'scores.rfm.label'),
  clv: f('number', 'scores.clv.value'),
  'health.score': f('number', 'scores.health.score', { min: 0, max: 100 }),
  'health.band': f('keyword', 'scores.health.band'),
  'churn.probability': f('number', 'scores.churn.probability', { min: 0, max: 1 }),
  'churn.band': f('keyword', 'scores.churn.band'),
  vip: f('boolean', 'isVip'),
  optedIn: f('keywordList', 'preferences.optedIn', { values: CHANNELS }),
  preferredLanguage: f('keyword', 'preferences.language'),
  hasQuietHours: f('boolean', 'preferences.hasQuietHours'),
  ordersWon: f('number', 'stats.ordersWon', { min: 0, integer: true }),
  revenueWon: f('number', 'stats.revenueWon'),
  lastOrderAt: f('date', 'stats.lastOrderAt'),
  lastMessageAt: f('date', 'stats.lastMessageAt'),
  openTickets: f('number', 'stats.openTickets', { min: 0, integer: true }),
} as const satisfies Record<string, FieldSpec>;

export type SegmentFieldName = keyof typeof SEGMENT_FIELDS;

/** Operators allowed per field type. */
export const OPERATORS_BY_TYPE = {
  text: ['eq', 'neq', 'in', 'prefix', 'contains', 'exists'],
  textList: ['eq', 'neq', 'in', 'prefix', 'contains', 'exists'],
  phone: ['eq', 'prefix', 'contains', 'exists'],
  keyword: ['eq', 'neq', 'in', 'exists'],
  keywordList: ['has', 'hasAny', 'hasAll', 'hasNone', 'exists'],
  number: ['eq', 'neq', 'in', 'gt', 'gte', 'lt', 'lte', 'between', 'exists'],
  date: ['before', 'after', 'between', 'withinLastDays', 'olderThanDays', 'inCurrent', 'exists'],
  boolean: ['isTrue', 'isFalse'],
} as const satisfies Record<FieldType, readonly string[]>;

/**
 * Custom fields live in a `flat_object` field, where every value is indexed as a keyword string:
 * strings compare exactly (case kept), numbers only by equality (a range on strings would order
 * "10" before "9"), booleans as true/false.
 */
export const CUSTOM_FIELD_OPERATORS = {
  string: ['eq', 'neq', 'in', 'prefix', 'exists'],
  number: ['eq', 'neq', 'in', 'exists'],
  boolean: ['isTrue', 'isFalse', 'exists'],
} as const;

export const CUSTOM_FIELD_PREFIX = 'customFields.';
export const CUSTOM_FIELD_KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
