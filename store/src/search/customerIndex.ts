import type { Client } from '@opensearch-project/opensearch';

/**
 * The customers index: one per environment (the prefix), all tenants in it, every query
 * filtered by tenantId. `dynamic: strict` so an unexpected field fails loudly instead of
 * growing the mapping.
 */
export const customerIndexName = (prefix: string): string => `${prefix}customers`;

export const customerIndexMapping = {
  dynamic: 'strict',
  properties: {
    tenantId: { type: 'keyword' },
    customerId: { type: 'keyword' },
    firstName: { type: 'text', fields: { keyword: { type: 'keyword', normalizer: 'folded' } } },
    lastName: { type: 'text', fields: { keyword: { type: 'keyword', normalizer: 'folded' } } },
    fullName: { type: 'search_as_you_type', analyzer: 'folding' },
    emails: {
      type: 'keyword',
      normalizer: 'folded',
      fields: { text: { type: 'text', analyzer: 'email_parts' } },
    },
    phones: { type: 'keyword' },
    phoneDigits: { type: 'keyword' },
    tags: { type: 'keyword' },
    language: { type: 'keyword' },
    timeZone: { type: 'keyword' },
    lifecycleStage: { type: 'keyword' },
    isVip: { type: 'boolean' },
    ownerId: { type: 'keyword' },
    createdAt: { type: 'date' },
    updatedAt: { type: 'date' },
    preferences: {
      properties: {
        optedIn: { type: 'keyword' },
        language: { type: 'keyword' },
        hasQuietHours: { type: 'boolean' },
        quietHoursTimeZone: { type: 'keyword' },
      },
    },
    scores: { type: 'object', enabled: false },
    customFields: { type: 'flat_object' },
    stats: {
      properties: {
        ordersWon: { type: 'integer' },
        revenueWon: { type: 'double' },
        lastOrderAt: { type: 'date' },
        openTickets: { type: 'integer' },
        slaBreaches: { type: 'integer' },
        messages: { type: 'integer' },
        lastMessageAt: { type: 'date' },
        lastActivityAt: { type: 'date' },
      },
    },
    indexedAt: { type: 'date' },
  },
} as const;

export const customerIndexSettings = {
  number_of_shards: 1,
  number_of_replicas: 0,
  refresh_interval: '200ms',
  analysis: {
    normalizer: { folded: { type: 'custom', filter: ['lowercase', 'asciifolding'] } },
    analyzer: {
      folding: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'asciifolding'] },
      // "jane.doe@example.com" → jane, doe, example, com: finds a customer by a part of the address.
      email_parts: { type: 'custom', tokenizer: 'email_split', filter: ['lowercase'] },
    },
    tokenizer: { email_split: { type: 'pattern', pattern: '[@._+\\-]+' } },
  },
} as const;

/** Creates the index if it is missing; safe to call from every process at start. */
export const ensureCustomerIndex = async (client: Client, prefix: string): Promise<string> => {
  const index = customerIndexName(prefix);
  const exists = await client.indices.exists({ index });
  if (exists.body) return index;
  try {
    await client.indices.create({
      index,
      body: { settings: customerIndexSettings, mappings: customerIndexMapping } as Record<string, unknown>,
    });
  } catch (error) {
    // Two processes starting together: the loser sees resource_already_exists, which is fine.
    if (!String((error as { message?: string }).message).includes('resource_already_exists')) throw error;
  }
  return index;
};
