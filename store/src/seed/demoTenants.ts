import { ROLES, type Role } from '@c360/domain';

export const DEMO_PASSWORD = 'demo1234';

export type DemoTenant = {
  slug: string;
  name: string;
  timeZone: string;
  /** Mail domain of the tenant's users: `<role>@<domain>`. */
  domain: string;
  currency: string;
  industry: 'retail' | 'telecom';
  /** Provider accounts (channel_account rows): inbound webhooks find their tenant by these ids. */
  channelAccounts: readonly DemoChannelAccount[];
};

export type DemoChannelAccount = {
  channel: 'whatsapp' | 'instagram' | 'email';
  externalAccountId: string;
  displayName: string;
  settings: Record<string, string>;
};

/**
 * The accounts a fresh sandbox knows (sandbox/README.md), given to acme so that `./c360 up`
 * routes the sandbox's WhatsApp and Instagram webhooks to a tenant; plus acme's support mailbox
 * for inbound mail sent to it.
 */
const ACME_CHANNEL_ACCOUNTS: readonly DemoChannelAccount[] = [
  {
    channel: 'whatsapp',
    externalAccountId: '100000000000001',
    displayName: 'Acme Retail WhatsApp',
    settings: { wabaId: '200000000000001', displayPhoneNumber: '15550001111' },
  },
  {
    channel: 'instagram',
    externalAccountId: '17841400000000001',
    displayName: 'Acme Retail Instagram',
    settings: { username: 'c360_demo_shop' },
  },
  {
    channel: 'email',
    externalAccountId: 'support@acme.test',
    displayName: 'Acme Retail Support',
    settings: { fromName: 'Acme Retail Support' },
  },
];

/** The two demo tenants, in seeding order. */
export const DEMO_TENANTS: readonly DemoTenant[] = [
  {
    slug: 'acme',
    name: 'Acme Retail',
    timeZone: 'Europe/Paris',
    domain: 'acme.test',
    currency: 'EUR',
    industry: 'retail',
    channelAccounts: ACME_CHANNEL_ACCOUNTS,
  },
  {
    slug: 'globex',
    name: 'Globex Telecom',
    timeZone: 'America/New_York',
    domain: 'globex.test',
    currency: 'USD',
    industry: 'telecom',
    // Email only: the sandbox knows one WhatsApp number and one Instagram account (acme's).
    channelAccounts: [
      {
        channel: 'email',
        externalAccountId: 'support@globex.test',
        displayName: 'Globex Telecom Support',
        settings: { fromName: 'Globex Telecom Support' },
      },
    ],
  },
];

export type DemoLogin = { tenant: string; tenantName: string; role: Role; email: string; password: string };

/** One login per role per tenant, for the README and the launcher to print. */
export const DEMO_LOGINS: readonly DemoLogin[] = DEMO_TENANTS.flatMap((t) =>
  ROLES.map((role) => ({
    tenant: t.slug,
    tenantName: t.name,
    role,
    email: `${role}@${t.domain}`,
    password: DEMO_PASSWORD,
  })),
);
