import type { EntityManager } from '@mikro-orm/postgresql';
import {
  NOTIFICATION_CATEGORY_NAMES,
  resolveNotificationPreferences,
  notFound,
  type NotificationCategoryName,
  type NotificationDeliveryName,
} from '@c360/domain';
import { forTenant, Notification, NotificationPreference } from '@c360/store';
import type { NotificationItemDto, UnreadCountDto } from './notificationSchemas';

export const toNotificationDto = (n: Notification): NotificationItemDto => ({
  id: n.id,
  seq: n.seq,
  category: n.category,
  title: n.title,
  body: n.body ?? null,
  link: n.link ?? null,
  delivery: n.delivery,
  read: n.readAt != null,
  readAt: n.readAt ? n.readAt.toISOString() : null,
  createdAt: n.createdAt.toISOString(),
  digestCount: n.foldedCount > 0 ? n.foldedCount : null,
});

export type Caller = { tenantId: string; userId: string };

export type ListFilter = {
  unread?: boolean | undefined;
  category?: NotificationCategoryName[] | undefined;
  pageSize: number;
  cursor?: string | undefined;
};

/**
 * A user's notification center: only their own items (an item folded into a digest shows
 * through the digest). Every query is scoped to the caller's tenant and user.
 */
export const notificationRecords = (root: EntityManager, caller: Caller, now: () => Date) => {
  const em = forTenant(root.fork(), caller.tenantId);
  const own = { user: caller.userId, foldedInto: null };

  const unreadCount = async (): Promise<UnreadCountDto> => {
    const rows = await em.execute<{ category: NotificationCategoryName; n: number }[]>(
      `select category, count(*)::int as n from notification
       where tenant_id = ? and user_id = ? and folded_into is null and read_at is null group by category`,
      [caller.tenantId, caller.userId],
    );
    const byCategory = Object.fromEntries(NOTIFICATION_CATEGORY_NAMES.map((c) => [c, 0])) as Record<
      NotificationCategoryName,
      number
    >;
    for (const row of rows) byCategory[row.category] = row.n;
    return { unread: rows.reduce((sum, r) => sum + r.n, 0), byCategory };
  };

  return {
    async list(filter: ListFilter) {
      const items = await em.find(
        Notification,
        {
          ...own,
          ...(filter.unread === undefined ? {} : { readAt: filter.unread ? null : { $ne: null } }),
          ...(filter.category ? { category: { $in: filter.category } } : {}),
          ...(filter.cursor ? { seq: { $lt: Number(filter.cursor) } } : {}),
        },
        { orderBy: { seq: 'desc' }, limit: filter.pageSize + 1 },
      );
      const page = items.slice(0, filter.pageSize);
      const more = items.length > filter.pageSize;
      return { data: page.map(toNotificationDto), nextCursor: more ? String(page.at(-1)?.seq) : null };
    },

    unreadCount,

    /** Items after `seq`, oldest first, at most `limit` of the newest (the live stream's catch-up). */
    async after(seq: number, limit: number) {
      const newest = await em.find(
        Notification,
        { ...own, seq: { $gt: seq } },
        { orderBy: { seq: 'desc' }, limit: limit + 1 },
      );
      const missed = newest.length > limit;
      return { items: newest.slice(0, limit).reverse(), missed };
    },

    /** The user's newest seq (0 when they have none). */
    async headSeq(): Promise<number> {
      const [row] = await em.execute<{ seq: string | null }[]>(
        `select max(seq) as seq from notification where tenant_id = ? and user_id = ? and folded_into is null`,
        [caller.tenantId, caller.userId],
      );
      return Number(row?.seq ?? 0);
    },

    async setRead(id: string, read: boolean) {
      const item = await em.findOne(Notification, { ...own, id });
      if (!item) throw notFound('notification', id);
      item.readAt = read ? (item.readAt ?? now()) : null;
      await em.flush();
      return toNotificationDto(item);
    },

    async readAll(options: {
      category?: NotificationCategoryName | undefined;
      upToSeq?: number | undefined;
    }) {
      const updated = await em.nativeUpdate(
        Notification,
        {
          ...own,
          tenant: caller.tenantId,
          readAt: null,
          ...(options.category ? { category: options.category } : {}),
          ...(options.upToSeq !== undefined ? { seq: { $lte: options.upToSeq } } : {}),
        },
        { readAt: now() },
      );
      return { updated, unread: await unreadCount() };
    },

    async preferences() {
      const chosen = await em.find(NotificationPreference, { user: caller.userId });
      return resolveNotificationPreferences(
        Object.fromEntries(chosen.map((p) => [p.category, p.delivery as NotificationDeliveryName])),
      );
    },

    async changePreferences(
      changes: Partial<Record<NotificationCategoryName, NotificationDeliveryName | 'default'>>,
    ) {
      const existing = await em.find(NotificationPreference, { user: caller.userId });
      for (const [category, delivery] of Object.entries(changes) as [
        NotificationCategoryName,
        NotificationDeliveryName | 'default',
      ][]) {
        const row = existing.find((p) => p.category === category);
        if (delivery === 'default') {
          if (row) em.remove(row);
        } else if (row) row.delivery = delivery;
        else
          em.create(NotificationPreference, {
            tenant: caller.tenantId,
            user: caller.userId,
            category,
            delivery,
          });
      }
      await em.flush();
      return this.preferences();
    },
  };
};
