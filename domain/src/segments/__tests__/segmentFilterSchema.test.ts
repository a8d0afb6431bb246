import { z } from 'zod';
import { AppError } from '../../errors/AppError';
import { SEGMENT_FILTER_LIMITS } from '../segmentFilter';
import {
  formatFilterPath,
  parseSegmentFilter,
  segmentFilterSchema,
  validateSegmentFilter,
} from '../segmentFilterSchema';

const problemsOf = (input: unknown): { path: string; message: string }[] => {
  const result = validateSegmentFilter(input);
  if (result.ok) throw new Error('expected the filter to be refused');
  return result.problems.map((p) => ({ path: formatFilterPath(p.path), message: p.message }));
};

describe('validateSegmentFilter', () => {
  it('accepts a tree using every kind of node', () => {
    const filter = {
      and: [
        { field: 'vip', op: 'isTrue' },
        {
          or: [
            { field: 'tags', op: 'hasAny', value: ['gold', 'silver'] },
            { field: 'customFields.plan', type: 'string', op: 'eq', value: 'pro' },
          ],
        },
        { not: { behaviour: 'noPurchase', withinDays: 90 } },
        { behaviour: 'orders', op: 'atLeast', count: 3, withinDays: 90 },
        { behaviour: 'survey', kind: 'nps', op: 'lte', score: 6, withinDays: 30 },
        { field: 'createdAt', op: 'inCurrent', value: { unit: 'month', timeZone: 'Europe/Paris' } },
        { field: 'rfm.r', op: 'between', value: [2, 4] },
      ],
    };
    expect(validateSegmentFilter(filter)).toEqual({ ok: true, filter });
  });

  it('names the path of an operator that the field type does not allow, and lists the allowed ones', () => {
    const problems = problemsOf({
      and: [
        { field: 'vip', op: 'isTrue' },
        { field: 'tags', op: 'has', value: 'a' },
        { or: [{ field: 'firstName', op: 'gt', value: 'A' }] },
      ],
    });
    expect(problems).toEqual([
      {
        path: 'filter.and[2].or[0].op',
        message:
          "'gt' is not allowed on text field 'firstName'; allowed: eq, neq, in, prefix, contains, exists",
      },
    ]);
  });

  it('refuses an unknown field at its path', () => {
    expect(problemsOf({ or: [{ field: 'password', op: 'eq', value: 'x' }] })).toEqual([
      { path: 'filter.or[0].field', message: "unknown field 'password'" },
    ]);
  });

  it('refuses a raw OpenSearch query', () => {
    const problems = problemsOf({ bool: { must: [{ match_all: {} }] } });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toBe('filter');
    expect(problems[0]!.message).toMatch(/raw queries are not accepted/);
    expect(problemsOf({ and: [{ script: { source: '1' } }] })[0]!.path).toBe('filter.and[0]');
  });

  it('refuses unknown keys beside a condition or a group', () => {
    expect(problemsOf({ field: 'vip', op: 'isTrue', boost: 2 })).toEqual([
      { path: 'filter.boost', message: 'is not a known key' },
    ]);
    expect(problemsOf({ and: [{ field: 'vip', op: 'isTrue' }], query: {} })).toEqual([
      { path: 'filter.query', message: 'is not a known key' },
    ]);
  });

  it('refuses a node with two kinds at once', () => {
    expect(problemsOf({ and: [], field: 'vip' })[0]).toEqual({
      path: 'filter',
      message: 'must have exactly one of and, or, not, field, behaviour (has and, field)',
    });
  });

  it('checks values against the field: type, bounds, list sizes and allowed values', () => {
    expect(problemsOf({ field: 'rfm.r', op: 'gte', value: 6 })).toEqual([
      { path: 'filter.value', message: expect.stringMatching(/<=5/) },
    ]);
    expect(problemsOf({ field: 'optedIn', op: 'has', value: 'pigeon' })[0]!.path).toBe('filter.value');
    expect(problemsOf({ field: 'clv', op: 'between', value: [10, 2] })).toEqual([
      { path: 'filter.value', message: 'from must not be after to' },
    ]);
    expect(problemsOf({ field: 'tags', op: 'hasAny', value: [] })[0]!.path).toBe('filter.value');
    expect(problemsOf({ field: 'createdAt', op: 'after', value: 'yesterday' })).toEqual([
      { path: 'filter.value', message: 'must be an ISO 8601 date-time with a zone' },
    ]);
    expect(problemsOf({ field: 'vip', op: 'isTrue', value: true })).toEqual([
      { path: 'filter.value', message: 'takes no value' },
    ]);
    expect(
      problemsOf({ field: 'createdAt', op: 'inCurrent', value: { unit: 'month', timeZone: 'Mars/Olympus' } }),
    ).toEqual([{ path: 'filter.value.timeZone', message: 'must be an IANA time zone such as Europe/Paris' }]);
  });

  it('needs the declared type of a custom field and refuses ranges on custom numbers', () => {
    expect(problemsOf({ not: { field: 'customFields.seats', op: 'eq', value: 3 } })).toEqual([
      {
        path: 'filter.not.type',
        message: 'a custom field needs its declared type: string, number or boolean',
      },
    ]);
    expect(problemsOf({ field: 'customFields.seats', type: 'number', op: 'gt', value: 3 })[0]!.path).toBe(
      'filter.op',
    );
    expect(problemsOf({ field: 'customFields.a.b', type: 'string', op: 'eq', value: 'x' })[0]!.path).toBe(
      'filter.field',
    );
    expect(
      problemsOf({ field: 'customFields.marketingPreferences', type: 'string', op: 'exists' })[0]!.path,
    ).toBe('filter.field');
  });

  it('checks behaviours: known kinds, window sizes, counts the document can answer, survey scales', () => {
    expect(problemsOf({ behaviour: 'visits', withinDays: 3 })).toEqual([
      {
        path: 'filter.behaviour',
        message: 'unknown behaviour; known: orders, noPurchase, noMessage, survey',
      },
    ]);
    expect(problemsOf({ behaviour: 'noMessage', withinDays: 0 })[0]!.path).toBe('filter.withinDays');
    expect(problemsOf({ behaviour: 'orders', op: 'atLeast', count: 21, withinDays: 30 })).toEqual([
      {
        path: 'filter.count',
        message: 'with withinDays, atLeast counts up to 20 (the document keeps the latest 20 order dates)',
      },
    ]);
    expect(validateSegmentFilter({ behaviour: 'orders', op: 'atLeast', count: 500 }).ok).toBe(true);
    expect(problemsOf({ behaviour: 'orders', op: 'atMost', count: 20, withinDays: 30 })[0]!.path).toBe(
      'filter.count',
    );
    expect(problemsOf({ behaviour: 'survey', kind: 'csat', op: 'lte', score: 7 })).toEqual([
      { path: 'filter.score', message: 'a CSAT score is 1 to 5' },
    ]);
    expect(problemsOf({ behaviour: 'survey', kind: 'nps', op: 'lte', score: 6, extra: 1 })).toEqual([
      { path: 'filter.extra', message: 'is not a known key' },
    ]);
  });

  it('limits the depth of the tree', () => {
    let filter: unknown = { field: 'vip', op: 'isTrue' };
    for (let i = 0; i < SEGMENT_FILTER_LIMITS.maxDepth - 1; i++) filter = { not: filter };
    expect(validateSegmentFilter(filter).ok).toBe(true);
    expect(problemsOf({ and: [filter] })).toEqual([
      { path: 'filter.and[0].not.not.not.not.not', message: 'nesting goes deeper than 6 levels' },
    ]);
  });

  it('limits the number of nodes and of children', () => {
    const leaf = { field: 'vip', op: 'isTrue' };
    const wide = { or: Array.from({ length: 5 }, () => ({ and: Array.from({ length: 20 }, () => leaf) })) };
    expect(problemsOf(wide)).toEqual([{ path: 'filter', message: 'has 106 nodes; at most 100' }]);
    expect(problemsOf({ and: Array.from({ length: 51 }, () => leaf) })).toContainEqual({
      path: 'filter.and',
      message: 'must be a list of 1 to 50 filters',
    });
    expect(problemsOf({ or: [] })).toEqual([
      { path: 'filter.or', message: 'must be a list of 1 to 50 filters' },
    ]);
  });

  it('reports every problem of a tree at once', () => {
    const problems = problemsOf({
      and: [{ field: 'nope', op: 'eq', value: 1 }, { behaviour: 'noPurchase' }, 'vip'],
    });
    expect(problems.map((p) => p.path)).toEqual([
      'filter.and[0].field',
      'filter.and[1].withinDays',
      'filter.and[2]',
    ]);
  });
});

describe('segmentFilterSchema and parseSegmentFilter', () => {
  it('gives zod issues whose path is the path in the tree', () => {
    const result = segmentFilterSchema.safeParse({ and: [{ field: 'email', op: 'gte', value: 'a' }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toEqual([['and', 0, 'op']]);
  });

  it('can be described as JSON Schema (so routes using it land in the OpenAPI document)', () => {
    expect(z.toJSONSchema(segmentFilterSchema as z.ZodType)).toMatchObject({
      type: 'object',
      description: expect.stringMatching(/segment filter tree/),
    });
  });

  it('throws a validation error naming each field under the root given', () => {
    let error: unknown;
    try {
      parseSegmentFilter({ or: [{ field: 'vip', op: 'eq', value: true }] }, 'body.definition');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe('validation');
    expect((error as AppError).details.fields).toEqual([
      {
        path: 'body.definition.or[0].op',
        message: "'eq' is not allowed on boolean field 'vip'; allowed: isTrue, isFalse",
      },
    ]);
  });
});
