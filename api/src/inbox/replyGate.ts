import { createHash } from 'node:crypto';
import {
  defaultMarketingPreferences,
  planSend,
  type MarketingPreferences,
  type SendContent,
  type SendPlan,
  type SendRequest,
} from '@c360/domain';
import type { Conversation, Customer } from '@c360/store';

export const WHATSAPP_WINDOW_MESSAGE =
  'outside the WhatsApp 24-hour customer service window (the customer last wrote more than 24 hours ago, or never): only an approved template may be sent';

export const preferencesOf = (customer: Customer): MarketingPreferences =>
  customer.customFields?.marketingPreferences ??
  defaultMarketingPreferences(customer.language as MarketingPreferences['language']);

/**
 * The send path's gate (`planSend`) for an agent's reply: service purpose (a reply needs no
 * marketing opt-in), the customer's quiet hours in their zone, the WhatsApp window at the moment
 * it would go. Immediate and scheduled replies both ask it.
 */
export const planReply = (
  conversation: Conversation,
  customer: Customer,
  contentType: SendContent['type'],
  now: Date,
  notBefore: Date | null,
): SendPlan => {
  const preferences = preferencesOf(customer);
  return planSend({
    now,
    notBefore,
    channel: conversation.channel as SendRequest['channel'],
    contentType,
    purpose: 'service',
    optedIn: true,
    quietHours: preferences.quietHours,
    timeZone: preferences.quietHours?.timeZone ?? customer.timeZone,
    lastInboundAt: conversation.lastInboundAt ?? null,
  });
};

/**
 * The id of the scheduled reply an immediate reply held by quiet hours becomes: derived from the
 * tenant and the request's idempotency key, so a retried request finds the reply it held.
 */
export const heldReplyId = (tenantId: string, idempotencyKey: string): string => {
  const hex = createHash('sha256').update(`held-reply:${tenantId}:${idempotencyKey}`).digest('hex');
  // RFC 9562 layout: version 8 (custom), variant 10.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};
