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

/** The address on the customer record, when no channel identity is known. */
const fallbackAddress = (customer: Customer, channel: SendRequest['channel']): string | null => {
  if (channel === 'instagram') return null; // Instagram lets a business answer DMs, never open them.
  if (channel === 'email') return customer.emails?.[0] ?? null;
  const phone = customer.phones?.[0]?.replace(/\D/g, '');
  return phone ? phone : null;
};

/** The customer's WhatsApp number (digits) or e-mail address, to open a conversation with. */
export const addressOf = async (
  em: EntityManager,
  customer: Customer,
  channel: SendRequest['channel'],
): Promise<string | null> => {
  if (channel === 'instagram') return null;
  const identity = await em.findOne(
    ChannelIdentity,
    { channel, customer: customer.id },
    { orderBy: { updatedAt: 'desc' } },
  );
  return identity ? identity.externalId : fallbackAddress(customer, channel);
};

type Channel = SendRequest['channel'];

/** The context from what was loaded; one rule for the single and the set-based loader. */
const contextOf = (
  channel: Channel,
  tenant: Tenant | null,
  customer: Customer | null,
  conversation: { id: string; lastInboundAt?: Date | null } | null,
  address: string | null,
): SendContext => {
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
  return {
    ...base,
    optedIn: channel === 'instagram' ? false : preferences.channels[channel].optedIn,
    quietHours: preferences.quietHours,
    timeZone: preferences.quietHours?.timeZone ?? customer.timeZone ?? tenant?.timeZone ?? 'UTC',
    lastInboundAt: conversation?.lastInboundAt ? new Date(conversation.lastInboundAt).toISOString() : null,
    conversationId: conversation?.id ?? null,
    reachable: conversation !== null || address !== null,
  };
};

/** What the send policy reads: preferences, zone, the window, the tenant's cap. */
export const loadSendContext = async (em: EntityManager, req: SendRequest): Promise<SendContext> => {
  const customer = await em.findOne(Customer, { id: req.customerId });
  const tenant = await em.findOne(Tenant, { id: req.tenantId });
  if (!customer) return contextOf(req.channel, tenant, null, null, null);
  const conversation = await findSendConversation(em, req);
  const address = conversation ? null : await addressOf(em, customer, req.channel);
  return contextOf(req.channel, tenant, customer, conversation, address);
};

/**
 * The same contexts for many customers on one channel (a campaign's page or batch), in four
 * queries instead of four per customer. For sends that name no conversation: each customer's
 * latest on the channel, as `findSendConversation` chooses it.
 */
export const loadSendContexts = async (
  em: EntityManager,
  tenantId: string,
  channel: Channel,
  customerIds: readonly string[],
): Promise<Map<string, SendContext>> => {
  const contexts = new Map<string, SendContext>();
  if (customerIds.length === 0) return contexts;
  const ids = [...new Set(customerIds)];
  const tenant = await em.findOne(Tenant, { id: tenantId });
  const customers = new Map((await em.find(Customer, { id: { $in: ids } })).map((c) => [c.id, c]));
  const conversations = new Map(
    (
      await em.execute<{ id: string; customer_id: string; last_inbound_at: Date | null }[]>(
        `select distinct on (customer_id) id, customer_id, last_inbound_at from conversation
         where tenant_id = ? and channel = ? and customer_id in (?)
         order by customer_id, last_message_at desc nulls last, created_at desc`,
        [tenantId, channel, ids],
      )
    ).map((r) => [r.customer_id, { id: r.id, lastInboundAt: r.last_inbound_at }]),
  );
  const identities =
    channel === 'instagram'
      ? new Map<string, string>()
      : new Map(
          (
            await em.execute<{ customer_id: string; external_id: string }[]>(
              `select distinct on (customer_id) customer_id, external_id from channel_identity
               where tenant_id = ? and channel = ? and customer_id in (?)
               order by customer_id, updated_at desc`,
              [tenantId, channel, ids],
            )
          ).map((r) => [r.customer_id, r.external_id]),
        );
  for (const id of ids) {
    const customer = customers.get(id) ?? null;
    const address = customer ? (identities.get(id) ?? fallbackAddress(customer, channel)) : null;
    contexts.set(id, contextOf(channel, tenant, customer, conversations.get(id) ?? null, address));
  }
  return contexts;
};
