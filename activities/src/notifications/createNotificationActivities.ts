import { ApplicationFailure } from '@temporalio/common';
import type { MikroORM } from '@mikro-orm/postgresql';
import { digestRuleFor, NOTIFICATION_CATEGORY_NAMES, readNotificationSettings } from '@c360/domain';
import { forTenant, Tenant } from '@c360/store';
import type { NotificationActivities, NotifyInput } from '@c360/workflows';
import { loadDeliveries } from './loadDeliveries';
import { mailPendingItem } from './mailPendingItem';
import type { NotificationMailer } from './notificationMailer';
import { notificationMail } from './notificationMails';
import { placeNotification } from './placeNotification';
import { resolveAudience } from './resolveAudience';
import { sendDueDigests } from './sendDueDigests';

export type NotificationActivityDeps = {
  orm: MikroORM;
  /** Without it, items for users whose preference is email fail the activity (retried) until one is set. */
  mailer?: NotificationMailer;
  clock?: () => Date;
};

const MAX_TEXT = { title: 300, link: 2000, dedupeKey: 300 } as const;

const checkInput = (input: NotifyInput): void => {
  const bad: string[] = [];
  if (!(NOTIFICATION_CATEGORY_NAMES as readonly string[]).includes(input.category))
    bad.push(`category must be one of ${NOTIFICATION_CATEGORY_NAMES.join(', ')}`);
  if (!input.title.trim()) bad.push('title is empty');
  if (input.title.length > MAX_TEXT.title) bad.push(`title is longer than ${MAX_TEXT.title}`);
  if ((input.link ?? '').length > MAX_TEXT.link) bad.push(`link is longer than ${MAX_TEXT.link}`);
  if (!input.dedupeKey.trim() || input.dedupeKey.length > MAX_TEXT.dedupeKey)
    bad.push(`dedupeKey must be 1-${MAX_TEXT.dedupeKey} characters`);
  if (bad.length > 0) throw ApplicationFailure.nonRetryable(`notify: ${bad.join('; ')}`, 'InvalidInput');
};

/**
 * The notification activities: `notify` (audience → preferences → one item per user, folded into
 * a digest past the tenant's burst limit, mailed to email users) and the digest mailer.
 */
export const createNotificationActivities = (deps: NotificationActivityDeps): NotificationActivities => {
  const clock = deps.clock ?? (() => new Date());
  const requireMailer = (): NotificationMailer => {
    if (!deps.mailer) throw ApplicationFailure.retryable('no mail transport is configured for notifications');
    return deps.mailer;
  };

  return {
    async notify(input) {
      checkInput(input);
      const now = clock();
      const em = forTenant(deps.orm.em.fork(), input.tenantId);
      const tenant = await em.findOne(Tenant, { id: input.tenantId });
      if (!tenant) throw ApplicationFailure.nonRetryable(`tenant ${input.tenantId} not found`, 'NotFound');
      const rule = digestRuleFor(readNotificationSettings(tenant.settings['notifications']), input.category);
      const members = await resolveAudience(em, input.audience);
      const deliveries = await loadDeliveries(
        em,
        members.map((m) => m.id),
        input.category,
      );

      let notified = 0;
      for (const member of members) {
        const delivery = deliveries.get(member.id) ?? 'in_app';
        if (delivery === 'none') continue;
        const placed = await placeNotification(
          em,
          {
            tenantId: input.tenantId,
            userId: member.id,
            category: input.category,
            delivery,
            title: input.title.trim(),
            body: input.body ?? null,
            link: input.link ?? null,
            dedupeKey: input.dedupeKey,
          },
          rule,
          now,
        );
        notified += 1;
        if (!placed.emailPending) continue;
        // After the item's commit: a failed send fails the activity, and its retry finds the
        // item with no `emailed_at` and sends again, with the same Message-ID.
        const mailer = requireMailer();
        await mailPendingItem(
          em,
          { tenantId: input.tenantId, id: placed.id },
          (mail) => mailer.send(mail),
          notificationMail(member, placed.id, input),
          clock,
        );
      }
      return { notified };
    },

    async sendDueNotificationDigests(input) {
      return sendDueDigests({
        orm: deps.orm,
        mailer: requireMailer(),
        now: input.now ? new Date(input.now) : clock(),
        clock,
      });
    },
  };
};
