import type { EntityManager } from '@mikro-orm/postgresql';
import type { NotificationMail } from './notificationMailer';

/**
 * Sends an item's mail once: the item's row stays locked while the mail goes out, so a racing
 * call (another workflow with the same dedupe key) skips it, and `emailed_at` is set in the same
 * transaction. A failed send rolls back, leaving the item unmailed for the activity's retry.
 */
export const mailPendingItem = async (
  em: EntityManager,
  item: { tenantId: string; id: string },
  send: (mail: NotificationMail) => Promise<void>,
  mail: NotificationMail,
  now: () => Date,
): Promise<boolean> =>
  em.transactional(async (tx) => {
    const [row] = await tx.execute<{ id: string }[]>(
      `select id from notification where id = ? and tenant_id = ? and emailed_at is null for update skip locked`,
      [item.id, item.tenantId],
    );
    if (!row) return false;
    await send(mail);
    await tx.execute(`update notification set emailed_at = ? where id = ? and tenant_id = ?`, [
      now(),
      item.id,
      item.tenantId,
    ]);
    return true;
  });
