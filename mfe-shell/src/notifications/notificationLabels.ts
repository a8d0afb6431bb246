import { untypedMessages } from '@c360/mfe-kit';
import { defineMessages, type MessageDescriptor } from 'react-intl';
import type { NotificationCategory, NotificationDelivery } from './notificationTypes';

const categories = untypedMessages(
  defineMessages({
    customer: { id: 'shell.notifications.category.customer', defaultMessage: 'Customers' },
    vip: { id: 'shell.notifications.category.vip', defaultMessage: 'VIP' },
    sla: { id: 'shell.notifications.category.sla', defaultMessage: 'SLA' },
    survey: { id: 'shell.notifications.category.survey', defaultMessage: 'Surveys' },
    export: { id: 'shell.notifications.category.export', defaultMessage: 'Exports' },
    system: { id: 'shell.notifications.category.system', defaultMessage: 'System' },
  }),
);

const deliveries = untypedMessages(
  defineMessages({
    in_app: { id: 'shell.notifications.delivery.in_app', defaultMessage: 'In the list' },
    toast: { id: 'shell.notifications.delivery.toast', defaultMessage: 'List and pop-up' },
    email: { id: 'shell.notifications.delivery.email', defaultMessage: 'List and e-mail' },
    none: { id: 'shell.notifications.delivery.none', defaultMessage: 'Off' },
  }),
);

export const categoryLabel = (category: NotificationCategory): MessageDescriptor => categories[category];
export const deliveryLabel = (delivery: NotificationDelivery): MessageDescriptor => deliveries[delivery];
