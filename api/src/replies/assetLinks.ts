import { assetLinkUrl } from '@c360/store';
import type { AssetLimits } from '@c360/domain';

/** The signed asset links' settings (the same as the worker's, so either can sign and the API verifies). */
export type AssetLinks = { secret: string; publicBaseUrl: string; ttlMs: number };

/** When the deployment sets no e-mail attachment cap (tests, a bare app). */
export const DEFAULT_ASSET_LIMITS: AssetLimits = { emailMaxBytes: 10 * 1024 * 1024 };

/** A signed link to one of the tenant's assets, valid for the configured time from `now`. */
export const signedAssetUrl = (links: AssetLinks, tenantId: string, assetId: string, now: Date): string =>
  assetLinkUrl(links.publicBaseUrl, links.secret, {
    tenantId,
    assetId,
    expiresAt: new Date(now.getTime() + links.ttlMs),
  });
