import { evaluateSegmentFilter } from '../evaluateSegmentFilter';
import { combineFilters, QUICK_FILTER_NAMES, quickFilter } from '../quickFilters';
import { relativeWindows } from '../relativeWindows';
import type { SegmentDocument } from '../segmentDocument';
import type { SegmentFilter } from '../segmentFilter';
import { validateSegmentFilter } from '../segmentFilterSchema';

const now = new Date('2026-11-29T10:00:00.000Z');
const daysAgo = (d: number): string => new Date(now.getTime() - d * 86_400_000).toISOString();

const customer = (over: Partial<SegmentDocument> = {}): SegmentDocument => ({
  firstName: 'Zoé',
  lastName: 'Lefèvre',
  emails: ['zoe.lefevre@example.fr', 'Zoe@Work.example'],
  phoneDigits: ['33612345678'],
  tags: ['gold'],
  language: 'fr',
  timeZone: 'Europe/Paris',
  lifecycleStage: 'customer',
  isVip: false,
  ownerId: null,
  createdAt: '2026-11-10T08:00:00.000Z',
  preferences: { optedIn: ['whatsapp'], language: 'fr', hasQuietHours: false },
  scores: null,
  customFields: { plan: 'pro', seats: 10, beta: true },
  stats: {
    ordersWon: 0,
    revenueWon: 0,
    lastOrderAt: null,
    openTickets: 0,
    messages: 0,
    lastMessageAt: null,
    nthLastOrderAt: {},
  },
  surveys: [],
  ...over,
});

const matches = (filter: SegmentFilter, doc: SegmentDocument = customer()): boolean => {
  expect(validateSegmentFilter(filter).ok).toBe(true);
  return evaluateSegmentFilter(filter, doc, now);
};

const ordered = (...days: number[]): Partial<SegmentDocument> => ({
  stats: {
    ...customer().stats,
    ordersWon: days.length,
    lastOrderAt: days.length ? daysAgo(days[0]!) : null,
    nthLastOrderAt: Object.fromEntries(days.map((d, i) => [`n${i + 1}`, daysAgo(d)])),
  },
});

describe('evaluateSegmentFilter', () => {
  it('compares names and emails folded, and holds on a list when one element matches', () => {
    expect(matches({ field: 'firstName', op: 'eq', value: 'ZOE' })).toBe(true);
    expect(matches({ field: 'lastName', op: 'prefix', value: 'lefe' })).toBe(true);
    expect(matches({ field: 'email', op: 'eq', value: 'zoe@work.example' })).toBe(true);
    expect(matches({ field: 'email', op: 'contains', value: 'LEFÈVRE@' })).toBe(true);
    expect(matches({ field: 'email', op: 'neq', value: 'zoe@work.example' })).toBe(false);
    expect(matches({ field: 'phone', op: 'contains', value: '12 34' })).toBe(true);
  });

  it('lets neq, hasNone and not match a customer without the value, and comparisons not', () => {
    expect(matches({ field: 'owner', op: 'neq', value: 'u1' })).toBe(true);
    expect(matches({ field: 'owner', op: 'exists' })).toBe(false);
    expect(matches({ field: 'clv', op: 'lt', value: 100 })).toBe(false);
    expect(matches({ not: { field: 'clv', op: 'gte', value: 100 } })).toBe(true);
    expect(matches({ field: 'tags', op: 'hasNone', value: ['silver'] })).toBe(true);
    expect(matches({ field: 'tags', op: 'exists' }, customer({ tags: [] }))).toBe(false);
  });

  it('reads custom fields as their string form', () => {
    expect(matches({ field: 'customFields.seats', type: 'number', op: 'eq', value: 10 })).toBe(true);
    expect(matches({ field: 'customFields.beta', type: 'boolean', op: 'isTrue' })).toBe(true);
    expect(matches({ field: 'customFields.plan', type: 'string', op: 'eq', value: 'PRO' })).toBe(false);
    expect(matches({ field: 'customFields.region', type: 'string', op: 'exists' })).toBe(false);
  });

  it('counts won orders in a window', () => {
    const doc = customer(ordered(5, 40, 100, 400));
    expect(matches({ behaviour: 'orders', op: 'atLeast', count: 2, withinDays: 90 }, doc)).toBe(true);
    expect(matches({ behaviour: 'orders', op: 'atLeast', count: 3, withinDays: 90 }, doc)).toBe(false);
    expect(matches({ behaviour: 'orders', op: 'exactly', count: 2, withinDays: 90 }, doc)).toBe(true);
    expect(matches({ behaviour: 'orders', op: 'atMost', count: 1, withinDays: 90 }, doc)).toBe(false);
    expect(matches({ behaviour: 'orders', op: 'exactly', count: 4 }, doc)).toBe(true);
    expect(matches({ behaviour: 'orders', op: 'exactly', count: 0, withinDays: 3 }, doc)).toBe(true);
  });

  it('says "no purchase" and "no message" for customers who never bought or were never written to', () => {
    expect(matches({ behaviour: 'noPurchase', withinDays: 90 })).toBe(true);
    expect(matches({ behaviour: 'noPurchase', withinDays: 90 }, customer(ordered(100)))).toBe(true);
    expect(matches({ behaviour: 'noPurchase', withinDays: 90 }, customer(ordered(89)))).toBe(false);
    expect(matches({ behaviour: 'noMessage', withinDays: 30 })).toBe(true);
  });

  it('needs one survey answer that has the kind, the score and the date together', () => {
    const doc = customer({
      surveys: [
        { kind: 'nps', score: 9, answeredAt: daysAgo(2) },
        { kind: 'csat', score: 1, answeredAt: daysAgo(200) },
      ],
    });
    expect(matches({ behaviour: 'survey', kind: 'csat', op: 'lte', score: 2 }, doc)).toBe(true);
    expect(matches({ behaviour: 'survey', kind: 'csat', op: 'lte', score: 2, withinDays: 30 }, doc)).toBe(
      false,
    );
    expect(matches({ behaviour: 'survey', kind: 'nps', op: 'lte', score: 6, withinDays: 30 }, doc)).toBe(
      false,
    );
    expect(matches({ behaviour: 'survey', kind: 'nps', op: 'gte', score: 9, withinDays: 30 }, doc)).toBe(
      true,
    );
  });
});

