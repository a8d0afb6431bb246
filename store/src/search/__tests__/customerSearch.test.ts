import { randomUUID } from 'node:crypto';
import type { CustomerDocument } from '../customerDocument';
import { ensureCustomerIndex } from '../customerIndex';
import { createSearchClient } from '../index';
import { searchCustomers } from '../searchCustomers';
import { deleteTenantDocumentsIndexedBefore, writeCustomerDocuments } from '../writeCustomerDocuments';

const client = createSearchClient(process.env['C360_OPENSEARCH_URL'] ?? 'http://127.0.0.1:9200');
const prefix = `${process.env['C360_INDEX_PREFIX'] ?? 'c360-test-'}search-${randomUUID().slice(0, 8)}-`;
let index: string;

const doc = (
  tenantId: string,
  over: Partial<CustomerDocument> & { firstName: string; lastName: string },
): CustomerDocument => ({
  tenantId,
  customerId: randomUUID(),
  fullName: `${over.firstName} ${over.lastName}`,
  emails: [],
  phones: [],
  phoneDigits: [],
  tags: [],
  language: 'en',
  timeZone: 'Europe/Paris',
  lifecycleStage: 'customer',
  isVip: false,
  ownerId: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
  preferences: { optedIn: [], language: 'en', hasQuietHours: false, quietHoursTimeZone: null },
  scores: null,
  customFields: {},
  stats: {
    ordersWon: 0,
    revenueWon: 0,
    lastOrderAt: null,
    openTickets: 0,
    slaBreaches: 0,
    messages: 0,
    lastMessageAt: null,
    lastActivityAt: null,
    nthLastOrderAt: {},
  },
  surveys: [],
  indexedAt: '2026-01-03T00:00:00.000Z',
  ...over,
});

const tenantA = randomUUID();
const tenantB = randomUUID();
const zoe = doc(tenantA, {
  firstName: 'Zoé',
  lastName: 'Lefèvre',
  emails: ['zoe.lefevre@example.fr'],
  phones: ['+33 6 12 34 56 78'],
  phoneDigits: ['33612345678'],
  tags: ['vip-lounge'],
  language: 'fr',
  isVip: true,
  preferences: {
    optedIn: ['whatsapp'],
    language: 'fr',
    hasQuietHours: true,
    quietHoursTimeZone: 'Europe/Paris',
  },
});
const omar = doc(tenantA, {
  firstName: 'Omar',
  lastName: 'Haddad',
  emails: ['omar@example.com'],
  language: 'ar',
});
// Same name, other tenant: must never show up in tenant A's results.
const zoeB = doc(tenantB, { firstName: 'Zoé', lastName: 'Lefèvre', emails: ['zoe.lefevre@example.fr'] });

beforeAll(async () => {
  index = await ensureCustomerIndex(client, prefix);
  await writeCustomerDocuments(
    client,
    index,
    { version: 10, documents: [zoe, omar], missingIds: [] },
    { refresh: true },
  );
  await writeCustomerDocuments(
    client,
    index,
    { version: 10, documents: [zoeB], missingIds: [] },
    { refresh: true },
  );
});

afterAll(async () => {
  await client.indices.delete({ index }).catch(() => undefined);
  await client.close();
});

const ids = (r: { items: CustomerDocument[] }) => r.items.map((i) => i.customerId).sort();

