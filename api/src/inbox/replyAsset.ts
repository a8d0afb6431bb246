import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, assetAcceptedOn, type AssetLimits } from '@c360/domain';
import { Asset, type Conversation, forTenant } from '@c360/store';

const assetError = (message: string): AppError =>
  new AppError('validation', `body.assetId ${message}`, { fields: [{ path: 'body.assetId', message }] });

/**
 * The reply's asset, checked before anything is stored or sent: it must be the tenant's (another
 * tenant's id is as unknown as a made-up one), the conversation must be able to carry a file, and
 * the channel's provider must take its type and size.
 */
export const checkReplyAsset = async (
  root: EntityManager,
  tenantId: string,
  conversation: Conversation,
  assetId: string,
  limits: AssetLimits,
): Promise<Asset> => {
  const asset = await forTenant(root.fork(), tenantId).findOne(Asset, { id: assetId });
  if (!asset) throw assetError('is not an asset of this tenant');
  if (conversation.channel === 'instagram' && conversation.externalIds?.instagramKind === 'comment')
    throw assetError('cannot go in a reply to an Instagram comment: send it in a direct message');
  const accepted = assetAcceptedOn(conversation.channel, asset, limits);
  if (!accepted.ok) throw assetError(`(${asset.fileName}) ${accepted.reason}`);
  return asset;
};
