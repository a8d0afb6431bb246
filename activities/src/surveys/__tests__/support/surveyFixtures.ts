import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { defaultMarketingPreferences, type QuietHours, type SurveySettings } from '@c360/domain';
import {
  ChannelAccount,
  ChannelIdentity,
  Conversation,
  Customer,
  forTenant,
  Tenant,
  Ticket,
} from '@c360/store';

export type SurveyFixture = {
  tenantId: string;
  customerId: string;
  ticketId: string;
  resolvedAt: string;
  /** Where the sandbox receives what is sent to the customer. */
  email: string;
  waId: string;
};

/**
 * A tenant with survey settings, a WhatsApp account (the sandbox number given, else one nobody
 * serves) and an e-mail account, and one customer (with the given consent, a WhatsApp
 * conversation and an e-mail address) whose ticket was just resolved.
 */
export const surveyFixture = async (
  orm: MikroORM,
  options: {
    surveys?: Partial<SurveySettings>;
    whatsappOptIn?: boolean;
    emailOptIn?: boolean;
    language?: 'en' | 'fr' | 'ar';
    lastInboundAt?: Date | null;
    resolvedAt?: Date;
    autoResolved?: boolean;
    whatsappPhoneNumberId?: string;
    quietHours?: QuietHours;
  } = {},
): Promise<SurveyFixture> => {
  const root = orm.em.fork();
  const tenant = root.create(Tenant, {
    name: 'Surveys',
    slug: `surveys-${randomUUID().slice(0, 8)}`,
    timeZone: 'UTC',
    settings: { surveys: { whatsappFlowId: '800000000000001', ...options.surveys } },
  });
  await root.flush();
  const em = forTenant(orm.em.fork(), tenant.id);
  const language = options.language ?? 'en';
  const prefs = defaultMarketingPreferences(language);
  prefs.channels.whatsapp.optedIn = options.whatsappOptIn ?? false;
  prefs.channels.email.optedIn = options.emailOptIn ?? false;
  if (options.quietHours) prefs.quietHours = options.quietHours;
  const waId = `1555${Math.floor(Math.random() * 1e7)
    .toString()
    .padStart(7, '0')}`;
  const email = `ada-${randomUUID().slice(0, 6)}@example.test`;
  const customer = em.create(Customer, {
    tenant: tenant.id,
    firstName: 'Ada',
    lastName: 'Lovelace',
    emails: [email],
    phones: [`+${waId}`],
    timeZone: 'UTC',
    language,
    customFields: { marketingPreferences: prefs },
  });
  em.create(ChannelAccount, {
    tenant: tenant.id,
    channel: 'whatsapp',
    externalAccountId: options.whatsappPhoneNumberId ?? `wa-${randomUUID()}`,
  });
  em.create(ChannelAccount, {
    tenant: tenant.id,
    channel: 'email',
    externalAccountId: `care@${tenant.slug}.test`,
  });
  em.create(ChannelIdentity, { tenant: tenant.id, customer, channel: 'whatsapp', externalId: waId });
  em.create(Conversation, {
    tenant: tenant.id,
    customer,
    channel: 'whatsapp',
    externalThreadId: waId,
    status: 'closed',
    lastInboundAt: options.lastInboundAt === undefined ? new Date() : options.lastInboundAt,
  });
  const resolvedAt = options.resolvedAt ?? new Date();
  const ticket = em.create(Ticket, {
    tenant: tenant.id,
    customer,
    subject: 'Broken order',
    slaPolicy: 'standard',
    status: 'resolved',
    resolvedAt,
    autoResolved: options.autoResolved ?? false,
  });
  await em.flush();
  return {
    tenantId: tenant.id,
    customerId: customer.id,
    ticketId: ticket.id,
    resolvedAt: resolvedAt.toISOString(),
    email,
    waId,
  };
};
