import type { EntityManager } from '@mikro-orm/postgresql';
import { playbookSettingsSchema, type PlaybookSettings } from '@c360/domain';

/** The key of `Tenant.settings` that holds the default playbooks' flags and parameters. */
export const PLAYBOOK_SETTINGS_KEY = 'playbooks';

/**
 * A tenant's playbook settings with every missing field defaulted. Settings are validated when
 * saved; a stored value that no longer parses (an older shape) falls back to the defaults rather
 * than stopping every playbook of the tenant.
 */
export const loadPlaybookSettings = async (
  em: EntityManager,
  tenantId: string,
): Promise<PlaybookSettings> => {
  const [row] = await em.execute<{ playbooks: unknown }[]>(
    `select settings -> '${PLAYBOOK_SETTINGS_KEY}' as playbooks from tenant where id = ?`,
    [tenantId],
  );
  const parsed = playbookSettingsSchema.safeParse(row?.playbooks ?? {});
  return parsed.success ? parsed.data : playbookSettingsSchema.parse({});
};

/** Validates (throws the zod error) and stores a tenant's playbook settings; returns them defaulted. */
export const savePlaybookSettings = async (
  em: EntityManager,
  tenantId: string,
  input: unknown,
): Promise<PlaybookSettings> => {
  const settings = playbookSettingsSchema.parse(input);
  await em.execute(
    `update tenant set settings = jsonb_set(settings, '{${PLAYBOOK_SETTINGS_KEY}}', ?::jsonb), updated_at = now() where id = ?`,
    [JSON.stringify(settings), tenantId],
  );
  return settings;
};

/**
 * Removes a segment's segment-entered attachments (entry message or playbook): called when the
 * segment is deleted, in its transaction, since they could never fire again. The tenant row is
 * locked first, so a settings change at the same moment is not lost. Returns how many went.
 */
export const detachSegmentFromPlaybooks = async (
  em: EntityManager,
  tenantId: string,
  segmentId: string,
): Promise<number> => {
  await em.execute('select id from tenant where id = ? for update', [tenantId]);
  const settings = await loadPlaybookSettings(em, tenantId);
  const attachments = settings.segmentEntered.params.attachments;
  const kept = attachments.filter((a) => a.segmentId !== segmentId);
  if (kept.length === attachments.length) return 0;
  await savePlaybookSettings(em, tenantId, {
    ...settings,
    segmentEntered: {
      ...settings.segmentEntered,
      params: { ...settings.segmentEntered.params, attachments: kept },
    },
  });
  return attachments.length - kept.length;
};
