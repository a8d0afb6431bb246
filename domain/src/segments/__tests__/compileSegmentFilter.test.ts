import { compileSegmentFilter, compileSegmentFilterWithDateMath } from '../compileSegmentFilter';
import { quickFilter } from '../quickFilters';

const now = new Date('2026-11-29T10:00:00.000Z');

describe('compileSegmentFilter', () => {
  it('maps groups to bool clauses: and → filter, or → should with one required, not → must_not', () => {
    expect(
      compileSegmentFilter(
        {
          and: [
            { field: 'vip', op: 'isTrue' },
            {
              or: [
                { field: 'language', op: 'eq', value: 'fr' },
                { not: { field: 'tags', op: 'has', value: 'x' } },
              ],
            },
          ],
        },
        now,
      ),
    ).toEqual({
      bool: {
        filter: [
          { term: { isVip: true } },
          {
            bool: {
              should: [{ term: { language: 'fr' } }, { bool: { must_not: [{ term: { tags: 'x' } }] } }],
              minimum_should_match: 1,
            },
          },
        ],
      },
    });
  });

  it('targets the folded keyword sub-field and folds the value for names and emails', () => {
    expect(compileSegmentFilter({ field: 'lastName', op: 'eq', value: 'Lefèvre' }, now)).toEqual({
      term: { 'lastName.keyword': 'lefevre' },
    });
    expect(compileSegmentFilter({ field: 'email', op: 'contains', value: 'Zoé*' }, now)).toEqual({
      wildcard: { emails: { value: '*zoe\\**' } },
    });
    expect(compileSegmentFilter({ field: 'phone', op: 'prefix', value: '+33 6' }, now)).toEqual({
      prefix: { phoneDigits: { value: '336' } },
    });
  });

  it('targets the score fields of the document', () => {
    expect(
      compileSegmentFilter({ field: 'rfm.label', op: 'in', value: ['champions', 'loyal'] }, now),
    ).toEqual({
      terms: { 'scores.rfm.label': ['champions', 'loyal'] },
    });
    expect(
      compileSegmentFilter({ field: 'churn.probability', op: 'between', value: [0.2, 0.8] }, now),
    ).toEqual({
      range: { 'scores.churn.probability': { gte: 0.2, lte: 0.8 } },
    });
    expect(compileSegmentFilter({ field: 'health.score', op: 'exists' }, now)).toEqual({
      exists: { field: 'scores.health.score' },
    });
  });

  it('resolves relative windows against the instant given, with no date math left in the query', () => {
    const query = compileSegmentFilter({ field: 'lastMessageAt', op: 'withinLastDays', value: 30 }, now);
    expect(query).toEqual({ range: { 'stats.lastMessageAt': { gte: '2026-10-30T10:00:00.000Z' } } });
    expect(JSON.stringify(query)).not.toMatch(/now/);
    expect(compileSegmentFilter({ behaviour: 'noPurchase', withinDays: 90 }, now)).toEqual({
      bool: { must_not: [{ range: { 'stats.lastOrderAt': { gte: '2026-08-31T10:00:00.000Z' } } }] },
    });
  });

  it('gives the same query for the same filter and instant, and a moved window for a later instant', () => {
    const filter = { behaviour: 'noMessage', withinDays: 7 } as const;
    expect(compileSegmentFilter(filter, now)).toEqual(compileSegmentFilter(filter, new Date(now)));
    expect(compileSegmentFilter(filter, new Date('2026-11-30T10:00:00.000Z'))).not.toEqual(
      compileSegmentFilter(filter, now),
    );
  });

  it('counts orders in a window through the N-th latest order date', () => {
    const since = '2026-08-31T10:00:00.000Z';
    expect(
      compileSegmentFilter({ behaviour: 'orders', op: 'atLeast', count: 3, withinDays: 90 }, now),
    ).toEqual({
      range: { 'stats.nthLastOrderAt.n3': { gte: since } },
    });
    expect(
      compileSegmentFilter({ behaviour: 'orders', op: 'atMost', count: 1, withinDays: 90 }, now),
    ).toEqual({
      bool: { must_not: [{ range: { 'stats.nthLastOrderAt.n2': { gte: since } } }] },
    });
    expect(
      compileSegmentFilter({ behaviour: 'orders', op: 'exactly', count: 0, withinDays: 90 }, now),
    ).toEqual({
      bool: {
        filter: [
          { match_all: {} },
          { bool: { must_not: [{ range: { 'stats.nthLastOrderAt.n1': { gte: since } } }] } },
        ],
      },
    });
    expect(compileSegmentFilter({ behaviour: 'orders', op: 'atLeast', count: 5 }, now)).toEqual({
      range: { 'stats.ordersWon': { gte: 5 } },
    });
  });

  it('matches one survey answer on kind, score and date together (nested)', () => {
    expect(
      compileSegmentFilter({ behaviour: 'survey', kind: 'csat', op: 'lte', score: 2, withinDays: 30 }, now),
    ).toEqual({
      nested: {
        path: 'surveys',
        query: {
          bool: {
            filter: [
              { term: { 'surveys.kind': 'csat' } },
              { range: { 'surveys.score': { lte: 2 } } },
              { range: { 'surveys.answeredAt': { gte: '2026-10-30T10:00:00.000Z' } } },
            ],
          },
        },
      },
    });
  });

  it('compares custom fields as the flat_object stores them: strings', () => {
    expect(
      compileSegmentFilter({ field: 'customFields.seats', type: 'number', op: 'in', value: [5, 10] }, now),
    ).toEqual({ terms: { 'customFields.seats': ['5', '10'] } });
    expect(compileSegmentFilter({ field: 'customFields.beta', type: 'boolean', op: 'isTrue' }, now)).toEqual({
      term: { 'customFields.beta': 'true' },
    });
  });

  it('compiles "new this month" to the month of the tenant time zone', () => {
    // 2026-11-30T23:30Z is already December 1st in Paris.
    const late = new Date('2026-11-30T23:30:00.000Z');
    expect(
      compileSegmentFilter(quickFilter('newThisMonth', { timeZone: 'Europe/Paris', highClvMin: 0 }), late),
    ).toEqual({ range: { createdAt: { gte: '2026-11-30T23:00:00.000Z', lt: '2026-12-31T23:00:00.000Z' } } });
    expect(
      compileSegmentFilter(
        quickFilter('newThisMonth', { timeZone: 'America/New_York', highClvMin: 0 }),
        late,
      ),
    ).toEqual({ range: { createdAt: { gte: '2026-11-01T04:00:00.000Z', lt: '2026-12-01T05:00:00.000Z' } } });
  });
});

describe('compileSegmentFilterWithDateMath', () => {
  it('leaves relative windows to OpenSearch as date math, with the time zone of calendar periods', () => {
    expect(
      compileSegmentFilterWithDateMath({
        and: [
          { behaviour: 'noPurchase', withinDays: 90 },
          { field: 'createdAt', op: 'inCurrent', value: { unit: 'week', timeZone: 'Europe/Paris' } },
        ],
      }),
    ).toEqual({
      bool: {
        filter: [
          { bool: { must_not: [{ range: { 'stats.lastOrderAt': { gte: 'now-90d' } } }] } },
          { range: { createdAt: { gte: 'now/w', lt: 'now+1w/w', time_zone: 'Europe/Paris' } } },
        ],
      },
    });
  });
});
