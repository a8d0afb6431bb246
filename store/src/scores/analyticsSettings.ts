import type { EntityManager } from '@mikro-orm/postgresql';
import { analyticsSettingsSchema, type AnalyticsSettings } from '@c360/domain';

/** The key of `Tenant.settings` that holds the score calculators' settings. */
export const ANALYTICS_SETTINGS_KEY = 'analytics';

/**
 * A tenant's analytics settings (health weights and bands, the health event threshold, the VIP
 * rule, churn bands...) with every missing field defaulted. Settings are validated when saved;
 * a stored value that no longer parses (an older shape) falls back to the defaults rather than
 * stopping every recompute of the tenant.
 */
export const loadAnalyticsSettings = async (
  em: EntityManager,
  tenantId: string,
): Promise<AnalyticsSettings> => {
  const [row] = await em.execute<{ analytics: unknown }[]>(
    `select settings -> '${ANALYTICS_SETTINGS_KEY}' as analytics from tenant where id = ?`,
    [tenantId],
  );
  const parsed = analyticsSettingsSchema.safeParse(row?.analytics ?? {});
  return parsed.success ? parsed.data : analyticsSettingsSchema.parse({});
};

/** Validates (throws the zod error) and stores a tenant's analytics settings; returns them defaulted. */
export const saveAnalyticsSettings = async (
  em: EntityManager,
  tenantId: string,
  input: unknown,
): Promise<AnalyticsSettings> => {
  const settings = analyticsSettingsSchema.parse(input);
  await em.execute(
    `update tenant set settings = jsonb_set(settings, '{${ANALYTICS_SETTINGS_KEY}}', ?::jsonb), updated_at = now() where id = ?`,
    [JSON.stringify(settings), tenantId],
  );
  return settings;
};

/** Canonical JSON of the settings (keys sorted), to tell whether a cached model is still theirs. */
export const settingsFingerprint = (settings: AnalyticsSettings): string =>
  JSON.stringify(settings, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : value,
  );
