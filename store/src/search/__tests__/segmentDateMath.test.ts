import { randomUUID } from 'node:crypto';
import { compileSegmentFilter, compileSegmentFilterWithDateMath, type SegmentFilter } from '@c360/domain';
import { ensureCustomerIndex } from '../customerIndex';
import { createSearchClient } from '../index';
import { writeCustomerDocuments } from '../writeCustomerDocuments';
import type { CustomerDocument } from '../customerDocument';

const client = createSearchClient(process.env['C360_OPENSEARCH_URL'] ?? 'http://127.0.0.1:9200');
const prefix = `${process.env['C360_INDEX_PREFIX'] ?? 'c360-test-'}segmath-${randomUUID().slice(0, 8)}-`;
const tenantId = randomUUID();
// Date math runs on OpenSearch's clock: the documents sit days away from every boundary.
const realNow = new Date();
const ago = (days: number): string => new Date(realNow.getTime() - days * 86_400_000).toISOString();
let index: string;

const customer = (createdAt: string, lastOrderAt: string | null): CustomerDocument => ({
  tenantId,
  customerId: randomUUID(),
  firstName: 'A',
  lastName: 'B',
  fullName: 'A B',
  emails: [],
  phones: [],
  phoneDigits: [],
  tags: [],
  language: 'en',
  timeZone: 'Europe/Paris',
  lifecycleStage: null,
  isVip: false,
  ownerId: null,
  createdAt,
  updatedAt: createdAt,
  preferences: { optedIn: [], language: null, hasQuietHours: false, quietHoursTimeZone: null },
  scores: null,
  customFields: {},
  stats: {
    ordersWon: lastOrderAt ? 1 : 0,
    revenueWon: 0,
    lastOrderAt,
    openTickets: 0,
    slaBreaches: 0,
    messages: 0,
    lastMessageAt: null,
    lastActivityAt: null,
    nthLastOrderAt: lastOrderAt ? { n1: lastOrderAt } : {},
  },
  surveys: [],
  indexedAt: realNow.toISOString(),
});

const docs = [
  customer(realNow.toISOString(), ago(10)),
  customer(ago(400), ago(100)),
  customer(ago(800), null),
];

beforeAll(async () => {
  index = await ensureCustomerIndex(client, prefix);
  await writeCustomerDocuments(
    client,
    index,
    { version: 1, documents: docs, missingIds: [] },
    { refresh: true },
  );
}, 60_000);

afterAll(async () => {
  await client.indices.delete({ index }).catch(() => undefined);
  await client.close();
});

const ids = async (query: Record<string, unknown>): Promise<string[]> => {
  const response = await client.search({
    index,
    body: { query: { bool: { filter: [{ term: { tenantId } }, query] } }, size: 10, _source: false },
  } as never);
  return response.body.hits.hits.map((h: { _id: string }) => h._id).sort();
};

describe('relative windows as OpenSearch date math', () => {
  it.each<[string, SegmentFilter]>([
    ['no purchase in 30 days', { behaviour: 'noPurchase', withinDays: 30 }],
    ['one order in 365 days', { behaviour: 'orders', op: 'atLeast', count: 1, withinDays: 365 }],
    [
      'created this month in Tokyo',
      { field: 'createdAt', op: 'inCurrent', value: { unit: 'month', timeZone: 'Asia/Tokyo' } },
    ],
    ['created more than 500 days ago', { field: 'createdAt', op: 'olderThanDays', value: 500 }],
  ])('selects the same customers as the query anchored at now: %s', async (_, filter) => {
    const anchored = await ids(compileSegmentFilter(filter, realNow));
    expect(anchored.length).toBeGreaterThan(0);
    expect(await ids(compileSegmentFilterWithDateMath(filter))).toEqual(anchored);
  });
});
