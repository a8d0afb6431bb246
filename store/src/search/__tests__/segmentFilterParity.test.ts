import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import {
  KEPT_ORDER_DATES,
  lowerSegmentFilter,
  matchesPredicate,
  validateSegmentFilter,
  type SegmentFilter,
} from '@c360/domain';
import type { CustomerDocument } from '../customerDocument';
import { ensureCustomerIndex } from '../customerIndex';
import { createSearchClient } from '../index';
import { buildSegmentQuery } from '../../segments/segmentQueries';
import { writeCustomerDocuments } from '../writeCustomerDocuments';

/**
 * Property: for random customers indexed in OpenSearch and random filters, the customers the
 * compiled query returns are exactly those the in-memory evaluator selects. The values are drawn
 * from small pools around the boundaries (accents and case, day windows to the millisecond, month
 * starts in several time zones) so that filters often split the population.
 */
const client = createSearchClient(process.env['C360_OPENSEARCH_URL'] ?? 'http://127.0.0.1:9200');
const prefix = `${process.env['C360_INDEX_PREFIX'] ?? 'c360-test-'}segparity-${randomUUID().slice(0, 8)}-`;
const seed = Number(process.env['SEGMENT_PARITY_SEED'] ?? Date.now() % 2_147_483_647);
const POPULATION = 300;
const FILTERS = Number(process.env['SEGMENT_PARITY_FILTERS'] ?? 100);

const now = new Date('2026-11-29T10:00:00.000Z');
const DAY = 86_400_000;
const WINDOWS = [1, 7, 30, 90, 365];
const TIME_ZONES = ['Europe/Paris', 'America/New_York', 'Asia/Tokyo'];

// Instants on and around the window and calendar boundaries that filters use.
const INSTANTS = [
  ...[0, 1, 7, 30, 89, 90, 91, 365, 400].flatMap((d) =>
    [0, -1, 1, 3 * 3_600_000].map((jitter) => new Date(now.getTime() - d * DAY + jitter).toISOString()),
  ),
  '2026-10-31T22:59:59.999Z',
  '2026-10-31T23:00:00.000Z',
  '2026-11-01T04:00:00.000Z',
  '2026-10-31T15:00:00.000Z',
  '2026-11-22T23:00:00.000Z',
  '2026-11-28T23:00:00.000Z',
  '2025-12-31T23:00:00.000Z',
  '2026-01-01T05:00:00.000Z',
];
const instant = fc.constantFrom(...INSTANTS);
const sortedDesc = (xs: string[]): string[] => [...xs].sort().reverse();

const NAMES = [
  'Zoé',
  'zoe',
  'ZOE',
  'Émile',
  'Chloë',
  'Anaïs',
  'Ana',
  'Øyvind',
  'Straße',
  'Strasse',
  'Jean-Luc',
  'Æsa',
  '',
];
const NAME_PARTS = ['zo', 'ZO', 'é', 'ana', 'stra', 'ß', 'ss', 'luc', 'ø', 'ae', 'e'];
const EMAILS = ['zoe@example.fr', 'Zoé.L@Example.com', 'ana+x@shop.io', 'bob@test.org'];
const EMAIL_PARTS = ['zoe', 'example', '@shop', 'ZOÉ.l', 'bob@test.org', '.io'];
const PHONES = ['33612345678', '447700900123', '15551234567'];
const PHONE_QUERIES = ['336', '33612345678', '1234', '+44 7700', '555'];
const TAGS = ['gold', 'silver', 'Gold', 'vip-lounge', 'new'];
const CHANNELS = ['whatsapp', 'email', 'sms'];
const LABELS = ['champions', 'loyal', 'at_risk', 'hibernating'];
const BANDS = ['low', 'medium', 'high'];
const CLVS = [0, 99.5, 250, 1000, 1000.01, 4999];
const PROBABILITIES = [0, 0.25, 0.5, 0.6, 0.99, 1];
const HEALTH = [0, 35, 50, 70.5, 100];
const PLANS = ['pro', 'Pro', 'free', 'pro-plus'];

const nullable = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arb, { nil: null });
const subset = (pool: string[]) => fc.subarray(pool);

