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
};

/** The two demo tenants, in seeding order. */
export const DEMO_TENANTS: readonly DemoTenant[] = [
  {
    slug: 'acme',
    name: 'Acme Retail',
    timeZone: 'Europe/Paris',
    domain: 'acme.test',
    currency: 'EUR',
    industry: 'retail',
  },
  {
    slug: 'globex',
    name: 'Globex Telecom',
    timeZone: 'America/New_York',
    domain: 'globex.test',
    currency: 'USD',
    industry: 'telecom',
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
