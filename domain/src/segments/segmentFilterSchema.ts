import { z } from 'zod';
import { timeZoneSchema } from '../customer/preferences';
import { AppError } from '../errors/AppError';
import {
  KEPT_ORDER_DATES,
  SEGMENT_FILTER_LIMITS as L,
  type CustomFieldType,
  type SegmentFilter,
} from './segmentFilter';
import {
  CUSTOM_FIELD_KEY,
  CUSTOM_FIELD_OPERATORS,
  CUSTOM_FIELD_PREFIX,
  OPERATORS_BY_TYPE,
  SEGMENT_FIELDS,
  type FieldSpec,
} from './segmentFields';

export type FilterPath = (string | number)[];
export type SegmentFilterProblem = { path: FilterPath; message: string };
export type SegmentFilterValidation =
  | { ok: true; filter: SegmentFilter }
  | { ok: false; problems: SegmentFilterProblem[] };

/** `['and', 2, 'or', 0, 'op']` → `filter.and[2].or[0].op`. */
export const formatFilterPath = (path: FilterPath, root = 'filter'): string =>
  path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : `${s}.${p}`), root);

const text = z.string().min(1).max(L.maxStringLength);
const list = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(L.maxListValues);
const days = z.number().int().min(1).max(L.maxWindowDays);
const instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with a zone' });
const noValue = z.undefined({ message: 'takes no value' });

const numberFor = (spec: Pick<FieldSpec, 'min' | 'max' | 'integer'>) => {
  let n = spec.integer ? z.number().int() : z.number();
  if (spec.min !== undefined) n = n.min(spec.min);
  if (spec.max !== undefined) n = n.max(spec.max);
  return n;
};

const rangeOf = <T extends z.ZodType<number | string>>(item: T) =>
  z
    .tuple([item, item], { message: 'must be a pair [from, to]' })
    .refine(([a, b]) => (a as number | string) <= (b as number | string), {
      message: 'from must not be after to',
    });

const keywordValue = (spec: FieldSpec) => (spec.values ? z.enum(spec.values as [string, ...string[]]) : text);

/** The schema of `value` for a field of the allowlist and one of its operators. */
const valueSchema = (spec: FieldSpec, op: string): z.ZodType => {
  if (op === 'exists' || op === 'isTrue' || op === 'isFalse') return noValue;
  switch (spec.type) {
    case 'text':
    case 'textList':
    case 'keyword':
    case 'keywordList':
      return op === 'in' || op === 'hasAny' || op === 'hasAll' || op === 'hasNone'
        ? list(keywordValue(spec))
        : keywordValue(spec);
    case 'phone':
      return text.regex(/\d/, 'must contain digits');
    case 'number': {
      const n = numberFor(spec);
      if (op === 'in') return list(n);
      if (op === 'between') return rangeOf(n);
      return n;
    }
    case 'date':
      if (op === 'between') return rangeOf(instant);
      if (op === 'withinLastDays' || op === 'olderThanDays') return days;
      if (op === 'inCurrent')
        return z.strictObject({ unit: z.enum(['day', 'week', 'month', 'year']), timeZone: timeZoneSchema });
      return instant;
    case 'boolean':
      return noValue;
  }
};

const customValueSchema = (type: CustomFieldType, op: string): z.ZodType => {
  if (op === 'exists' || op === 'isTrue' || op === 'isFalse') return noValue;
  const item = type === 'number' ? z.number() : text;
  return op === 'in' ? list(item) : item;
};

const ordersSchema = z
  .strictObject({
    behaviour: z.literal('orders'),
    op: z.enum(['atLeast', 'atMost', 'exactly']),
    count: z.number().int().min(0).max(1_000_000),
    withinDays: days.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.withinDays === undefined) return;
    // atMost N and exactly N look at the (N+1)-th latest order: it must be one the document keeps.
    const cap = c.op === 'atLeast' ? KEPT_ORDER_DATES : KEPT_ORDER_DATES - 1;
    if (c.count > cap)
      ctx.addIssue({
        code: 'custom',
        path: ['count'],
        message: `with withinDays, ${c.op} counts up to ${cap} (the document keeps the latest ${KEPT_ORDER_DATES} order dates)`,
      });
  });

