/**
 * What counts as a customer re-engaging during the churn win-back playbook's waits:
 * - an inbound message on any channel (WhatsApp, Instagram, email), and
 * - a new deal (an order), whatever its status.
 * Outbound messages (our own win-back included), tickets, calls, survey answers and profile
 * edits do not count: they are not the customer coming back to buy or talk.
 *
 * The `customer.changed` reasons below only hint that one of these may have happened (a message
 * reason does not say inbound or outbound); the playbook confirms against the database.
 */
export const ENGAGEMENT_REASONS = ['message.created', 'deal.created'] as const;

export const mayBeEngagement = (reasons: readonly string[]): boolean =>
  reasons.some((r) => (ENGAGEMENT_REASONS as readonly string[]).includes(r));

export type CustomerEngagementKind = 'inbound_message' | 'order';
export type CustomerEngagement = { kind: CustomerEngagementKind; at: string };
