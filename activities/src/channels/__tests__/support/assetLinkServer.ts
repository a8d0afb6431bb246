import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Asset, diskAssetStore, forTenant, openAssetLink, type AssetStore } from '@c360/store';
import type { ChannelAssets } from '../../channelAssets';

export type AssetLinkServer = {
  assets: ChannelAssets;
  /** Stores bytes as an asset of the tenant; answers its id and the bytes' SHA-256. */
  add: (
    tenantId: string,
    file: { fileName: string; contentType: string; bytes: Buffer },
  ) => Promise<{ id: string; sha256: string }>;
  /** The links the providers fetched, in order. */
  fetched: string[];
  close: () => Promise<void>;
};

const SECRET = 'adapter-tests-asset-link-secret-0123456789';

/**
 * What the API's public asset route does (`GET /api/v1/public/assets/<token>`: verify the
 * signature, find the asset in the link's tenant, stream its bytes), on a free port, so the
 * activities package can test its adapters against the sandbox without the API package. The
 * route itself is tested in api/ and, with the sandbox fetching from it, in the browser tests.
 */
export const startAssetLinkServer = async (orm: MikroORM): Promise<AssetLinkServer> => {
  const dir = mkdtempSync(join(tmpdir(), 'c360-adapter-assets-'));
  const store: AssetStore = diskAssetStore(dir);
  const fetched: string[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      fetched.push(req.url ?? '');
      const token = (req.url ?? '').split('/').pop() ?? '';
      const opened = openAssetLink(SECRET, token, new Date());
      if (!opened.ok) {
        res.writeHead(403).end(opened.reason);
        return;
      }
      const asset = await forTenant(orm.em.fork(), opened.tenantId).findOne(Asset, { id: opened.assetId });
      const stream = asset ? await store.open(asset.storageKey) : null;
      if (!asset || !stream) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': asset.contentType, 'content-length': String(asset.sizeBytes) });
      await pipeline(stream, res);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    assets: {
      store,
      publicBaseUrl: `http://127.0.0.1:${port}`,
      linkSecret: SECRET,
      linkTtlMs: 60_000,
      limits: { emailMaxBytes: 1024 * 1024 },
    },
    add: async (tenantId, file) => {
      const id = randomUUID();
      const storageKey = `${tenantId}/${id}`;
      await store.put(storageKey, file.bytes);
      const em = forTenant(orm.em.fork(), tenantId);
      em.create(Asset, {
        id,
        tenant: tenantId,
        fileName: file.fileName,
        contentType: file.contentType,
        sizeBytes: file.bytes.length,
        storageKey,
      });
      await em.flush();
      return { id, sha256: createHash('sha256').update(file.bytes).digest('hex') };
    },
    fetched,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
