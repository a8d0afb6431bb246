import { LockMode, type MikroORM } from '@mikro-orm/postgresql';
import { mayStartOnEntry } from '@c360/domain';
import { forTenant, PlaybookEntry } from '@c360/store';
import type { PlaybookActivities } from '@c360/workflows';

/**
 * Whether a segment entry may start the segment's playbook, decided against the last start
 * recorded for the customer and segment (the re-entry rule), and recorded in the same
 * transaction. The row is locked, so two entries racing decide one after the other; a retry of
 * the entry that claimed it finds its own run key and is told yes again.
 */
export const createSegmentEntryClaims = (orm: MikroORM): Pick<PlaybookActivities, 'claimSegmentEntry'> => ({
  async claimSegmentEntry({ tenantId, segmentId, customerId, at, runKey, reentry }) {
    const enteredAt = new Date(at);
    const insert = async () =>
      orm.em.fork().execute<{ id: string }[]>(
        `insert into playbook_entry (id, tenant_id, created_at, segment_id, customer_id, last_started_at, run_key)
         select gen_random_uuid(), ?, now(), s.id, c.id, ?, ?
         from segment s join customer c on c.id = ? and c.tenant_id = s.tenant_id
         where s.id = ? and s.tenant_id = ?
         on conflict (segment_id, customer_id) do nothing
         returning id`,
        [tenantId, enteredAt, runKey, customerId, segmentId, tenantId],
      );
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const decided = await forTenant(orm.em, tenantId).transactional(async (tx) => {
        const entry = await tx.findOne(
          PlaybookEntry,
          { segment: segmentId, customer: customerId },
          { lockMode: LockMode.PESSIMISTIC_WRITE },
        );
        if (!entry) return null;
        const last = entry.lastStartedAt.toISOString();
        if (entry.runKey === runKey) return { claimed: true, lastStartedAt: last };
        if (!mayStartOnEntry(reentry, entry.lastStartedAt, enteredAt))
          return { claimed: false, lastStartedAt: last };
        entry.lastStartedAt = enteredAt;
        entry.runKey = runKey;
        return { claimed: true, lastStartedAt: last };
      });
      if (decided) return decided;
      // No row yet: the first entry claims by inserting; a racing insert makes us decide again.
      if ((await insert()).length > 0) return { claimed: true, lastStartedAt: null };
    }
    // The segment or the customer is gone (deleted meanwhile): nothing to start.
    return { claimed: false, lastStartedAt: null };
  },
});
