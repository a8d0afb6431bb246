import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { ChannelAccount, Conversation, forTenant, type ConversationChannel } from '@c360/store';
import { ChannelError } from './channelError';
import type { RetrySettings, Sleep } from './withRetries';
import type { GraphClient } from './graphClient';
import type { SmtpSettings } from '../smtp/smtpTransport';
import type { ChannelAssets } from './channelAssets';

export type { SmtpSettings };

/** What the channel activities are built from (the worker's composition root supplies it). */
export type ChannelDeps = {
  orm: MikroORM;
  graph: GraphClient;
  smtp: SmtpSettings;
  retry: RetrySettings;
  sleep: Sleep;
  clock: () => Date;
  /** How long a looked-up Instagram username is trusted before it is fetched again. */
  instagramProfileTtlMs: number;
  /** Reply assets (bytes, signed links, the e-mail cap); without them a send with an asset is refused. */
  assets?: ChannelAssets;
  onRetry?: (info: {
    channel: ConversationChannel;
    attempt: number;
    delayMs: number;
    message: string;
  }) => void;
};

/** The tenant's conversation on a channel and that channel's account: refused (for good) when either is missing. */
export const loadSendContext = async (
  deps: ChannelDeps,
  tenantId: string,
  conversationId: string,
  channel: ConversationChannel,
): Promise<{ em: EntityManager; conversation: Conversation; account: ChannelAccount }> => {
  const em = forTenant(deps.orm.em, tenantId);
  const conversation = await em.findOne(Conversation, { id: conversationId }, { populate: ['customer'] });
  if (!conversation || conversation.channel !== channel)
    throw new ChannelError('invalid', `no ${channel} conversation ${conversationId} in this tenant`);
  const account = await em.findOne(
    ChannelAccount,
    { channel, enabled: true },
    { orderBy: { createdAt: 'asc' } },
  );
  if (!account) throw new ChannelError('invalid', `the tenant has no ${channel} account configured`);
  return { em, conversation, account };
};
