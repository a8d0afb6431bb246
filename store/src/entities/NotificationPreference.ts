import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantFilters } from '../tenancy/tenantFilter';
import { tenantOwnedProperties, updatedAtProperty } from './tenantOwnedProperties';
import { User } from './User';
import {
  NOTIFICATION_CATEGORIES,
  NOTIFICATION_DELIVERIES,
  type NotificationCategory,
  type NotificationDelivery,
} from './vocabulary';

/** How a user wants one category delivered; a missing row means the category's default. */
export const NotificationPreference = defineEntity({
  name: 'NotificationPreference',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    user: p.manyToOne(User).ref().deleteRule('cascade'),
    category: p.enum([...NOTIFICATION_CATEGORIES]).$type<NotificationCategory>(),
    delivery: p.enum([...NOTIFICATION_DELIVERIES]).$type<NotificationDelivery>(),
    updatedAt: updatedAtProperty(),
  },
  uniques: [{ properties: ['user', 'category'] }],
});
export type NotificationPreference = InferEntity<typeof NotificationPreference>;
