import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { MarketingPreferences, QuietHours, SendRequest } from '@c360/domain';
import { ChannelAccount, Customer, forTenant, Tenant } from '@c360/store';
import {
  openAdapterSetup,
  type AdapterSetup,
  type AnyJson,
} from '../../../channels/__tests__/support/adapterSetup';
import { createSendActivities } from '../../createSendActivities';

export type SendSetup = AdapterSetup & {
  /** The channel adapters and the send path's activities, as the worker registers them. */
  allActivities: Record<string, (...args: never[]) => Promise<unknown>>;
  customer: (options: {
    optedIn?: boolean;
    quietHours?: QuietHours | null;
    timeZone?: string;
    email?: string;
  }) => Promise<{ id: string; email: string }>;
  setOptIn: (customerId: string, channel: 'email' | 'whatsapp', optedIn: boolean) => Promise<void>;
  setQuietHours: (customerId: string, quietHours: QuietHours | null) => Promise<void>;
  setCap: (frequencyCapPerDay: number) => Promise<void>;
  mailTo: (address: string) => Promise<AnyJson[]>;
  whatsappTo: (waId: string) => Promise<AnyJson[]>;
  request: (customerId: string, overrides?: Partial<SendRequest>) => SendRequest;
};

/** The sandbox, a tenant with WhatsApp, Instagram and e-mail accounts, and customers made to measure. */
export const openSendSetup = async (
  orm: MikroORM,
  options: { smtpPool?: number } = {},
): Promise<SendSetup> => {
  const s = await openAdapterSetup(
    orm,
    { attempts: 1, baseDelayMs: 10, maxDelayMs: 10, maxRetryAfterMs: 200 },
    () => new Date(),
    options,
  );
  const em = forTenant(orm.em.fork(), s.tenantId);
  em.create(ChannelAccount, { tenant: s.tenantId, channel: 'email', externalAccountId: 'care@acme.test' });
  await em.flush();

  const preferences = (optedIn: boolean, quietHours: QuietHours | null): MarketingPreferences => ({
    channels: { whatsapp: { optedIn }, email: { optedIn }, sms: { optedIn: false } },
    quietHours,
    language: 'en',
  });

  return {
    ...s,
    allActivities: { ...s.activities, ...createSendActivities({ orm }) } as SendSetup['allActivities'],
    customer: async ({ optedIn = true, quietHours = null, timeZone = 'UTC', email }) => {
      const address = email ?? `c-${randomUUID().slice(0, 8)}@example.test`;
      const scoped = forTenant(orm.em.fork(), s.tenantId);
      const c = scoped.create(Customer, {
        tenant: s.tenantId,
        firstName: 'Grace',
        lastName: 'H',
        emails: [address],
        timeZone,
        language: 'en',
        customFields: { marketingPreferences: preferences(optedIn, quietHours) },
      });
      await scoped.flush();
      return { id: c.id, email: address };
    },
    setOptIn: async (customerId, channel, optedIn) => {
      const scoped = forTenant(orm.em.fork(), s.tenantId);
      const c = await scoped.findOneOrFail(Customer, { id: customerId });
      const current = c.customFields.marketingPreferences;
      c.customFields = {
        ...c.customFields,
        marketingPreferences: { ...current, channels: { ...current.channels, [channel]: { optedIn } } },
      };
      await scoped.flush();
    },
    setQuietHours: async (customerId, quietHours) => {
      const scoped = forTenant(orm.em.fork(), s.tenantId);
      const c = await scoped.findOneOrFail(Customer, { id: customerId });
      c.customFields = {
        ...c.customFields,
        marketingPreferences: { ...c.customFields.marketingPreferences, quietHours },
      };
      await scoped.flush();
    },
    setCap: async (frequencyCapPerDay) => {
      const root = orm.em.fork();
      const tenant = await root.findOneOrFail(Tenant, { id: s.tenantId });
      tenant.settings = { ...tenant.settings, engagement: { frequencyCapPerDay } };
      await root.flush();
    },
    mailTo: async (address) => (await s.control('GET', `/mail?to=${encodeURIComponent(address)}`)).json.data,
    whatsappTo: async (waId) => (await s.control('GET', `/whatsapp/messages?to=${waId}`)).json.data,
    request: (customerId, overrides = {}) => ({
      tenantId: s.tenantId,
      customerId,
      source: { kind: 'campaign', id: randomUUID() },
      step: 'welcome',
      channel: 'email',
      content: { type: 'email', subject: 'Welcome', text: 'Hello from Acme', html: '<p>Hello from Acme</p>' },
      purpose: 'marketing',
      ...overrides,
    }),
  };
};