describe('customer search', () => {
  it('creating the index twice is harmless', async () => {
    await expect(ensureCustomerIndex(client, prefix)).resolves.toBe(index);
  });

  it('finds by a name prefix, accents folded, only in the tenant asking', async () => {
    const r = await searchCustomers(client, index, tenantA, { q: 'zoe lef' });
    expect(ids(r)).toEqual([zoe.customerId]);
    expect(r.total).toBe(1);
  });

  it('finds by a whole email, by a part of it, and by phone digits', async () => {
    expect(ids(await searchCustomers(client, index, tenantA, { q: 'zoe.lefevre@example.fr' }))).toEqual([
      zoe.customerId,
    ]);
    expect(ids(await searchCustomers(client, index, tenantA, { q: 'omar' }))).toEqual([omar.customerId]);
    expect(ids(await searchCustomers(client, index, tenantA, { q: '06 12 34 56' }))).toEqual([]);
    expect(ids(await searchCustomers(client, index, tenantA, { q: '12345678' }))).toEqual([zoe.customerId]);
  });

  it('filters by tag, language, VIP and channel opt-in', async () => {
    expect(ids(await searchCustomers(client, index, tenantA, { tag: ['vip-lounge'] }))).toEqual([
      zoe.customerId,
    ]);
    expect(ids(await searchCustomers(client, index, tenantA, { language: 'ar' }))).toEqual([omar.customerId]);
    expect(ids(await searchCustomers(client, index, tenantA, { isVip: false }))).toEqual([omar.customerId]);
    expect(ids(await searchCustomers(client, index, tenantA, { optedIn: 'whatsapp' }))).toEqual([
      zoe.customerId,
    ]);
    expect((await searchCustomers(client, index, tenantA, {})).total).toBe(2);
  });

  it('sorts by name and pages', async () => {
    const page1 = await searchCustomers(client, index, tenantA, { sort: 'name', pageSize: 1, page: 1 });
    const page2 = await searchCustomers(client, index, tenantA, { sort: 'name', pageSize: 1, page: 2 });
    expect(page1.items[0]?.lastName).toBe('Haddad');
    expect(page2.items[0]?.lastName).toBe('Lefèvre');
    expect(page1.total).toBe(2);
  });

  it('refuses a page beyond the first 10,000 results', async () => {
    await expect(searchCustomers(client, index, tenantA, { page: 101, pageSize: 100 })).rejects.toThrow(
      /10,000/,
    );
  });

  it('keeps the newer document when an older read arrives late, and counts it stale', async () => {
    const newer = { ...omar, lastName: 'Haddad-Newer' };
    await writeCustomerDocuments(
      client,
      index,
      { version: 20, documents: [newer], missingIds: [] },
      { refresh: true },
    );
    const late = await writeCustomerDocuments(
      client,
      index,
      { version: 15, documents: [{ ...omar, lastName: 'Stale' }], missingIds: [] },
      { refresh: true },
    );
    expect(late).toEqual({ indexed: 0, deleted: 0, stale: 1 });
    const r = await searchCustomers(client, index, tenantA, { q: 'omar' });
    expect(r.items[0]?.lastName).toBe('Haddad-Newer');
  });

  it('deletes customers that are gone, and removes what a reindex run did not touch', async () => {
    const gone = doc(tenantA, { firstName: 'Gone', lastName: 'Soon', indexedAt: '2025-01-01T00:00:00.000Z' });
    const old = doc(tenantA, { firstName: 'Old', lastName: 'Stale', indexedAt: '2025-01-01T00:00:00.000Z' });
    await writeCustomerDocuments(
      client,
      index,
      { version: 30, documents: [gone, old], missingIds: [] },
      { refresh: true },
    );
    const del = await writeCustomerDocuments(
      client,
      index,
      { version: 31, documents: [], missingIds: [gone.customerId] },
      { refresh: true },
    );
    expect(del.deleted).toBe(1);
    const removed = await deleteTenantDocumentsIndexedBefore(
      client,
      index,
      tenantA,
      '2026-01-01T00:00:00.000Z',
    );
    expect(removed).toBe(1);
    expect(ids(await searchCustomers(client, index, tenantA, {}))).toEqual(
      [zoe.customerId, omar.customerId].sort(),
    );
    // Tenant B's old documents are not tenant A's clean-up to make.
    expect((await searchCustomers(client, index, tenantB, {})).total).toBe(1);
  });
});
