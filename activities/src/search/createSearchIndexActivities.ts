import type { MikroORM } from '@mikro-orm/postgresql';
import {
  buildCustomerDocuments,
  countCustomers,
  deleteTenantDocumentsIndexedBefore,
  ensureCustomerIndex,
  listCustomerIdsAfter,
  writeCustomerDocuments,
  type SearchClient,
} from '@c360/store';
import type { SearchIndexActivities } from '@c360/workflows';

export type SearchIndexDeps = {
  orm: MikroORM;
  search: SearchClient;
  indexPrefix: string;
  clock?: () => Date;
};

/** Activities that rebuild the customers index from PostgreSQL. */
export const createSearchIndexActivities = (deps: SearchIndexDeps): SearchIndexActivities => {
  const clock = deps.clock ?? (() => new Date());
  const indexReady = (): Promise<string> => ensureCustomerIndex(deps.search, deps.indexPrefix);
  return {
    async beginTenantReindex({ tenantId }) {
      await indexReady();
      const total = await countCustomers(deps.orm.em.fork(), tenantId);
      return { total, startedAt: clock().toISOString() };
    },
    async reindexCustomerBatch({ tenantId, afterId, limit }) {
      const index = await indexReady();
      const em = deps.orm.em.fork();
      const ids = await listCustomerIdsAfter(em, tenantId, afterId, limit);
      if (ids.length === 0) return { indexed: 0, stale: 0, lastId: null };
      const batch = await buildCustomerDocuments(em, tenantId, ids, clock());
      // Customers deleted between the listing and the read are not this run's business: the
      // relay handles their deletion events, and the final clean-up catches the rest.
      const written = await writeCustomerDocuments(deps.search, index, { ...batch, missingIds: [] });
      return { indexed: written.indexed, stale: written.stale, lastId: ids[ids.length - 1] ?? null };
    },
    async finishTenantReindex({ tenantId, startedAt }) {
      const index = await indexReady();
      await deps.search.indices.refresh({ index });
      const removed = await deleteTenantDocumentsIndexedBefore(deps.search, index, tenantId, startedAt);
      return { removed };
    },
  };
};
