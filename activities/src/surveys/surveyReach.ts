import type { EntityManager } from '@mikro-orm/postgresql';
import {
  defaultMarketingPreferences,
  isServiceWindowOpen,
  marketingPreferencesSchema,
  type MarketingPreferences,
} from '@c360/domain';
import { ChannelAccount, ChannelIdentity, Conversation, Template, type Customer } from '@c360/store';

export type CustomerReach = {
  preferences: MarketingPreferences;
  whatsapp: boolean;
  email: boolean;
  /** The WhatsApp customer-service window is open now (a free-form flow message may go). */
  whatsappWindowOpen: boolean;
};

/** The customer's stored preferences, or nobody-opted-in defaults when they are missing or malformed. */
export const preferencesOf = (customer: Customer): MarketingPreferences => {
  const parsed = marketingPreferencesSchema.safeParse(customer.customFields?.marketingPreferences);
  return parsed.success ? parsed.data : defaultMarketingPreferences('en');
};

/** Where a customer can be reached for a survey, read from the tenant's data. */
export const loadCustomerReach = async (
  em: EntityManager,
  customer: Customer,
  now: Date,
): Promise<CustomerReach> => {
  const [account, identity, conversation] = await Promise.all([
    em.findOne(ChannelAccount, { channel: 'whatsapp', enabled: true }),
    em.findOne(ChannelIdentity, { customer: customer.id, channel: 'whatsapp' }),
    em.findOne(
      Conversation,
      { customer: customer.id, channel: 'whatsapp' },
      { orderBy: { lastInboundAt: 'desc nulls last' } },
    ),
  ]);
  return {
    preferences: preferencesOf(customer),
    whatsapp: account !== null && (identity !== null || customer.phones.length > 0),
    email: customer.emails.length > 0,
    whatsappWindowOpen: isServiceWindowOpen(conversation?.lastInboundAt ?? null, now),
  };
};

/** The tenant's approved WhatsApp survey template, preferring the customer's language. */
export const findSurveyTemplate = async (
  em: EntityManager,
  name: string,
  language: string,
): Promise<Template | null> => {
  const templates = await em.find(Template, { channel: 'whatsapp', approvalStatus: 'approved', name });
  const usable = templates.filter((t) => t.whatsappSpec !== null);
  return (
    usable.find((t) => t.language.startsWith(language)) ??
    usable.find((t) => t.language.startsWith('en')) ??
    null
  );
};
