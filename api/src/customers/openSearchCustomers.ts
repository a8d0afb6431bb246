import { customerIndexName, ensureCustomerIndex, searchCustomers, type SearchClient } from '@c360/store';
import type { SearchCustomers } from './searchPort';

const isMissingIndex = (error: unknown): boolean =>
  (error as { meta?: { body?: { error?: { type?: unknown } } } }).meta?.body?.error?.type ===
  'index_not_found_exception';

/**
 * The customer search port on OpenSearch. A fresh environment may have no index yet (the
 * worker creates it when it first indexes): then the index is created and the search retried,
 * which answers an empty page instead of a 500.
 */
export const openSearchCustomers = (client: SearchClient, indexPrefix: string): SearchCustomers => {
  const index = customerIndexName(indexPrefix);
  return async (tenantId, query) => {
    try {
      return await searchCustomers(client, index, tenantId, query);
    } catch (error) {
      if (!isMissingIndex(error)) throw error;
      await ensureCustomerIndex(client, indexPrefix);
      return searchCustomers(client, index, tenantId, query);
    }
  };
};
