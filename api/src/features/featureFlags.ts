import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '@c360/domain';
import { FEATURE_FLAG_DEFAULTS, FeatureFlag, forTenant } from '@c360/store';

/** The Customer 360 widgets: /360, /insights and /journey. */
export const FEATURE_CUSTOMER_360 = 'customers.360';
/** The analytics area: every /analytics route. */
export const FEATURE_ANALYTICS = 'area.analytics';

const DEFAULTS = new Map(FEATURE_FLAG_DEFAULTS.map(([key, enabled]) => [key, enabled]));

/** The tenant's switch for `key`; a tenant without a row for it gets the platform default (off if unknown). */
export const isFeatureEnabled = async (
  em: EntityManager,
  tenantId: string,
  key: string,
): Promise<boolean> => {
  const flag = await forTenant(em, tenantId).findOne(FeatureFlag, { key });
  return flag ? flag.enabled : (DEFAULTS.get(key) ?? false);
};

/** Refuses the request with a 403 naming the flag when the tenant has switched the area off. */
export const requireFeature = async (em: EntityManager, tenantId: string, key: string): Promise<void> => {
  if (!(await isFeatureEnabled(em, tenantId, key))) {
    throw new AppError('forbidden', `feature "${key}" is disabled for this tenant`, { flag: key });
  }
};
