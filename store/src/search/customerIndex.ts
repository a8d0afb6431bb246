import type { Client } from '@opensearch-project/opensearch';
import { KEPT_ORDER_DATES } from '@c360/domain';

/**
 * The customers index: one per environment (the prefix), all tenants in it, every query
 * filtered by tenantId. `dynamic: strict` so an unexpected field fails loudly instead of
 * growing the mapping.
 */
export const customerIndexName = (prefix: string): string => `${prefix}customers`;

const nthLastOrderAtMapping = Object.fromEntries(
  Array.from({ length: KEPT_ORDER_DATES }, (_, i) => [`n${i + 1}`, { type: 'date' }]),
) as Record<string, { type: 'date' }>;

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
    // Scores: written by the scoring work, read by the segment language (doubles, so OpenSearch and
    // the in-memory evaluator compare the same numbers).
    scores: {
      properties: {
        computedAt: { type: 'date' },
        rfm: {
          properties: {
            r: { type: 'integer' },
            f: { type: 'integer' },
            m: { type: 'integer' },
            label: { type: 'keyword' },
            recencyDays: { type: 'integer' },
            frequency: { type: 'integer' },
            monetary: { type: 'double' },
          },
        },
        clv: {
          properties: {
            value: { type: 'double' },
            historical: { type: 'double' },
            predicted: { type: 'double' },
          },
        },
        health: { properties: { score: { type: 'double' }, band: { type: 'keyword' } } },
        churn: { properties: { probability: { type: 'double' }, band: { type: 'keyword' } } },
        engagement: { type: 'byte' },
        vip: { type: 'boolean' },
      },
    },
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
        // Segments: the closing dates of the latest won orders, one field per rank (n1 = latest).
        nthLastOrderAt: { properties: nthLastOrderAtMapping },
      },
    },
    // Segments: the latest survey answers, nested so one answer's kind, score and date go together.
    surveys: {
      type: 'nested',
      properties: { kind: { type: 'keyword' }, score: { type: 'integer' }, answeredAt: { type: 'date' } },
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

/**
 * An index created by an older version lacks the fields added since, and `dynamic: strict` would
 * refuse every document carrying them: adding fields is allowed in place, so it is done here.
 * A field whose type changed cannot be updated in place: that needs a rebuild, and says so.
 */
export class IncompatibleIndexError extends Error {}

const addNewFields = async (client: Client, index: string): Promise<void> => {
  try {
    await client.indices.putMapping({ index, body: customerIndexMapping as Record<string, unknown> });
  } catch (error) {
    const reason = (error as { meta?: { body?: { error?: { reason?: string } } } }).meta?.body?.error?.reason;
    throw new IncompatibleIndexError(
      `the index ${index} has a mapping the current fields cannot be added to (${reason ?? String(error)}): ` +
        'delete the index and rebuild it (./c360 reindex, which does both)',
    );
  }
};

/** Creates the index if it is missing, or adds the fields it lacks; safe to call from every process at start. */
export const ensureCustomerIndex = async (client: Client, prefix: string): Promise<string> => {
  const index = customerIndexName(prefix);
  const exists = await client.indices.exists({ index });
  if (exists.body) {
    await addNewFields(client, index);
    return index;
  }
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

/**
 * For a full rebuild of every tenant (the launcher's reindex): an index whose mapping cannot take
 * the current fields is deleted and created anew, since the rebuild refills it. Never call this
 * for one tenant: the index holds every tenant's documents. Answers whether it was recreated.
 */
export const recreateCustomerIndexIfIncompatible = async (
  client: Client,
  prefix: string,
): Promise<boolean> => {
  try {
    await ensureCustomerIndex(client, prefix);
    return false;
  } catch (error) {
    if (!(error instanceof IncompatibleIndexError)) throw error;
    await client.indices.delete({ index: customerIndexName(prefix) });
    await ensureCustomerIndex(client, prefix);
    return true;
  }
};
