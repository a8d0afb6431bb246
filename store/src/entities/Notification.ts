import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantFilters } from '../tenancy/tenantFilter';
import { tenantOwnedProperties } from './tenantOwnedProperties';
import { User } from './User';
import { NOTIFICATION_CATEGORIES, type NotificationCategory } from './vocabulary';

/** An entry in a user's notification center; unread while `readAt` is null. */
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
  },
  indexes: [{ properties: ['user', 'createdAt'] }],
});
export type Notification = InferEntity<typeof Notification>;