const customerArb = (tenantId: string): fc.Arbitrary<CustomerDocument> =>
  fc
    .record({
      firstName: fc.constantFrom(...NAMES),
      lastName: fc.constantFrom(...NAMES),
      emails: subset(EMAILS),
      phoneDigits: subset(PHONES),
      tags: subset(TAGS),
      language: fc.constantFrom('en', 'fr', 'ar'),
      timeZone: fc.constantFrom(...TIME_ZONES),
      lifecycleStage: nullable(fc.constantFrom('lead', 'customer', 'at_risk')),
      isVip: fc.boolean(),
      ownerId: nullable(fc.constantFrom('u1', 'u2')),
      createdAt: instant,
      optedIn: subset(CHANNELS),
      preferredLanguage: nullable(fc.constantFrom('en', 'fr')),
      hasQuietHours: fc.boolean(),
      scores: nullable(
        fc.record({
          rfm: nullable(
            fc.record({
              r: nullable(fc.integer({ min: 1, max: 5 })),
              f: nullable(fc.integer({ min: 1, max: 5 })),
              m: nullable(fc.integer({ min: 1, max: 5 })),
              label: nullable(fc.constantFrom(...LABELS)),
            }),
          ),
          clv: nullable(fc.record({ value: nullable(fc.constantFrom(...CLVS)) })),
          health: nullable(
            fc.record({
              score: nullable(fc.constantFrom(...HEALTH)),
              band: nullable(fc.constantFrom(...BANDS)),
            }),
          ),
          churn: nullable(
            fc.record({
              probability: nullable(fc.constantFrom(...PROBABILITIES)),
              band: nullable(fc.constantFrom(...BANDS)),
            }),
          ),
        }),
      ),
      customFields: fc.record(
        {
          plan: fc.constantFrom(...PLANS),
          seats: fc.integer({ min: 0, max: 12 }),
          beta: fc.boolean(),
          tags: subset(['a', 'b']),
        },
        { requiredKeys: [] },
      ),
      orders: fc.array(instant, { maxLength: 25 }),
      lastMessageAt: nullable(instant),
      openTickets: fc.integer({ min: 0, max: 3 }),
      surveys: fc.array(
        fc.oneof(
          fc.record({
            kind: fc.constant('csat'),
            score: fc.integer({ min: 1, max: 5 }),
            answeredAt: instant,
          }),
          fc.record({
            kind: fc.constant('nps'),
            score: fc.integer({ min: 0, max: 10 }),
            answeredAt: instant,
          }),
        ),
        { maxLength: 4 },
      ),
    })
    .map((c) => {
      const orders = sortedDesc(c.orders);
      return {
        tenantId,
        customerId: randomUUID(),
        firstName: c.firstName,
        lastName: c.lastName,
        fullName: `${c.firstName} ${c.lastName}`.trim(),
        emails: c.emails,
        phones: c.phoneDigits.map((d) => `+${d}`),
        phoneDigits: c.phoneDigits,
        tags: c.tags,
        language: c.language,
        timeZone: c.timeZone,
        lifecycleStage: c.lifecycleStage,
        isVip: c.isVip,
        ownerId: c.ownerId,
        createdAt: c.createdAt,
        updatedAt: now.toISOString(),
        preferences: {
          optedIn: c.optedIn,
          language: c.preferredLanguage,
          hasQuietHours: c.hasQuietHours,
          quietHoursTimeZone: c.hasQuietHours ? c.timeZone : null,
        },
        // Partial score objects (nulls, no computedAt) on purpose: the language must treat missing
        // fields alike on both sides, even though the document builder always writes them whole.
        scores: c.scores as unknown as CustomerDocument['scores'],
        customFields: c.customFields,
        stats: {
          ordersWon: orders.length,
          revenueWon: orders.length * 40.5,
          lastOrderAt: orders[0] ?? null,
          openTickets: c.openTickets,
          slaBreaches: 0,
          messages: c.lastMessageAt ? 3 : 0,
          lastMessageAt: c.lastMessageAt,
          lastActivityAt: null,
          nthLastOrderAt: Object.fromEntries(
            orders.slice(0, KEPT_ORDER_DATES).map((d, i) => [`n${i + 1}`, d]),
          ),
        },
        surveys: [...c.surveys].sort((a, b) => b.answeredAt.localeCompare(a.answeredAt)),
        indexedAt: now.toISOString(),
      };
    });

type Leaf = fc.Arbitrary<SegmentFilter>;
const cond = (field: string, op: string, value?: fc.Arbitrary<unknown>): Leaf =>
  value ? value.map((v) => ({ field, op, value: v })) : fc.constant({ field, op });