const BEHAVIOURS = {
  orders: ordersSchema,
  noPurchase: z.strictObject({ behaviour: z.literal('noPurchase'), withinDays: days }),
  noMessage: z.strictObject({ behaviour: z.literal('noMessage'), withinDays: days }),
  survey: z
    .strictObject({
      behaviour: z.literal('survey'),
      kind: z.enum(['csat', 'nps']),
      op: z.enum(['eq', 'lt', 'lte', 'gt', 'gte']),
      score: z.number().int().min(0).max(10),
      withinDays: days.optional(),
    })
    .refine((s) => s.kind !== 'csat' || s.score >= 1, {
      message: 'a CSAT score is 1 to 5',
      path: ['score'],
    })
    .refine((s) => s.kind !== 'csat' || s.score <= 5, { message: 'a CSAT score is 1 to 5', path: ['score'] }),
} as const;

const NODE_KEYS = ['and', 'or', 'not', 'field', 'behaviour'] as const;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const zodProblems = (error: z.ZodError, at: FilterPath): SegmentFilterProblem[] =>
  error.issues.flatMap((issue) => {
    const base = [...at, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({ path: [...base, key], message: 'is not a known key' }));
    return [{ path: base, message: issue.message }];
  });

const checkField = (node: Record<string, unknown>, at: FilterPath): SegmentFilterProblem[] => {
  const { field, op } = node;
  if (typeof field !== 'string') return [{ path: [...at, 'field'], message: 'must be a field name' }];
  let allowed: readonly string[];
  let value: (op: string) => z.ZodType;
  let describe: string;
  const keys: Record<string, z.ZodType> = { field: z.string(), op: z.string(), value: z.unknown() };
  if (field.startsWith(CUSTOM_FIELD_PREFIX)) {
    const key = field.slice(CUSTOM_FIELD_PREFIX.length);
    if (!CUSTOM_FIELD_KEY.test(key) || key === 'marketingPreferences')
      return [{ path: [...at, 'field'], message: `'${key}' is not a valid custom field key` }];
    const type = node['type'];
    if (type !== 'string' && type !== 'number' && type !== 'boolean')
      return [
        {
          path: [...at, 'type'],
          message: 'a custom field needs its declared type: string, number or boolean',
        },
      ];
    allowed = CUSTOM_FIELD_OPERATORS[type];
    value = (o) => customValueSchema(type, o);
    describe = `${type} custom field`;
    keys['type'] = z.string();
  } else {
    const spec = (SEGMENT_FIELDS as Record<string, FieldSpec>)[field];
    if (!spec || !Object.hasOwn(SEGMENT_FIELDS, field))
      return [{ path: [...at, 'field'], message: `unknown field '${field}'` }];
    allowed = OPERATORS_BY_TYPE[spec.type];
    value = (o) => valueSchema(spec, o);
    describe = `${spec.type} field`;
  }
  if (typeof op !== 'string' || !allowed.includes(op))
    return [
      {
        path: [...at, 'op'],
        message: `${typeof op === 'string' ? `'${op}'` : 'the operator'} is not allowed on ${describe} '${field}'; allowed: ${allowed.join(', ')}`,
      },
    ];
  const result = z.strictObject({ ...keys, value: value(op) }).safeParse(node);
  return result.success ? [] : zodProblems(result.error, at);
};

const checkBehaviour = (node: Record<string, unknown>, at: FilterPath): SegmentFilterProblem[] => {
  const kind = node['behaviour'];
  const schema =
    typeof kind === 'string' && Object.hasOwn(BEHAVIOURS, kind)
      ? BEHAVIOURS[kind as keyof typeof BEHAVIOURS]
      : undefined;
  if (!schema)
    return [
      {
        path: [...at, 'behaviour'],
        message: `unknown behaviour; known: ${Object.keys(BEHAVIOURS).join(', ')}`,
      },
    ];
  const result = schema.safeParse(node);
  return result.success ? [] : zodProblems(result.error, at);
};

