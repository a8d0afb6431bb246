import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChannelAccountSettings } from '../entities/ChannelAccount';
import type { ConversationChannel } from '../entities/vocabulary';

export type ResolvedChannelAccount = {
  id: string;
  tenantId: string;
  channel: ConversationChannel;
  externalAccountId: string;
  settings: ChannelAccountSettings;
};

type Row = { id: string; tenant_id: string; external_account_id: string; settings: ChannelAccountSettings };

/**
 * The tenant that owns a provider account, found by the id a webhook carries (phone number id,
 * Instagram account id, mailbox). The one deliberate cross-tenant read of this module: a webhook
 * has no tenant until this answers, and the id is unique across tenants. Disabled accounts do
 * not resolve. Raw SQL, since the tenant filter (rightly) refuses a query without a tenant.
 */
export const resolveChannelAccounts = async (
  em: EntityManager,
  channel: ConversationChannel,
  externalAccountIds: string[],
): Promise<ResolvedChannelAccount[]> => {
  if (externalAccountIds.length === 0) return [];
  const rows = await em
    .getConnection()
    .execute<
      Row[]
    >('select id, tenant_id, external_account_id, settings from channel_account where channel = ? and external_account_id in (?) and enabled', [channel, externalAccountIds]);
  return rows.map((r) => ({
    id: r.id,
    tenantId: r.tenant_id,
    channel,
    externalAccountId: r.external_account_id,
    settings: r.settings ?? {},
  }));
};

export const resolveChannelAccount = async (
  em: EntityManager,
  channel: ConversationChannel,
  externalAccountId: string,
): Promise<ResolvedChannelAccount | null> =>
  (await resolveChannelAccounts(em, channel, [externalAccountId]))[0] ?? null;
