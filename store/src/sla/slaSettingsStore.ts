import type { EntityManager } from '@mikro-orm/postgresql';
import { slaSettingsSchema, type SlaSettings } from '@c360/domain';

/** The key of `Tenant.settings` that holds the SLA policies. */
export const SLA_SETTINGS_KEY = 'sla';

/**
 * A tenant's SLA settings with every missing field defaulted. A stored value that no longer
 * parses falls back to the defaults rather than stopping every clock of the tenant.
 */
export const loadSlaSettings = async (em: EntityManager, tenantId: string): Promise<SlaSettings> => {
  const [row] = await em.execute<{ sla: unknown }[]>(
    `select settings -> '${SLA_SETTINGS_KEY}' as sla from tenant where id = ?`,
    [tenantId],
  );
  const parsed = slaSettingsSchema.safeParse(row?.sla ?? {});
  return parsed.success ? parsed.data : slaSettingsSchema.parse({});
};

/** Validates (throws the zod error) and stores a tenant's SLA settings; returns them defaulted. */
export const saveSlaSettings = async (
  em: EntityManager,
  tenantId: string,
  input: unknown,
): Promise<SlaSettings> => {
  const settings = slaSettingsSchema.parse(input);
  await em.execute(
    `update tenant set settings = jsonb_set(settings, '{${SLA_SETTINGS_KEY}}', ?::jsonb), updated_at = now() where id = ?`,
    [JSON.stringify(settings), tenantId],
  );
  return settings;
};