describe('quick filters', () => {
  const ctx = { timeZone: 'Europe/Paris', highClvMin: 1000 };

  it('are valid segment definitions', () => {
    for (const name of QUICK_FILTER_NAMES)
      expect(validateSegmentFilter(quickFilter(name, ctx))).toMatchObject({ ok: true });
  });

  it('select what their names say, and combine with other filters under and', () => {
    const vipAtRisk = customer({
      isVip: true,
      scores: { churn: { probability: 0.8, band: 'high' }, clv: { value: 1500 } },
      surveys: [{ kind: 'nps', score: 3, answeredAt: daysAgo(10) }],
    });
    for (const name of QUICK_FILTER_NAMES)
      expect([name, matches(quickFilter(name, ctx), vipAtRisk)]).toEqual([name, true]);
    const plain = customer({
      preferences: { optedIn: [], language: null, hasQuietHours: false },
      ...ordered(3),
      createdAt: '2026-10-31T22:30:00.000Z',
    });
    for (const name of QUICK_FILTER_NAMES)
      expect([name, matches(quickFilter(name, ctx), plain)]).toEqual([name, false]);
    const both = combineFilters(quickFilter('vip', ctx), quickFilter('highClv', ctx), {
      field: 'language',
      op: 'eq',
      value: 'fr',
    });
    expect(matches(both, vipAtRisk)).toBe(true);
    expect(matches(both, customer({ ...vipAtRisk, language: 'en' }))).toBe(false);
  });

  it('lists the relative windows a sweep must watch', () => {
    expect(relativeWindows(quickFilter('vip', ctx))).toEqual([]);
    expect(
      relativeWindows(
        combineFilters(quickFilter('noPurchase90Days', ctx), quickFilter('newThisMonth', ctx), {
          behaviour: 'orders',
          op: 'exactly',
          count: 2,
          withinDays: 30,
        }),
      ),
    ).toEqual([
      { path: 'stats.lastOrderAt', days: 90 },
      { path: 'createdAt', period: { unit: 'month', timeZone: 'Europe/Paris' } },
      { path: 'stats.nthLastOrderAt.n2', days: 30 },
      { path: 'stats.nthLastOrderAt.n3', days: 30 },
    ]);
  });
});
