import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { assertTenantId } from '@c360/store';
import type { RecordTimelineEventInput, TimelineActivities } from '@c360/workflows';

/**
 * Timeline events written for workflows. The insert skips a row whose (tenant, dedupe key) is
 * there already, so a retried activity writes one row; a customer of another tenant (or an
 * erased one) writes nothing.
 */
export const createTimelineActivities = (deps: { orm: MikroORM }): TimelineActivities => ({
  async recordTimelineEvent(input: RecordTimelineEventInput) {
    assertTenantId(input.tenantId, 'recordTimelineEvent');
    const rows = await deps.orm.em.fork().execute<{ id: string }[]>(
      `insert into timeline_event (id, tenant_id, created_at, customer_id, kind, title, data, occurred_at, dedupe_key)
       select ?, c.tenant_id, now(), c.id, ?, ?, ?::jsonb, ?, ? from customer c where c.tenant_id = ? and c.id = ?
       on conflict (tenant_id, dedupe_key) do nothing returning id`,
      [
        randomUUID(),
        input.kind,
        input.title.slice(0, 300),
        JSON.stringify(input.data ?? {}),
        new Date(input.occurredAt),
        input.dedupeKey,
        input.tenantId,
        input.customerId,
      ],
    );
    return { recorded: rows.length > 0 };
  },
});
