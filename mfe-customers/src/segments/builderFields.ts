/**
 * The fields the builder offers, with the operators it shows for each. The API's filter language
 * (domain/src/segments) is the authority: it validates every tree the builder sends and answers a
 * 400 naming the bad node, which the builder shows.
 */
export type BuilderFieldType = 'text' | 'keyword' | 'list' | 'number' | 'date' | 'boolean';

export type BuilderField = { name: string; type: BuilderFieldType; values?: readonly string[] };

export const BUILDER_FIELDS: readonly BuilderField[] = [
  { name: 'firstName', type: 'text' },
  { name: 'lastName', type: 'text' },
  { name: 'email', type: 'text' },
  { name: 'language', type: 'keyword' },
  { name: 'timeZone', type: 'keyword' },
  {
    name: 'lifecycleStage',
    type: 'keyword',
    values: ['lead', 'prospect', 'customer', 'loyal', 'at_risk', 'churned'],
  },
  { name: 'tags', type: 'list' },
  { name: 'optedIn', type: 'list', values: ['whatsapp', 'email', 'sms'] },
  { name: 'vip', type: 'boolean' },
  { name: 'hasQuietHours', type: 'boolean' },
  { name: 'rfm.label', type: 'keyword' },
  { name: 'rfm.r', type: 'number' },
  { name: 'rfm.f', type: 'number' },
  { name: 'rfm.m', type: 'number' },
  { name: 'clv', type: 'number' },
  { name: 'health.score', type: 'number' },
  { name: 'health.band', type: 'keyword', values: ['healthy', 'neutral', 'at_risk'] },
  { name: 'churn.probability', type: 'number' },
  { name: 'churn.band', type: 'keyword', values: ['low', 'medium', 'high'] },
  { name: 'ordersWon', type: 'number' },
  { name: 'revenueWon', type: 'number' },
  { name: 'openTickets', type: 'number' },
  { name: 'createdAt', type: 'date' },
  { name: 'lastOrderAt', type: 'date' },
  { name: 'lastMessageAt', type: 'date' },
];

export const OPERATORS: Record<BuilderFieldType, readonly string[]> = {
  text: ['eq', 'neq', 'prefix', 'contains', 'in', 'exists'],
  keyword: ['eq', 'neq', 'in', 'exists'],
  list: ['has', 'hasAny', 'hasAll', 'hasNone', 'exists'],
  number: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'exists'],
  date: ['withinLastDays', 'olderThanDays', 'before', 'after', 'exists'],
  boolean: ['isTrue', 'isFalse'],
};

/** Operators that take no value, and those that take a comma-separated list. */
export const NO_VALUE_OPS: readonly string[] = ['exists', 'isTrue', 'isFalse'];
export const LIST_OPS: readonly string[] = ['in', 'hasAny', 'hasAll', 'hasNone'];

export const fieldByName = (name: string): BuilderField | undefined =>
  BUILDER_FIELDS.find((f) => f.name === name);
