import { untypedMessages } from '@c360/mfe-kit';
import { defineMessages, type MessageDescriptor } from 'react-intl';
import type { KpiKey } from '../api/analyticsTypes';

const labels = untypedMessages(
  defineMessages({
    customers: { id: 'analytics.kpi.customers', defaultMessage: 'Customers' },
    newCustomers: { id: 'analytics.kpi.newCustomers', defaultMessage: 'New customers' },
    activeCustomers: { id: 'analytics.kpi.activeCustomers', defaultMessage: 'Active customers' },
    orders: { id: 'analytics.kpi.orders', defaultMessage: 'Orders' },
    revenue: { id: 'analytics.kpi.revenue', defaultMessage: 'Revenue' },
    averageOrderValue: { id: 'analytics.kpi.averageOrderValue', defaultMessage: 'Average order value' },
    csat: { id: 'analytics.kpi.csat', defaultMessage: 'CSAT' },
    csatAnswers: { id: 'analytics.kpi.csatAnswers', defaultMessage: 'CSAT answers' },
    nps: { id: 'analytics.kpi.nps', defaultMessage: 'NPS' },
    npsAnswers: { id: 'analytics.kpi.npsAnswers', defaultMessage: 'NPS answers' },
    engagement: { id: 'analytics.kpi.engagement', defaultMessage: 'Engagement' },
    engagedCustomers: { id: 'analytics.kpi.engagedCustomers', defaultMessage: 'Engaged customers' },
    ticketsOpened: { id: 'analytics.kpi.ticketsOpened', defaultMessage: 'Tickets opened' },
    slaBreachRate: { id: 'analytics.kpi.slaBreachRate', defaultMessage: 'SLA breach rate' },
    medianFirstResponseMinutes: {
      id: 'analytics.kpi.medianFirstResponse',
      defaultMessage: 'Median first response',
    },
    medianResolutionMinutes: { id: 'analytics.kpi.medianResolution', defaultMessage: 'Median resolution' },
  }),
);

export const kpiLabel = (key: KpiKey): MessageDescriptor => labels[key];
