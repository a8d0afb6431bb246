import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantFilters } from '../tenancy/tenantFilter';
import { tenantOwnedProperties } from './tenantOwnedProperties';
import { User } from './User';
import { NOTIFICATION_CATEGORIES, type NotificationCategory } from './vocabulary';

/** How an item reached its user: the list only, the list and a toast, the list and an email. */
export const NOTIFICATION_ITEM_DELIVERIES = ['in_app', 'toast', 'email'] as const;
export type NotificationItemDelivery = (typeof NOTIFICATION_ITEM_DELIVERIES)[number];

/**
 * An entry in a user's notification center; unread while `readAt` is null.
 *
 * `seq` orders a user's items for the live stream (the SSE event id): it comes from one sequence
 * and is taken again when a digest grows, so a client resuming after id N gets exactly what was
 * new or changed since. An item folded into a digest keeps its row (for idempotency and the
 * digest's contents) with `foldedInto` set, and is left out of the list and the counts.
 */
export const Notification = defineEntity({
  name: 'Notification',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    user: p.manyToOne(User).ref().deleteRule('cascade'),
    category: p.enum([...NOTIFICATION_CATEGORIES]).$type<NotificationCategory>(),
    title: p.string().length(300),
    body: p.text().nullable(),
    link: p.string().length(2000).nullable(),
    readAt: p.datetime().nullable(),
    seq: p.bigint('number').autoincrement(),
    /** From the business event; one item per (user, key). Null only on rows older than the key. */
    dedupeKey: p.string().length(300).nullable(),
    delivery: p
      .enum([...NOTIFICATION_ITEM_DELIVERIES])
      .$type<NotificationItemDelivery>()
      .default('in_app'),
    /** The digest this item was folded into (same user, category and window). */
    foldedInto: p.uuid().nullable(),
    /** On a digest: how many items it holds (0 on an ordinary item). */
    foldedCount: p.integer().default(0),
    /** When the email of an `email` item (or digest) was handed to the SMTP server. */
    emailedAt: p.datetime().nullable(),
    /** On a digest for an email user: its window's end, when the digest email is due. */
    emailDueAt: p.datetime().nullable(),
  },
  uniques: [{ properties: ['user', 'dedupeKey'] }],
  indexes: [
    { properties: ['user', 'createdAt'] },
    { properties: ['user', 'seq'] },
    {
      name: 'notification_digest_email_due_index',
      expression:
        'create index "notification_digest_email_due_index" on "notification" ("email_due_at") where "email_due_at" is not null and "emailed_at" is null',
    },
  ],
});
export type Notification = InferEntity<typeof Notification>;
