import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import multer from 'multer';
import { AppError, ASSET_CONTENT_TYPES, channelsForContentType, notFound } from '@c360/domain';
import { Asset, forTenant, User, type AssetStore } from '@c360/store';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import { idParamsSchema } from '../openapi/commonSchemas';
import { REPLY_USERS } from './replyRoles';
import { ASSET_MAX_BYTES, assetChannelsSchema, assetListSchema, assetSchema } from './assetSchemas';

export type AssetRouteDeps = { em: EntityManager; assets: AssetStore | undefined };

const toView = (a: Asset) => ({
  id: a.id,
  fileName: a.fileName,
  contentType: a.contentType,
  sizeBytes: a.sizeBytes,
  channels: channelsForContentType(a.contentType),
  uploadedBy: a.uploadedBy?.id ?? null,
  createdAt: a.createdAt.toISOString(),
});

const bad = (path: string, message: string): AppError =>
  new AppError('validation', 'the upload is refused', { fields: [{ path, message }] });

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: ASSET_MAX_BYTES, files: 1, fields: 5, parts: 6 },
}).single('file');

/** Reads the one `file` part, mapping every refusal to a 400 naming why. */
const readUpload = (req: Request, res: Response): Promise<Express.Multer.File> =>
  new Promise((resolve, reject) => {
    if (!req.is('multipart/form-data')) {
      reject(bad('body', 'must be multipart/form-data with a part named file'));
      return;
    }
    upload(req, res, (err: unknown) => {
      if (err instanceof multer.MulterError) {
        if (err.code === 'LIMIT_FILE_SIZE')
          reject(bad('body.file', `is larger than ${ASSET_MAX_BYTES / (1024 * 1024)} MB`));
        else reject(bad(`body.${err.field ?? 'file'}`, `${err.message} (send one part named file)`));
      } else if (err) reject(bad('body', 'is not readable multipart data'));
      else if (!req.file) reject(bad('body.file', 'is required'));
      else resolve(req.file);
    });
  });

const storeOf = (deps: AssetRouteDeps): AssetStore => {
  if (!deps.assets) throw new AppError('unavailable', 'no asset store is configured');
  return deps.assets;
};

/** Files and images uploaded once and quick-sent from the inbox; bytes in the AssetStore, rows per tenant. */
export const assetRoutes = (deps: AssetRouteDeps): ApiRoute[] => [
  defineRoute({
    method: 'get',
    path: '/api/v1/replies/assets/channels',
    operationId: 'listAssetChannels',
    summary: 'Which upload types are accepted and which channels carry each',
    tags: ['replies'],
    access: REPLY_USERS,
    responses: { 200: { description: 'The accepted types', schema: assetChannelsSchema } },
    handler: async () => ({
      status: 200,
      body: {
        maxBytes: ASSET_MAX_BYTES,
        types: Object.entries(ASSET_CONTENT_TYPES).map(([contentType, kind]) => ({
          contentType,
          kind,
          channels: channelsForContentType(contentType),
        })),
      },
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/replies/assets',
    operationId: 'listAssets',
    summary: 'Uploaded assets, newest first',
    tags: ['replies'],
    access: REPLY_USERS,
    responses: { 200: { description: 'The assets', schema: assetListSchema } },
    handler: async ({ principal }) => {
      const rows = await forTenant(deps.em, principal.tenantId).find(
        Asset,
        {},
        { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 500 },
      );
      return { status: 200, body: { items: rows.map(toView) } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/replies/assets',
    operationId: 'uploadAsset',
    summary: 'Upload a file or image once, to quick-send it later',
    description:
      `multipart/form-data with one part named \`file\`, at most ${ASSET_MAX_BYTES / (1024 * 1024)} MB, of an accepted type ` +
      '(see /replies/assets/channels); a refusal is a 400 naming why. Stored on disk (the S3 store is not implemented).',
    tags: ['replies'],
    access: REPLY_USERS,
    rawBody: { mediaType: 'multipart/form-data', description: 'one part named file' },
    responses: { 201: { description: 'Stored', schema: assetSchema } },
    errors: [503],
    handler: async ({ principal, req, res }) => {
      const store = storeOf(deps);
      const file = await readUpload(req, res);
      const contentType = file.mimetype.toLowerCase();
      if (!(contentType in ASSET_CONTENT_TYPES))
        throw bad(
          'body.file',
          `type ${contentType} is not accepted (accepted: ${Object.keys(ASSET_CONTENT_TYPES).join(', ')})`,
        );
      if (file.size === 0) throw bad('body.file', 'is empty');
      const fileName = file.originalname.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 500) || 'file';
      const em = forTenant(deps.em, principal.tenantId);
      const id = randomUUID();
      const storageKey = `${principal.tenantId}/${id}`;
      await store.put(storageKey, file.buffer);
      try {
        const asset = em.create(Asset, {
          id,
          tenant: principal.tenantId,
          fileName,
          contentType,
          sizeBytes: file.size,
          storageKey,
          uploadedBy: em.getReference(User, principal.userId),
        });
        await em.flush();
        return { status: 201, body: toView(asset) };
      } catch (err) {
        await store.remove(storageKey);
        throw err;
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/replies/assets/:id/content',
    operationId: 'downloadAsset',
    summary: "An asset's bytes",
    tags: ['replies'],
    access: REPLY_USERS,
    params: idParamsSchema,
    responses: { 200: { description: 'The file, with its content type' } },
    errors: [404, 503],
    handler: async ({ principal, params, res }) => {
      const store = storeOf(deps);
      const asset = await forTenant(deps.em, principal.tenantId).findOne(Asset, { id: params.id });
      if (!asset) throw notFound('asset', params.id);
      const stream = await store.open(asset.storageKey);
      if (!stream) throw notFound('asset content', params.id);
      res.status(200);
      res.setHeader('Content-Type', asset.contentType);
      res.setHeader('Content-Length', String(asset.sizeBytes));
      res.setHeader(
        'Content-Disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(asset.fileName)}`,
      );
      await pipeline(stream, res);
      return { status: 200, streamed: true };
    },
  }),
];
