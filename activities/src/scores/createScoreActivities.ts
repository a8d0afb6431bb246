import { Context } from '@temporalio/activity';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  buildCustomerDocuments,
  computeTenantScoreModel,
  countCustomers,
  ensureCustomerIndex,
  listCustomerIdsAfter,
  loadAnalyticsSettings,
  rescoreCustomers,
  saveTenantScoreModel,
  tenantScoringModel,
  writeCustomerDocuments,
  type SearchClient,
} from '@c360/store';
import type { ScoreActivities } from '@c360/workflows';

export type ScoreActivityDeps = {
  orm: MikroORM;
  search: SearchClient;
  indexPrefix: string;
  clock?: () => Date;
};

/** Heartbeats when running as an activity; a no-op when called directly (tests, bench). */
const heartbeat = (details: unknown): void => {
  try {
    Context.current().heartbeat(details);
  } catch {
    // Not inside an activity.
  }
};

/** Activities of the rescore workflow: the tenant-level model, then the customers a page at a time. */
export const createScoreActivities = (deps: ScoreActivityDeps): ScoreActivities => {
  const clock = deps.clock ?? (() => new Date());
  return {
    async beginTenantRescore({ tenantId }) {
      const now = clock();
      const em = deps.orm.em.fork();
      const settings = await loadAnalyticsSettings(em, tenantId);
      const computed = await computeTenantScoreModel(em, tenantId, settings, now, { onPage: heartbeat });
      await saveTenantScoreModel(em, tenantId, settings, computed, now);
      return {
        total: await countCustomers(em, tenantId),
        startedAt: now.toISOString(),
        population: computed.population,
        churnModelSource: computed.model.churnModel.source,
      };
    },

    async rescoreCustomerBatch({ tenantId, afterId, limit }) {
      const now = clock();
      const { ids, outcome } = await deps.orm.em.fork().transactional(async (tx) => {
        const page = await listCustomerIdsAfter(tx, tenantId, afterId, limit);
        if (page.length === 0) return { ids: page, outcome: null };
        const model = await tenantScoringModel(tx, tenantId, now);
        return { ids: page, outcome: await rescoreCustomers(tx, tenantId, page, now, model) };
      });
      if (!outcome) return { scored: 0, changed: 0, events: 0, indexed: 0, lastId: null };
      // The scores are committed: bring the documents of the customers whose scores changed up to date.
      let indexed = 0;
      if (outcome.changedIds.length > 0) {
        const index = await ensureCustomerIndex(deps.search, deps.indexPrefix);
        const batch = await buildCustomerDocuments(deps.orm.em.fork(), tenantId, outcome.changedIds, now);
        indexed = (await writeCustomerDocuments(deps.search, index, { ...batch, missingIds: [] })).indexed;
      }
      return {
        scored: outcome.results.length,
        changed: outcome.changedIds.length,
        events: outcome.events,
        indexed,
        lastId: ids[ids.length - 1] ?? null,
      };
    },
  };
};
