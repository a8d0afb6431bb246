import { pipeline } from 'node:stream/promises';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { AppError, notFound } from '@c360/domain';
import { Asset, ASSET_LINK_PATH, forTenant, openAssetLink, type AssetStore } from '@c360/store';
import { defineRoute, type ApiRoute } from '../http/defineRoute';

export type PublicAssetDeps = {
  em: EntityManager;
  now: () => Date;
  assets: AssetStore | undefined;
  /** The links' HMAC key; without it the route answers 503. */
  linkSecret: string | undefined;
};

const paramsSchema = z.object({
  token: z
    .string()
    .min(1)
    .max(300)
    .meta({ description: '`<tenantId>.<assetId>.<expires>.<signature>`, as the send or the thread gave it' }),
});

const REFUSALS = {
  malformed: 'is not an asset link',
  forged: 'has a signature that does not verify',
  expired: 'has expired',
} as const;

/**
 * The asset bytes behind a signed, expiring link, without a login: what WhatsApp and Instagram
 * fetch a media message's file from, and what the inbox's attachment links open. The signature
 * is checked before anything is read; the asset is then looked up in the link's tenant only.
 */
export const publicAssetRoutes = (deps: PublicAssetDeps): ApiRoute[] => [
  defineRoute({
    method: 'get',
    path: `${ASSET_LINK_PATH}/:token`,
    operationId: 'downloadSignedAsset',
    summary: "A reply asset's bytes, by its signed link",
    description:
      'No login: the link is the authorisation. 403 when the link is malformed, forged or expired (each said), ' +
      '404 when its asset is gone.',
    tags: ['replies'],
    access: 'public',
    params: paramsSchema,
    responses: {
      200: { description: 'The file, with its content type and length' },
      403: { description: 'The link is malformed, forged or expired (the message says which)' },
    },
    errors: [404, 503],
    handler: async ({ params, res }) => {
      if (!deps.linkSecret || !deps.assets)
        throw new AppError('unavailable', 'asset links are not configured');
      const opened = openAssetLink(deps.linkSecret, params.token, deps.now());
      if (!opened.ok) throw new AppError('forbidden', `the link ${REFUSALS[opened.reason]}`);
      const asset = await forTenant(deps.em.fork(), opened.tenantId).findOne(Asset, { id: opened.assetId });
      if (!asset) throw notFound('asset', opened.assetId);
      const stream = await deps.assets.open(asset.storageKey);
      if (!stream) throw notFound('asset content', opened.assetId);
      res.status(200);
      res.setHeader('Content-Type', asset.contentType);
      res.setHeader('Content-Length', String(asset.sizeBytes));
      res.setHeader('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(asset.fileName)}`);
      res.setHeader('Referrer-Policy', 'no-referrer');
      await pipeline(stream, res);
      return { status: 200, streamed: true };
    },
  }),
];
