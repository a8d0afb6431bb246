import type { Readable } from 'node:stream';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assetAcceptedOn, type AssetChannel, type AssetKind, type AssetLimits } from '@c360/domain';
import { Asset, assetLinkUrl, type AssetStore, type MessageAttachment } from '@c360/store';
import { ChannelError } from './channelError';

/** What the adapters need to send reply assets (the composition root builds it from its config). */
export type ChannelAssets = {
  store: AssetStore;
  /** The public base URL of the API (the providers fetch the signed links there). */
  publicBaseUrl: string;
  /** HMAC key of the signed asset links (the API verifies them with the same key). */
  linkSecret: string;
  /** How long a link handed to a provider stays valid. */
  linkTtlMs: number;
  limits: AssetLimits;
};

export type AssetForSend = { asset: Asset; kind: AssetKind };

const assetsOf = (assets: ChannelAssets | undefined): ChannelAssets => {
  if (!assets) throw new ChannelError('invalid', 'reply assets are not configured on this deployment');
  return assets;
};

/**
 * The tenant's asset, checked again at the moment of sending (it may have been removed, or the
 * send was scheduled before): a missing asset or one the channel cannot carry is refused for good.
 */
export const loadAssetForSend = async (
  assets: ChannelAssets | undefined,
  em: EntityManager,
  assetId: string,
  channel: AssetChannel,
): Promise<AssetForSend> => {
  const { limits } = assetsOf(assets);
  const asset = await em.findOne(Asset, { id: assetId });
  if (!asset) throw new ChannelError('invalid', `no asset ${assetId} in this tenant`);
  const accepted = assetAcceptedOn(channel, asset, limits);
  if (!accepted.ok) throw new ChannelError('invalid', `asset ${asset.fileName} ${accepted.reason}`);
  return { asset, kind: accepted.kind };
};

/** A signed, expiring link to the asset that the provider fetches. */
export const assetLinkFor = (assets: ChannelAssets | undefined, asset: Asset, now: Date): string => {
  const a = assetsOf(assets);
  return assetLinkUrl(a.publicBaseUrl, a.linkSecret, {
    tenantId: asset.tenant,
    assetId: asset.id,
    expiresAt: new Date(now.getTime() + a.linkTtlMs),
  });
};

const readAll = async (stream: Readable): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
};

/** The asset's bytes (an e-mail attachment); bytes gone from the store are refused for good. */
export const assetBytes = async (assets: ChannelAssets | undefined, asset: Asset): Promise<Buffer> => {
  const stream = await assetsOf(assets).store.open(asset.storageKey);
  if (!stream) throw new ChannelError('invalid', `the bytes of asset ${asset.id} are missing from the store`);
  return readAll(stream);
};

/** How the thread records a sent asset (the link is signed when the thread is read, never stored). */
export const attachmentOf = (asset: Asset): MessageAttachment => ({
  assetId: asset.id,
  fileName: asset.fileName,
  contentType: asset.contentType,
  size: asset.sizeBytes,
});
