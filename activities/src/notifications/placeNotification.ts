import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  digestDedupeKey,
  digestTitle,
  digestWindowAt,
  foldsIntoDigest,
  type DigestRule,
  type NotificationCategoryName,
} from '@c360/domain';
import type { NotificationItemDelivery } from '@c360/store';

export type ItemToPlace = {
  tenantId: string;
  userId: string;
  category: NotificationCategoryName;
  delivery: NotificationItemDelivery;
  title: string;
  body: string | null;
  link: string | null;
  dedupeKey: string;
};

/** Where the item ended up, and whether its own email (never a folded item's) is still to send. */
export type PlacedItem = {
  id: string;
  folded: boolean;
  emailPending: boolean;
};

type Row = {
  id: string;
  delivery: NotificationItemDelivery;
  emailed_at: Date | null;
  folded_into: string | null;
};

const pendingOf = (row: Row): PlacedItem => ({
  id: row.id,
  folded: row.folded_into !== null,
  emailPending: row.folded_into === null && row.delivery === 'email' && row.emailed_at === null,
});

/**
 * Writes one user's item, once per (user, dedupe key): a key seen before returns the earlier item.
 * The user's items are serialised by an advisory lock, so `seq` (taken on insert) grows in commit
 * order per user and the live stream's "after id N" never skips an item that commits late. Past
 * the tenant's limit for the window, the item is folded into the window's digest instead of
 * showing on its own: the digest counts it, becomes unread again, takes a new `seq` (the stream
 * sends it again), and for an email user is due by mail at the window's end.
 */
export const placeNotification = async (
  em: EntityManager,
  item: ItemToPlace,
  rule: DigestRule,
  now: Date,
): Promise<PlacedItem> =>
  em.transactional(async (tx) => {
    await tx.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`notification:${item.userId}`]);
    const [existing] = await tx.execute<Row[]>(
      `select id, delivery, emailed_at, folded_into from notification
       where tenant_id = ? and user_id = ? and dedupe_key = ?`,
      [item.tenantId, item.userId, item.dedupeKey],
    );
    if (existing) return pendingOf(existing);

    const window = digestWindowAt(now, rule);
    const [counted] = await tx.execute<{ n: string }[]>(
      `select count(*) as n from notification
       where tenant_id = ? and user_id = ? and category = ? and folded_count = 0 and created_at >= ?`,
      [item.tenantId, item.userId, item.category, window.start],
    );
    const insert = (id: string, fields: { dedupeKey: string; title: string; foldedInto: string | null }) =>
      tx.execute(
        `insert into notification (id, tenant_id, created_at, user_id, category, title, body, link, dedupe_key, delivery, folded_into)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          id,
          item.tenantId,
          now,
          item.userId,
          item.category,
          fields.title,
          item.body,
          item.link,
          fields.dedupeKey,
          item.delivery,
          fields.foldedInto,
        ],
      );

    if (!foldsIntoDigest(Number(counted?.n ?? 0), rule)) {
      const id = randomUUID();
      await insert(id, { dedupeKey: item.dedupeKey, title: item.title, foldedInto: null });
      return { id, folded: false, emailPending: item.delivery === 'email' };
    }

    const digestKey = digestDedupeKey(item.category, window);
    const [digest] = await tx.execute<{ id: string; folded_count: number }[]>(
      `select id, folded_count from notification where tenant_id = ? and user_id = ? and dedupe_key = ?`,
      [item.tenantId, item.userId, digestKey],
    );
    const digestId = digest?.id ?? randomUUID();
    const count = (digest?.folded_count ?? 0) + 1;
    if (!digest) {
      await tx.execute(
        `insert into notification (id, tenant_id, created_at, user_id, category, title, body, link, dedupe_key, delivery, folded_count, email_due_at)
         values (?, ?, ?, ?, ?, ?, ?, null, ?, ?, 1, ?)`,
        [
          digestId,
          item.tenantId,
          now,
          item.userId,
          item.category,
          digestTitle(item.category, 1),
          item.title,
          digestKey,
          item.delivery,
          item.delivery === 'email' ? window.end : null,
        ],
      );
    } else {
      await tx.execute(
        `update notification
         set folded_count = ?, title = ?, body = ?, read_at = null,
             seq = nextval(pg_get_serial_sequence('notification', 'seq'))
         where id = ? and tenant_id = ?`,
        [count, digestTitle(item.category, count), item.title, digestId, item.tenantId],
      );
    }
    await insert(randomUUID(), { dedupeKey: item.dedupeKey, title: item.title, foldedInto: digestId });
    return { id: digestId, folded: true, emailPending: false };
  });
