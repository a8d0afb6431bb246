import type { EntityManager } from '@mikro-orm/postgresql';
import type { AnalyticsSettings, TenantScoringModel } from '@c360/domain';
import { loadTenantScoringModel } from '@c360/store';

/**
 * Keeps each tenant's scoring model (RFM cut points, VIP cut-offs) for a while: it is a scan of
 * every won deal of the tenant, needed only when a customer has no stored scores yet, and it
 * moves slowly. Concurrent misses for one tenant share one load.
 */
export const createTenantModelCache = (ttlMs = 10 * 60_000) => {
  const entries = new Map<string, { at: number; model: Promise<TenantScoringModel> }>();
  return (em: EntityManager, tenantId: string, settings: AnalyticsSettings, now: Date) => {
    const hit = entries.get(tenantId);
    if (hit && Math.abs(now.getTime() - hit.at) < ttlMs) return hit.model;
    const model = loadTenantScoringModel(em, tenantId, settings, now);
    entries.set(tenantId, { at: now.getTime(), model });
    model.catch(() => entries.delete(tenantId));
    return model;
  };
};
export type TenantModelCache = ReturnType<typeof createTenantModelCache>;
