import type { MikroORM } from '@mikro-orm/postgresql';
import { forTenant, Notification, Tenant, User } from '@c360/store';
import type { SendDueDigestsResult } from '@c360/workflows';
import { mailPendingItem } from './mailPendingItem';
import type { NotificationMail, NotificationMailer } from './notificationMailer';
import { digestMail } from './notificationMails';

/**
 * Mails every digest whose window has ended (`email_due_at <= now`) and that was not mailed yet,
 * tenant by tenant: one mail per digest, so an email user gets at most one digest mail per
 * category and window. A digest is final once due (later items open the next window's digest).
 */
export const sendDueDigests = async (deps: {
  orm: MikroORM;
  mailer: NotificationMailer;
  now: Date;
  clock: () => Date;
}): Promise<SendDueDigestsResult> => {
  const tenants = await deps.orm.em.fork().find(Tenant, {}, { fields: ['id'] });
  const result: SendDueDigestsResult = { digests: 0, emails: 0 };
  for (const tenant of tenants) {
    const em = forTenant(deps.orm.em.fork(), tenant.id);
    const due = await em.find(
      Notification,
      { emailDueAt: { $lte: deps.now }, emailedAt: null },
      { orderBy: { emailDueAt: 'asc' }, limit: 500 },
    );
    for (const digest of due) {
      result.digests += 1;
      const user = await em.findOne(
        User,
        { id: digest.user.id, isActive: true },
        { fields: ['email', 'name'] },
      );
      const items = await em.find(
        Notification,
        { foldedInto: digest.id },
        { fields: ['title', 'link', 'createdAt'], orderBy: { createdAt: 'asc', seq: 'asc' } },
      );
      const window = { id: digest.id, title: digest.title, windowEnd: digest.emailDueAt ?? deps.now };
      // An inactive user's digest is closed without a mail.
      const send = user ? (mail: NotificationMail) => deps.mailer.send(mail) : async () => undefined;
      const mailed = await mailPendingItem(
        em,
        { tenantId: tenant.id, id: digest.id },
        send,
        digestMail(user ?? { email: '', name: '' }, window, items),
        deps.clock,
      );
      if (mailed && user) result.emails += 1;
    }
  }
  return result;
};
