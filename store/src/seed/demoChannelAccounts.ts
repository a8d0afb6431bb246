import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { DEMO_TENANTS } from './demoTenants';

/**
 * Gives the demo tenants already in the database the channel accounts the seeder gives new ones
 * (a database seeded before accounts existed has none, and agents could not reply in the demo).
 * Idempotent: an account that exists, in any tenant, is left alone. Returns how many were added.
 */
export const ensureDemoChannelAccounts = async (orm: MikroORM): Promise<number> => {
  const em = orm.em.fork();
  let added = 0;
  for (const tenant of DEMO_TENANTS) {
    for (const account of tenant.channelAccounts) {
      const rows = await em.execute<{ id: string }[]>(
        `insert into channel_account (id, tenant_id, created_at, updated_at, channel, external_account_id,
           display_name, settings, enabled)
         select ?, t.id, now(), now(), ?, ?, ?, ?::jsonb, true from tenant t where t.slug = ?
         on conflict (channel, external_account_id) do nothing returning id`,
        [
          randomUUID(),
          account.channel,
          account.externalAccountId,
          account.displayName,
          JSON.stringify(account.settings),
          tenant.slug,
        ],
      );
      added += rows.length;
    }
  }
  return added;
};
