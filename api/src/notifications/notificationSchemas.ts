import { z } from 'zod';
import { NOTIFICATION_CATEGORY_NAMES, NOTIFICATION_DELIVERY_NAMES } from '@c360/domain';
import { NOTIFICATION_ITEM_DELIVERIES } from '@c360/store';

const categories = z
  .string()
  .transform((s) => s.split(',').map((v) => v.trim()))
  .pipe(z.array(z.enum(NOTIFICATION_CATEGORY_NAMES)).min(1))
  .optional()
  .meta({ description: `categories, comma-separated: ${NOTIFICATION_CATEGORY_NAMES.join(', ')}` });

export const notificationListQuerySchema = z.object({
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .meta({ description: '`true`: unread items only; `false`: read items only' }),
  category: categories,
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, 'must be the previous page’s nextCursor')
    .optional()
    .meta({ description: "the previous page's `nextCursor`" }),
});

export const notificationItemSchema = z
  .object({
    id: z.uuid(),
    seq: z.number().int().meta({
      description: 'orders the items (newest first in lists); the live stream uses it as the event id',
    }),
    category: z.enum(NOTIFICATION_CATEGORY_NAMES),
    title: z.string(),
    body: z.string().nullable(),
    link: z.string().nullable().meta({ description: 'a path in the dashboard' }),
    delivery: z.enum(NOTIFICATION_ITEM_DELIVERIES).meta({
      description: 'how it reached the user: `in_app` (the list only), `toast`, or `email` (also mailed)',
    }),
    read: z.boolean(),
    readAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    digestCount: z.number().int().nullable().meta({
      description: 'on a digest (a burst folded into one item): how many items it holds; null otherwise',
    }),
  })
  .meta({ id: 'Notification' });
export type NotificationItemDto = z.infer<typeof notificationItemSchema>;

export const notificationListSchema = z.object({
  data: z.array(notificationItemSchema),
  nextCursor: z.string().nullable(),
});

export const unreadCountSchema = z
  .object({
    unread: z.number().int(),
    byCategory: z.record(z.enum(NOTIFICATION_CATEGORY_NAMES), z.number().int()),
  })
  .meta({ id: 'NotificationUnreadCount' });
export type UnreadCountDto = z.infer<typeof unreadCountSchema>;

export const readAllBodySchema = z.object({
  category: z.enum(NOTIFICATION_CATEGORY_NAMES).optional().meta({ description: 'only this category' }),
  upToSeq: z.number().int().min(0).optional().meta({
    description:
      'only items up to this seq (what the user saw), so an item that arrives meanwhile stays unread',
  }),
});

export const readAllResultSchema = z.object({ updated: z.number().int(), unread: unreadCountSchema });

export const notificationPreferencesSchema = z
  .object({
    preferences: z.array(
      z.object({
        category: z.enum(NOTIFICATION_CATEGORY_NAMES),
        delivery: z.enum(NOTIFICATION_DELIVERY_NAMES),
        isDefault: z
          .boolean()
          .meta({ description: "true when the user has not chosen: the category's default" }),
      }),
    ),
  })
  .meta({ id: 'NotificationPreferences' });

export const notificationPreferencesChangeSchema = z
  .object({
    preferences: z
      .partialRecord(z.enum(NOTIFICATION_CATEGORY_NAMES), z.enum([...NOTIFICATION_DELIVERY_NAMES, 'default']))
      .refine((p) => Object.keys(p).length > 0, 'name at least one category')
      .meta({
        description:
          'category → `in_app`, `toast`, `email`, `none`, or `default` (forget the choice); categories not named keep theirs',
      }),
  })
  .strict();

export const streamTicketSchema = z.object({
  ticket: z.string(),
  expiresAt: z.iso.datetime(),
  streamUrl: z
    .string()
    .meta({ description: 'the stream URL with this ticket, for `new EventSource(streamUrl)`' }),
});

export const streamQuerySchema = z.object({
  ticket: z.string().min(1).max(2000).meta({ description: 'from POST /api/v1/notifications/stream-tickets' }),
  lastEventId: z
    .string()
    .regex(/^\d{1,18}$/, 'must be an event id of this stream')
    .optional()
    .meta({
      description:
        'resume after this event id when a new EventSource is opened by hand (the Last-Event-ID header wins when both are sent)',
    }),
});
