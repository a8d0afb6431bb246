import type { EntityManager } from '@mikro-orm/postgresql';
import {
  buildCustomerDocuments,
  ensureCustomerIndex,
  writeCustomerDocuments,
  type SearchClient,
} from '@c360/store';

/**
 * Rewrites the search documents of the given customers from PostgreSQL (removing those no longer
 * there), right away. The outbox events written with the change do the same through the relay;
 * this makes the purge's effect visible without waiting for it. Versions keep the two in order.
 */
export const reindexCustomers = async (
  em: EntityManager,
  deps: { search: SearchClient; indexPrefix: string },
  tenantId: string,
  customerIds: string[],
  now: Date,
): Promise<void> => {
  if (customerIds.length === 0) return;
  const index = await ensureCustomerIndex(deps.search, deps.indexPrefix);
  const batch = await buildCustomerDocuments(em, tenantId, customerIds, now);
  await writeCustomerDocuments(deps.search, index, batch, { refresh: true });
};
