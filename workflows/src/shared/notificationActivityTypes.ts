import type { Role } from '@c360/domain';

/**
 * The contract of the `notify` activity (activities/src/notifications): workflows call it through
 * `proxyActivities<NotificationActivities>`.
 */
export type NotificationCategory = 'customer' | 'vip' | 'sla' | 'survey' | 'export' | 'system';

export type NotifyAudience = {
  /** These users (of the tenant; unknown or inactive ones are skipped). */
  userIds?: string[];
  /** Every active user of the tenant holding at least one of these roles. */
  roles?: Role[];
  /** The customer's owner, when the customer has one. */
  ownerOfCustomerId?: string;
};

export type NotifyInput = {
  tenantId: string;
  category: NotificationCategory;
  audience: NotifyAudience;
  title: string;
  body?: string;
  /** A path in the dashboard (e.g. `/customers/<id>`), shown as the item's link. */
  link?: string;
  /** Built from the business event; a second call with the same key notifies nobody twice. */
  dedupeKey: string;
};

/** `notified`: users who have the item now (new or from an earlier call with the same key), digests included. */
export type NotifyResult = { notified: number };

export type SendDueDigestsResult = { digests: number; emails: number };

export type NotificationActivities = {
  notify(input: NotifyInput): Promise<NotifyResult>;
  /** Emails the digests whose window has ended to users whose preference is email (at most one per window). */
  sendDueNotificationDigests(input: { now?: string }): Promise<SendDueDigestsResult>;
};
