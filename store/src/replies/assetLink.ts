import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signed download link of a reply asset, for the providers that fetch media by URL (WhatsApp
 * `link`, Instagram `payload.url`) and for the inbox's attachment links:
 * `/api/v1/public/assets/<tenantId>.<assetId>.<expires>.<signature>`. The signature is an
 * HMAC-SHA256, keyed with the server's secret, over the tenant, the asset and the expiry, so a
 * link names exactly one asset of one tenant until it expires; the server still looks the asset
 * up in that tenant only.
 */
export type AssetLinkParts = {
  tenantId: string;
  assetId: string;
  expiresAtSeconds: number;
  signature: string;
};

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const PATTERN = new RegExp(`^(${UUID})\\.(${UUID})\\.(\\d{1,12})\\.([A-Za-z0-9_-]{43})$`);

export const ASSET_LINK_PATH = '/api/v1/public/assets';

const sign = (secret: string, tenantId: string, assetId: string, expiresAtSeconds: number): string =>
  createHmac('sha256', secret)
    .update(`asset-link.v1|${tenantId}|${assetId}|${expiresAtSeconds}`)
    .digest('base64url');

/** The link token of an asset, valid until `expiresAt` (rounded down to the second). */
export const signAssetLink = (
  secret: string,
  link: { tenantId: string; assetId: string; expiresAt: Date },
): string => {
  const expiresAtSeconds = Math.floor(link.expiresAt.getTime() / 1000);
  return `${link.tenantId}.${link.assetId}.${expiresAtSeconds}.${sign(secret, link.tenantId, link.assetId, expiresAtSeconds)}`;
};

/** The whole public URL of an asset's signed link. */
export const assetLinkUrl = (
  publicBaseUrl: string,
  secret: string,
  link: { tenantId: string; assetId: string; expiresAt: Date },
): string => `${publicBaseUrl.replace(/\/+$/, '')}${ASSET_LINK_PATH}/${signAssetLink(secret, link)}`;

export type OpenedAssetLink =
  | { ok: true; tenantId: string; assetId: string }
  | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

/** Checks a link token: its shape, then its signature (before anything else), then its expiry. */
export const openAssetLink = (secret: string, token: string, now: Date): OpenedAssetLink => {
  const m = PATTERN.exec(token);
  if (!m) return { ok: false, reason: 'malformed' };
  const parts: AssetLinkParts = {
    tenantId: m[1]!,
    assetId: m[2]!,
    expiresAtSeconds: Number(m[3]),
    signature: m[4]!,
  };
  const expected = Buffer.from(sign(secret, parts.tenantId, parts.assetId, parts.expiresAtSeconds));
  const given = Buffer.from(parts.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: 'forged' };
  if (now.getTime() >= parts.expiresAtSeconds * 1000) return { ok: false, reason: 'expired' };
  return { ok: true, tenantId: parts.tenantId, assetId: parts.assetId };
};
