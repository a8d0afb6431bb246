import type { EntityManager } from '@mikro-orm/postgresql';
import {
  defaultMarketingPreferences,
  marketingPreferencesSchema,
  readSendEngagementSettings,
  type MarketingPreferences,
  type SendRequest,
} from '@c360/domain';
import { ChannelIdentity, Conversation, Customer, Tenant } from '@c360/store';
import type { SendContext } from '@c360/workflows';

const preferencesOf = (customer: Customer): MarketingPreferences => {
  const parsed = marketingPreferencesSchema.safeParse(customer.customFields?.marketingPreferences);
  return parsed.success
    ? parsed.data
    : defaultMarketingPreferences(customer.language as MarketingPreferences['language']);
};

/** The conversation a send goes to: the one named (same customer and channel), else the customer's latest on the channel. */
export const findSendConversation = async (
  em: EntityManager,
  req: SendRequest,
): Promise<Conversation | null> => {
  if (req.conversationId)
    return em.findOne(Conversation, {
      id: req.conversationId,
      customer: req.customerId,
      channel: req.channel,
    });
  return em.findOne(
    Conversation,
    { customer: req.customerId, channel: req.channel },
    { orderBy: { lastMessageAt: 'desc nulls last', createdAt: 'desc' } },
  );
};

/** The customer's WhatsApp number (digits) or e-mail address, to open a conversation with. */
export const addressOf = async (
  em: EntityManager,
  customer: Customer,
  channel: SendRequest['channel'],
): Promise<string | null> => {
  if (channel === 'instagram') return null; // Instagram lets a business answer DMs, never open them.
  const identity = await em.findOne(
    ChannelIdentity,
    { channel, customer: customer.id },
    { orderBy: { updatedAt: 'desc' } },
  );
  if (identity) return identity.externalId;
  if (channel === 'email') return customer.emails?.[0] ?? null;
  const phone = customer.phones?.[0]?.replace(/\D/g, '');
  return phone ? phone : null;
};

/** What the send policy reads: preferences, zone, the window, the tenant's cap. */
export const loadSendContext = async (em: EntityManager, req: SendRequest): Promise<SendContext> => {
  const customer = await em.findOne(Customer, { id: req.customerId });
  const tenant = await em.findOne(Tenant, { id: req.tenantId });
  const settings = readSendEngagementSettings(tenant?.settings);
  const base = {
    frequencyCapPerDay: settings.frequencyCapPerDay,
    maxDeferralDays: settings.maxDeferralDays,
  };
  if (!customer)
    return {
      ...base,
      optedIn: false,
      quietHours: null,
      timeZone: tenant?.timeZone ?? 'UTC',
      lastInboundAt: null,
      conversationId: null,
      reachable: false,
    };
  const preferences = preferencesOf(customer);
  const conversation = await findSendConversation(em, req);
  const reachable = conversation !== null || (await addressOf(em, customer, req.channel)) !== null;
  return {
    ...base,
    optedIn: req.channel === 'instagram' ? false : preferences.channels[req.channel].optedIn,
    quietHours: preferences.quietHours,
    timeZone: preferences.quietHours?.timeZone ?? customer.timeZone ?? tenant?.timeZone ?? 'UTC',
    lastInboundAt: conversation?.lastInboundAt?.toISOString() ?? null,
    conversationId: conversation?.id ?? null,
    reachable,
  };
};
