import { z } from 'zod';
import { NOTIFICATION_CATEGORY_NAMES, type NotificationCategoryName } from './notificationPreferences';

const digestRuleSchema = z.object({
  /** Items of one category a user gets one by one within a window; the rest fold into a digest. */
  maxItemsPerWindow: z.number().int().min(1).max(1000),
  /** Length of the window, in minutes; windows are aligned to the epoch (UTC). */
  windowMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
});
export type DigestRule = z.infer<typeof digestRuleSchema>;

/**
 * `Tenant.settings.notifications`: when a burst of one category folds into a digest. `digest` is
 * the rule for every category; `categories` overrides it for some. `{}` is a valid setting.
 */
export const notificationSettingsSchema = z.object({
  digest: digestRuleSchema
    .partial()
    .default({})
    .transform((rule) => ({
      maxItemsPerWindow: rule.maxItemsPerWindow ?? 5,
      windowMinutes: rule.windowMinutes ?? 15,
    })),
  categories: z.partialRecord(z.enum(NOTIFICATION_CATEGORY_NAMES), digestRuleSchema.partial()).default({}),
});
export type NotificationSettings = z.output<typeof notificationSettingsSchema>;

/** The tenant's settings with defaults filled in; a stored value that no longer parses yields the defaults. */
export const readNotificationSettings = (stored: unknown): NotificationSettings => {
  const parsed = notificationSettingsSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : notificationSettingsSchema.parse({});
};

export const digestRuleFor = (
  settings: NotificationSettings,
  category: NotificationCategoryName,
): DigestRule => ({
  ...settings.digest,
  ...Object.fromEntries(
    Object.entries(settings.categories[category] ?? {}).filter(([, v]) => v !== undefined),
  ),
});

export type DigestWindow = { start: Date; end: Date };

/** The window `now` falls in: [start, end), aligned to the epoch so every process agrees on it. */
export const digestWindowAt = (now: Date, rule: DigestRule): DigestWindow => {
  const length = rule.windowMinutes * 60_000;
  const start = Math.floor(now.getTime() / length) * length;
  return { start: new Date(start), end: new Date(start + length) };
};

/** Whether the next item folds: the user already got `maxItemsPerWindow` items of it in this window. */
export const foldsIntoDigest = (itemsInWindow: number, rule: DigestRule): boolean =>
  itemsInWindow >= rule.maxItemsPerWindow;

/** The dedupe key of a user's digest for one category and window: one digest per window. */
export const digestDedupeKey = (category: NotificationCategoryName, window: DigestWindow): string =>
  `digest:${category}:${window.start.toISOString()}`;

const CATEGORY_LABELS: Record<NotificationCategoryName, string> = {
  customer: 'customer',
  vip: 'VIP',
  sla: 'SLA',
  survey: 'survey',
  export: 'export',
  system: 'system',
};

/** The digest's title for `count` folded items. */
export const digestTitle = (category: NotificationCategoryName, count: number): string =>
  `${count} more ${CATEGORY_LABELS[category]} notification${count === 1 ? '' : 's'}`;
