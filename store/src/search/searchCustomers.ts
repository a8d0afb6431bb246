import type { Client } from '@opensearch-project/opensearch';
import { z } from 'zod';
import type { CustomerDocument } from './customerDocument';

export const CUSTOMER_SORTS = [
  'relevance',
  'name',
  '-name',
  'createdAt',
  '-createdAt',
  'updatedAt',
  '-updatedAt',
  '-lastActivityAt',
  '-revenueWon',
] as const;

/** The list-and-search parameters the API accepts; validated before they get here. */
export const customerSearchSchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    tag: z.array(z.string().min(1).max(100)).max(20).optional(),
    language: z.string().min(2).max(10).optional(),
    lifecycleStage: z.string().min(1).max(50).optional(),
    isVip: z.boolean().optional(),
    timeZone: z.string().min(1).max(64).optional(),
    optedIn: z.enum(['whatsapp', 'email', 'sms']).optional(),
    sort: z.enum(CUSTOMER_SORTS).default('relevance'),
    page: z.number().int().min(1).max(10_000).default(1),
    pageSize: z.number().int().min(1).max(200).default(25),
  })
  .refine((p) => p.page * p.pageSize <= 10_000, {
    message: 'page × pageSize must stay within the first 10,000 results; narrow the search instead',
    path: ['page'],
  });
export type CustomerSearch = z.input<typeof customerSearchSchema>;

export type CustomerSearchResult = {
  total: number;
  page: number;
  pageSize: number;
  items: CustomerDocument[];
};

const SORT_FIELDS: Record<(typeof CUSTOMER_SORTS)[number], Record<string, unknown>[]> = {
  relevance: [{ _score: 'desc' }, { updatedAt: 'desc' }, { customerId: 'asc' }],
  name: [{ 'lastName.keyword': 'asc' }, { 'firstName.keyword': 'asc' }, { customerId: 'asc' }],
  '-name': [{ 'lastName.keyword': 'desc' }, { 'firstName.keyword': 'desc' }, { customerId: 'asc' }],
  createdAt: [{ createdAt: 'asc' }, { customerId: 'asc' }],
  '-createdAt': [{ createdAt: 'desc' }, { customerId: 'asc' }],
  updatedAt: [{ updatedAt: 'asc' }, { customerId: 'asc' }],
  '-updatedAt': [{ updatedAt: 'desc' }, { customerId: 'asc' }],
  '-lastActivityAt': [{ 'stats.lastActivityAt': { order: 'desc', missing: '_last' } }, { customerId: 'asc' }],
  '-revenueWon': [{ 'stats.revenueWon': 'desc' }, { customerId: 'asc' }],
};

/** The OpenSearch sort of a list order; each ends on the customer id, so a page boundary is exact. */
export const customerSortFields = (sort: (typeof CUSTOMER_SORTS)[number]): Record<string, unknown>[] =>
  SORT_FIELDS[sort];

/** Builds the OpenSearch query: the tenant filter is always there, whatever the parameters. */
export const buildCustomerSearchQuery = (
  tenantId: string,
  input: CustomerSearch,
): Record<string, unknown> => {
  const p = customerSearchSchema.parse(input);
  const filter: Record<string, unknown>[] = [{ term: { tenantId } }];
  if (p.tag) for (const tag of p.tag) filter.push({ term: { tags: tag } });
  if (p.language) filter.push({ term: { language: p.language } });
  if (p.lifecycleStage) filter.push({ term: { lifecycleStage: p.lifecycleStage } });
  if (p.isVip !== undefined) filter.push({ term: { isVip: p.isVip } });
  if (p.timeZone) filter.push({ term: { timeZone: p.timeZone } });
  if (p.optedIn) filter.push({ term: { 'preferences.optedIn': p.optedIn } });

  const must: Record<string, unknown>[] = [];
  if (p.q) {
    const should: Record<string, unknown>[] = [
      {
        multi_match: {
          query: p.q,
          type: 'bool_prefix',
          fields: ['fullName', 'fullName._2gram', 'fullName._3gram'],
        },
      },
      { match: { 'emails.text': { query: p.q, operator: 'and' } } },
      { term: { emails: { value: p.q.toLowerCase(), boost: 5 } } },
      { term: { tags: { value: p.q, boost: 2 } } },
    ];
    const digits = p.q.replace(/\D/g, '');
    if (digits.length >= 4 && digits.length >= p.q.replace(/[\s+()\-.]/g, '').length) {
      should.push({ wildcard: { phoneDigits: { value: `*${digits}*` } } });
    }
    must.push({ bool: { should, minimum_should_match: 1 } });
  }
  return {
    query: { bool: { filter, must } },
    sort: SORT_FIELDS[p.sort],
    from: (p.page - 1) * p.pageSize,
    size: p.pageSize,
    track_total_hits: true,
  };
};

export const searchCustomers = async (
  client: Client,
  index: string,
  tenantId: string,
  input: CustomerSearch,
): Promise<CustomerSearchResult> => {
  const p = customerSearchSchema.parse(input);
  const response = await client.search({ index, body: buildCustomerSearchQuery(tenantId, p) as never });
  const hits = response.body.hits;
  const total = typeof hits.total === 'number' ? hits.total : Number(hits.total?.value ?? 0);
  return {
    total,
    page: p.page,
    pageSize: p.pageSize,
    items: hits.hits.map((h) => h._source as CustomerDocument),
  };
};
