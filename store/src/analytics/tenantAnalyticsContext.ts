import type { EntityManager } from '@mikro-orm/postgresql';
import {
  analyticsSettingsSchema,
  defaultAnalyticsSettings,
  notFound,
  type AnalyticsSettings,
} from '@c360/domain';
import { Tenant } from '../entities/Tenant';

export type TenantContext = { timeZone: string; settings: AnalyticsSettings };

/**
 * The tenant's time zone and analytics settings (`settings.analytics`). Settings that do not
 * parse fall back to the defaults rather than failing every read; the settings API validates writes.
 */
export const loadTenantContext = async (em: EntityManager, tenantId: string): Promise<TenantContext> => {
  const tenant = await em.fork().findOne(Tenant, { id: tenantId });
  if (!tenant) throw notFound('tenant', tenantId);
  const parsed = analyticsSettingsSchema.safeParse(tenant.settings['analytics'] ?? {});
  return { timeZone: tenant.timeZone, settings: parsed.success ? parsed.data : defaultAnalyticsSettings() };
};
