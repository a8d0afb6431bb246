import type { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_NOTIFICATION_DELIVERY, type NotificationDeliveryName } from '@c360/domain';
import { NotificationPreference, type NotificationCategory } from '@c360/store';

/** Each user's delivery for one category: their preference, else the category's default. */
export const loadDeliveries = async (
  em: EntityManager,
  userIds: string[],
  category: NotificationCategory,
): Promise<Map<string, NotificationDeliveryName>> => {
  const chosen = userIds.length
    ? await em.find(NotificationPreference, { user: { $in: userIds }, category })
    : [];
  const byUser = new Map(chosen.map((p) => [p.user.id, p.delivery as NotificationDeliveryName]));
  return new Map(userIds.map((id) => [id, byUser.get(id) ?? DEFAULT_NOTIFICATION_DELIVERY[category]]));
};
