/** The delivery states of an outbound message, in the order a provider reports them. */
export type OutboundDeliveryStatus = 'queued' | 'sent' | 'delivered' | 'read' | 'failed';

const RANK: Record<OutboundDeliveryStatus, number> = {
  queued: 0,
  sent: 1,
  delivered: 2,
  read: 3,
  failed: 1.5,
};

/**
 * The status a message moves to when a provider reports `incoming`, or null when the report is
 * stale and must be ignored. Webhooks arrive out of order and more than once, so the status only
 * moves forward: `read` never goes back to `delivered`. `failed` wins over `queued` and `sent`
 * (the provider gave up), never over `delivered` or `read` (the customer has the message).
 */
export const advanceDeliveryStatus = (
  current: OutboundDeliveryStatus,
  incoming: OutboundDeliveryStatus,
): OutboundDeliveryStatus | null => {
  if (current === incoming) return null;
  if (current === 'failed') return null;
  if (incoming === 'failed') return RANK[current] < RANK.delivered ? 'failed' : null;
  return RANK[incoming] > RANK[current] ? incoming : null;
};
