import { defineSignal } from '@temporalio/workflow';

/** The low-CSAT follow-up ticket was resolved (from `ticket.resolved`). */
export const followUpResolvedSignal =
  defineSignal<[{ ticketId: string; resolvedAt: string }]>('followUpResolved');

/**
 * Something happened that may be the customer re-engaging (a `customer.changed` whose reasons
 * may be an inbound message or an order); the churn playbook confirms it with an activity.
 */
export const customerActivitySignal = defineSignal<[{ at: string; reasons: string[] }]>('customerActivity');
