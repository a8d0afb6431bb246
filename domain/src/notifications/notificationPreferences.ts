/** The categories a notification belongs to; the store's CHECK constraint holds the same list. */
export const NOTIFICATION_CATEGORY_NAMES = ['customer', 'vip', 'sla', 'survey', 'export', 'system'] as const;
export type NotificationCategoryName = (typeof NOTIFICATION_CATEGORY_NAMES)[number];

/**
 * How a user wants a category delivered: `in_app` (the list only), `toast` (the list and a toast
 * in an open browser), `email` (the list and an email), `none` (nothing at all).
 */
export const NOTIFICATION_DELIVERY_NAMES = ['in_app', 'toast', 'email', 'none'] as const;
export type NotificationDeliveryName = (typeof NOTIFICATION_DELIVERY_NAMES)[number];

/**
 * A category's delivery for a user who never chose one. Things that need someone now (an SLA at
 * risk, a VIP) toast; a finished export toasts, since the user is waiting for it; the rest stay
 * in the list.
 */
export const DEFAULT_NOTIFICATION_DELIVERY: Readonly<
  Record<NotificationCategoryName, NotificationDeliveryName>
> = {
  customer: 'in_app',
  vip: 'toast',
  sla: 'toast',
  survey: 'in_app',
  export: 'toast',
  system: 'in_app',
};

export type NotificationPreferenceView = {
  category: NotificationCategoryName;
  delivery: NotificationDeliveryName;
  /** True when the user has not chosen and the category's default applies. */
  isDefault: boolean;
};

/** Every category with its delivery: the user's choice where there is one, else the default. */
export const resolveNotificationPreferences = (
  chosen: Partial<Record<NotificationCategoryName, NotificationDeliveryName>>,
): NotificationPreferenceView[] =>
  NOTIFICATION_CATEGORY_NAMES.map((category) => {
    const own = chosen[category];
    return own
      ? { category, delivery: own, isDefault: false }
      : { category, delivery: DEFAULT_NOTIFICATION_DELIVERY[category], isDefault: true };
  });