const oneOrMany = (field: string, one: fc.Arbitrary<unknown>, ops: string[], listOps: string[]): Leaf[] => [
  ...ops.map((op) => cond(field, op, one)),
  ...listOps.map((op) => cond(field, op, fc.uniqueArray(one, { minLength: 1, maxLength: 3 }))),
];
const numberLeaves = (field: string, pool: fc.Arbitrary<number>): Leaf[] => [
  ...oneOrMany(field, pool, ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'], ['in']),
  cond(
    field,
    'between',
    fc.tuple(pool, pool).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
  ),
  cond(field, 'exists'),
];
const dateLeaves = (field: string): Leaf[] => [
  cond(field, 'before', instant),
  cond(field, 'after', instant),
  cond(
    field,
    'between',
    fc.tuple(instant, instant).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
  ),
  cond(field, 'withinLastDays', fc.constantFrom(...WINDOWS)),
  cond(field, 'olderThanDays', fc.constantFrom(...WINDOWS)),
  cond(
    field,
    'inCurrent',
    fc.record({
      unit: fc.constantFrom('day', 'week', 'month', 'year'),
      timeZone: fc.constantFrom(...TIME_ZONES),
    }),
  ),
  cond(field, 'exists'),
];
const custom = (key: string, type: string, op: string, value?: fc.Arbitrary<unknown>): Leaf =>
  (value ?? fc.constant(undefined)).map((v) => ({
    field: `customFields.${key}`,
    type,
    op,
    ...(v === undefined ? {} : { value: v }),
  })) as Leaf;
const window = fc.option(fc.constantFrom(...WINDOWS), { nil: undefined });
const withWindow = <T extends object>(o: T, withinDays: number | undefined): T =>
  withinDays === undefined ? o : { ...o, withinDays };

const leafArb: Leaf = fc.oneof(
  ...['firstName', 'lastName'].flatMap((f) => [
    ...oneOrMany(f, fc.constantFrom(...NAMES.filter(Boolean)), ['eq', 'neq'], ['in']),
    ...['prefix', 'contains'].map((op) => cond(f, op, fc.constantFrom(...NAME_PARTS))),
    cond(f, 'exists'),
  ]),
  ...oneOrMany('email', fc.constantFrom(...EMAILS), ['eq', 'neq'], ['in']),
  ...['prefix', 'contains'].map((op) => cond('email', op, fc.constantFrom(...EMAIL_PARTS))),
  cond('email', 'exists'),
  ...['eq', 'prefix', 'contains'].map((op) => cond('phone', op, fc.constantFrom(...PHONE_QUERIES))),
  cond('phone', 'exists'),
  ...oneOrMany('language', fc.constantFrom('en', 'fr', 'ar', 'de'), ['eq', 'neq'], ['in']),
  ...oneOrMany('timeZone', fc.constantFrom(...TIME_ZONES), ['eq', 'neq'], ['in']),
  ...oneOrMany('lifecycleStage', fc.constantFrom('lead', 'customer', 'at_risk'), ['eq', 'neq'], ['in']),
  cond('lifecycleStage', 'exists'),
  ...oneOrMany('owner', fc.constantFrom('u1', 'u2'), ['eq', 'neq'], ['in']),
  cond('owner', 'exists'),
  ...oneOrMany('preferredLanguage', fc.constantFrom('en', 'fr'), ['eq', 'neq'], ['in']),
  cond('preferredLanguage', 'exists'),
  ...oneOrMany('rfm.label', fc.constantFrom(...LABELS), ['eq', 'neq'], ['in']),
  ...oneOrMany('health.band', fc.constantFrom(...BANDS), ['eq', 'neq'], ['in']),
  ...oneOrMany('churn.band', fc.constantFrom(...BANDS), ['eq'], ['in']),
  ...oneOrMany('tags', fc.constantFrom(...TAGS), ['has'], ['hasAny', 'hasAll', 'hasNone']),
  cond('tags', 'exists'),
  ...oneOrMany('optedIn', fc.constantFrom(...CHANNELS), ['has'], ['hasAny', 'hasAll', 'hasNone']),
  cond('optedIn', 'exists'),
  ...['rfm.r', 'rfm.f', 'rfm.m'].flatMap((f) => numberLeaves(f, fc.integer({ min: 1, max: 5 }))),
  ...numberLeaves('clv', fc.constantFrom(...CLVS)),
  ...numberLeaves('health.score', fc.constantFrom(...HEALTH)),
  ...numberLeaves('churn.probability', fc.constantFrom(...PROBABILITIES)),
  ...numberLeaves('ordersWon', fc.integer({ min: 0, max: 25 })),
  ...numberLeaves('revenueWon', fc.constantFrom(0, 40.5, 81, 405, 1000)),
  ...numberLeaves('openTickets', fc.integer({ min: 0, max: 3 })),
  ...dateLeaves('createdAt'),
  ...dateLeaves('lastOrderAt'),
  ...dateLeaves('lastMessageAt'),
  ...['vip', 'hasQuietHours'].flatMap((f) => [cond(f, 'isTrue'), cond(f, 'isFalse')]),
  ...['eq', 'neq', 'prefix'].map((op) => custom('plan', 'string', op, fc.constantFrom(...PLANS, 'pr'))),
  custom('plan', 'string', 'in', fc.uniqueArray(fc.constantFrom(...PLANS), { minLength: 1, maxLength: 2 })),
  custom('plan', 'string', 'exists'),
  ...['eq', 'neq'].map((op) => custom('seats', 'number', op, fc.integer({ min: 0, max: 12 }))),
  custom(
    'seats',
    'number',
    'in',
    fc.uniqueArray(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 3 }),
  ),
  custom('seats', 'number', 'exists'),
  ...['isTrue', 'isFalse', 'exists'].map((op) => custom('beta', 'boolean', op)),
  custom('tags', 'string', 'eq', fc.constantFrom('a', 'b')),
  custom('region', 'string', 'exists'),
  fc
    .record({
      op: fc.constantFrom('atLeast', 'atMost', 'exactly'),
      count: fc.integer({ min: 0, max: KEPT_ORDER_DATES - 1 }),
      withinDays: window,
    })
    .map(
      ({ op, count, withinDays }) =>
        withWindow({ behaviour: 'orders', op, count }, withinDays) as SegmentFilter,
    ),
  fc.constantFrom(...WINDOWS).map((withinDays) => ({ behaviour: 'noPurchase', withinDays }) as SegmentFilter),
  fc.constantFrom(...WINDOWS).map((withinDays) => ({ behaviour: 'noMessage', withinDays }) as SegmentFilter),
  fc
    .record({
      kind: fc.constantFrom('csat', 'nps'),
      op: fc.constantFrom('eq', 'lt', 'lte', 'gt', 'gte'),
      score: fc.integer({ min: 1, max: 5 }),
      withinDays: window,
    })
    .map(({ withinDays, ...s }) => withWindow({ behaviour: 'survey', ...s }, withinDays) as SegmentFilter),
);