/**
 * Validates a filter tree and says, for each problem, where it is and why. Anything that is not
 * the language (a raw OpenSearch query, unknown keys, unknown fields or operators) is refused.
 */
export const validateSegmentFilter = (input: unknown): SegmentFilterValidation => {
  const problems: SegmentFilterProblem[] = [];
  let nodes = 0;
  const walk = (node: unknown, at: FilterPath, depth: number): void => {
    nodes += 1;
    if (!isPlainObject(node)) {
      problems.push({ path: at, message: 'must be an object: a condition, a behaviour, or and/or/not' });
      return;
    }
    const kinds = NODE_KEYS.filter((k) => k in node);
    if (kinds.length !== 1) {
      problems.push({
        path: at,
        message:
          kinds.length === 0
            ? 'must be a condition {field, op, value}, a behaviour {behaviour, ...} or a group {and|or|not} (raw queries are not accepted)'
            : `must have exactly one of and, or, not, field, behaviour (has ${kinds.join(', ')})`,
      });
      return;
    }
    const kind = kinds[0]!;
    if (kind === 'field') return void problems.push(...checkField(node, at));
    if (kind === 'behaviour') return void problems.push(...checkBehaviour(node, at));
    for (const key of Object.keys(node))
      if (key !== kind) problems.push({ path: [...at, key], message: 'is not a known key' });
    if (depth >= L.maxDepth) {
      problems.push({ path: [...at, kind], message: `nesting goes deeper than ${L.maxDepth} levels` });
      return;
    }
    const inner = node[kind];
    if (kind === 'not') return walk(inner, [...at, 'not'], depth + 1);
    if (!Array.isArray(inner) || inner.length === 0 || inner.length > L.maxChildren) {
      problems.push({ path: [...at, kind], message: `must be a list of 1 to ${L.maxChildren} filters` });
      return;
    }
    inner.forEach((child, i) => walk(child, [...at, kind, i], depth + 1));
  };
  walk(input, [], 1);
  if (nodes > L.maxNodes)
    problems.unshift({ path: [], message: `has ${nodes} nodes; at most ${L.maxNodes}` });
  return problems.length === 0 ? { ok: true, filter: input as SegmentFilter } : { ok: false, problems };
};

/**
 * The filter as a zod schema, for request bodies: each problem becomes an issue at its path in
 * the tree, so a 400 names `body.filter.and.2.or.0.op` and why. It is an object schema with a
 * refinement (not a custom type) so that OpenAPI generators can describe it.
 */
export const segmentFilterSchema = z
  .record(z.string(), z.unknown())
  .superRefine((value, ctx) => {
    const result = validateSegmentFilter(value);
    if (!result.ok)
      for (const p of result.problems) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
  })
  .meta({
    id: 'SegmentFilter',
    description:
      'A segment filter tree: {and:[...]}, {or:[...]}, {not:{...}}, a condition {field, op, value} or a behaviour {behaviour, ...}. Raw OpenSearch queries are refused.',
    example: {
      and: [
        { field: 'vip', op: 'isTrue' },
        { behaviour: 'orders', op: 'atLeast', count: 3, withinDays: 90 },
      ],
    },
  }) as unknown as z.ZodType<SegmentFilter>;

/** Parses or throws a validation error naming every problem by its path under `root`. */
export const parseSegmentFilter = (input: unknown, root = 'filter'): SegmentFilter => {
  const result = validateSegmentFilter(input);
  if (result.ok) return result.filter;
  const fields = result.problems.map((p) => ({ path: formatFilterPath(p.path, root), message: p.message }));
  throw new AppError('validation', `invalid segment filter: ${fields.map((f) => f.path).join(', ')}`, {
    fields,
  });
};
