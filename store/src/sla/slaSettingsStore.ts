import type { EntityManager } from '@mikro-orm/postgresql';
import { slaSettingsSchema, type SlaSettings } from '@c360/domain';
import { appendOutboxEvent } from '../outbox/appendOutboxEvent';
import { SLA_SETTINGS_CHANGED } from '../outbox/outboxEventTypes';
import { forTenant } from '../tenancy/forTenant';

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

/**
 * Validates (throws the zod error) and stores a tenant's SLA settings; returns them defaulted.
 * In the same transaction it announces `sla.settings_changed`, so the running clocks of the
 * tenant take the new policies (the dispatcher signals them).
 */
export const saveSlaSettings = async (
  em: EntityManager,
  tenantId: string,
  input: unknown,
  now: Date = new Date(),
): Promise<SlaSettings> => {
  const settings = slaSettingsSchema.parse(input);
  await em.transactional(async (tx) => {
    await tx.execute(
      `update tenant set settings = jsonb_set(settings, '{${SLA_SETTINGS_KEY}}', ?::jsonb), updated_at = now() where id = ?`,
      [JSON.stringify(settings), tenantId],
    );
    const scoped = forTenant(tx, tenantId);
    appendOutboxEvent(scoped, {
      type: SLA_SETTINGS_CHANGED,
      aggregateType: 'tenant',
      aggregateId: tenantId,
      payload: { changedAt: now.toISOString() },
    });
    await scoped.flush();
  });
  return settings;
};