const filterArb: fc.Arbitrary<SegmentFilter> = fc.letrec<{ node: SegmentFilter }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', maxDepth: 3, withCrossShrink: true },
    leafArb,
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((and) => ({ and })),
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((or) => ({ or })),
    tie('node').map((not) => ({ not })),
  ),
})).node;

const tenantA = randomUUID();
const tenantB = randomUUID();
let index: string;
let population: CustomerDocument[];

beforeAll(async () => {
  index = await ensureCustomerIndex(client, prefix);
  population = fc.sample(customerArb(tenantA), { numRuns: POPULATION, seed });
  // Another tenant's customers, with the same facts: the tenant filter must keep them out.
  const others = population.slice(0, 30).map((c) => ({ ...c, tenantId: tenantB, customerId: randomUUID() }));
  await writeCustomerDocuments(
    client,
    index,
    { version: 1, documents: [...population, ...others], missingIds: [] },
    { refresh: true },
  );
}, 60_000);

afterAll(async () => {
  await client.indices.delete({ index }).catch(() => undefined);
  await client.close();
});

/** Multi-searches of a few filters each: a round trip per filter would dominate the run. */
const searchAll = async (filters: SegmentFilter[]): Promise<string[][]> => {
  const found: string[][] = [];
  for (let start = 0; start < filters.length; start += 25) {
    const body = filters
      .slice(start, start + 25)
      .flatMap((filter) => [
        { index },
        { query: buildSegmentQuery(tenantA, filter, now), size: 1000, _source: false },
      ]);
    const response = await client.msearch({ body } as never);
    for (const r of response.body.responses as { error?: unknown; hits: { hits: { _id: string }[] } }[]) {
      if (r.error) throw new Error(`query ${found.length} failed: ${JSON.stringify(r.error)}`);
      found.push(r.hits.hits.map((h) => h._id).sort());
    }
  }
  return found;
};

describe('segment filter: OpenSearch and the evaluator agree', () => {
  it(`select the same customers for ${FILTERS} random filters over ${POPULATION} random customers (seed ${seed})`, async () => {
    const filters = fc.sample(filterArb, { numRuns: FILTERS, seed });
    for (const filter of filters) {
      const validation = validateSegmentFilter(filter);
      if (!validation.ok)
        throw new Error(`generated an invalid filter: ${JSON.stringify(validation.problems)}`);
    }
    const found = await searchAll(filters);
    let splitting = 0;
    filters.forEach((filter, i) => {
      const predicate = lowerSegmentFilter(filter, now);
      const expected = population
        .filter((c) => matchesPredicate(predicate, c))
        .map((c) => c.customerId)
        .sort();
      const actual = found[i]!;
      // On a difference, show the filter and the first customer the two sides disagree on.
      const disputed = [
        ...actual.filter((id) => !expected.includes(id)),
        ...expected.filter((id) => !actual.includes(id)),
      ];
      const customer = population.find((c) => c.customerId === disputed[0]);
      expect({ filter, customer, opensearch: actual.includes(disputed[0] ?? '') }).toEqual({
        filter,
        customer: undefined,
        opensearch: false,
      });
      if (expected.length > 0 && expected.length < POPULATION) splitting += 1;
    });
    // Filters that select nobody or everybody prove little: most must split the population.
    expect(splitting).toBeGreaterThan(FILTERS / 2);
  }, 120_000);
});
