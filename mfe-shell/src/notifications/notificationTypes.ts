export const NOTIFICATION_CATEGORIES = ['customer', 'vip', 'sla', 'survey', 'export', 'system'] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

/** in_app: the list only; toast: the list and a toast; email: the list and an e-mail; none: nothing. */
export const NOTIFICATION_DELIVERIES = ['in_app', 'toast', 'email', 'none'] as const;
export type NotificationDelivery = (typeof NOTIFICATION_DELIVERIES)[number];

export type NotificationItem = {
  id: string;
  /** Orders the items, newest first; the live stream's event id. */
  seq: number;
  category: NotificationCategory;
  title: string;
  body: string | null;
  link: string | null;
  read: boolean;
  readAt: string | null;
  createdAt: string;
  /** On a digest (a burst folded into one item): how many it holds. */
  digestCount: number | null;
};

export type UnreadCount = { unread: number; byCategory: Partial<Record<NotificationCategory, number>> };

/** What the live stream says: a new (or grown) item, the unread count, or "reload the list". */
export type StreamEvent =
  | { kind: 'notification'; item: NotificationItem; toast: boolean }
  | { kind: 'unread'; count: UnreadCount }
  | { kind: 'resync' };

export type NotificationPreference = {
  category: NotificationCategory;
  delivery: NotificationDelivery;
  isDefault: boolean;
};
