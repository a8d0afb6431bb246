import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { campaignControl, createSendClient, startSegmentRecompute, workflowsPath } from '@c360/workflows';
import {
  createActivities,
  createExportMailer,
  createNotificationMailer,
  type ChannelDeps,
  type ExportMailer,
  type NotificationMailer,
} from '@c360/activities';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  createAccessTokens,
  createApp,
  createLogger,
  openSearchCustomers,
  openSearchSegments,
  type AppDeps,
} from '@c360/api';
import { createSearchClient, hashPassword, seed } from '@c360/store';
import { startMfeServer, type MfeManifest } from '@c360/mfe-kit/build';
// The stream's parts are wired by the API's composition root, not exported: the same two here.
import { createNotificationHub } from '../../../../api/src/notifications/notificationHub';
import { createStreamTickets } from '../../../../api/src/notifications/streamTickets';

export const ROOT = join(__dirname, '..', '..', '..', '..');

const listen = (server: Server): Promise<number> =>
  new Promise((resolve) => {
    if (server.listening) resolve((server.address() as AddressInfo).port);
    else server.once('listening', () => resolve((server.address() as AddressInfo).port));
  });

const close = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

export type RemoteName = 'customers' | 'analytics' | 'inbox';

/**
 * The dashboard as a browser sees it, on the real services: the API app on the test database
 * (demo tenants seeded, logins with the demo password), the shell's production build behind its
 * server (manifest file + /api proxy), and each remote's production build behind its own server.
 * A remote can be stopped, started again, or replaced by another build folder (a new deploy).
 */
export const openDashboardStack = async (
  orm: MikroORM,
  databaseUrl: string,
  // appDeps (added by the areas' tests): dependencies the app gets beyond the default stack (the
  // inbox's channel sender and webhook secrets). worker: segment recomputes, campaigns, sends later
  // and data-subject requests go to a task queue of this stack's own, served once `startWorker` runs.
  options: { customers?: number; appDeps?: Partial<AppDeps>; worker?: boolean } = {},
) => {
  const seeded = await seed({ orm, customersPerTenant: options.customers ?? 40, hashPassword });
  const opensearchUrl = process.env['C360_OPENSEARCH_URL'] ?? 'http://127.0.0.1:9200';
  const indexPrefix = `${process.env['C360_INDEX_PREFIX'] ?? 'c360-test-'}browser-`;
  const search = createSearchClient(opensearchUrl);
  const connection = await Connection.connect({
    address: process.env['C360_TEMPORAL_ADDRESS'] ?? '127.0.0.1:7233',
  });
  const temporal = new TemporalClient({
    connection,
    namespace: process.env['C360_TEMPORAL_NAMESPACE'] ?? 'c360-test',
  });
  const work = mkdtempSync(join(tmpdir(), 'c360-browser-'));
  const logger = createLogger({
    level: 'error',
    destination: new Writable({ write: (_c, _e, done) => done() }),
  });
  const secret = 'browser-tests-only-secret-0123456789abcdef';
  const taskQueue = `browser-${randomUUID().slice(0, 8)}`;
  const exportDir = join(work, 'exports');
  const workflowDeps: Partial<AppDeps> = options.worker
    ? {
        segments: {
          search: openSearchSegments(search, indexPrefix),
          recompute: { start: (input) => startSegmentRecompute(temporal, { ...input, taskQueue }) },
        },
        campaigns: campaignControl(temporal, taskQueue),
        sends: createSendClient(temporal, taskQueue),
      }
    : {};
  const hub = createNotificationHub({ databaseUrl, logger });
  await hub.start();
  const app = createApp({
    logger,
    em: orm.em,
    tokens: createAccessTokens({ secret, ttlSeconds: 3600 }),
    notificationStream: {
      hub,
      tickets: createStreamTickets({ secret, ttlSeconds: 120 }),
      settings: { heartbeatMs: 2000 },
    },
    searchCustomers: openSearchCustomers(search, indexPrefix),
    reindex: {
      start: () => Promise.reject(new Error('not in this stack')),
      status: () => Promise.resolve(null),
    },
    rescore: {
      start: () => Promise.reject(new Error('not in this stack')),
      status: () => Promise.resolve(null),
    },
    segments: {
      search: openSearchSegments(search, indexPrefix),
      recompute: { start: () => Promise.reject(new Error('not in this stack')) },
    },
    segmentExports: {
      search,
      indexPrefix,
      exportDir,
      syncMaxRows: 100_000,
      temporal,
      ...(options.worker ? { taskQueue } : {}),
    },
    campaigns: campaignControl(temporal),
    readiness: [],
    ...workflowDeps,
    ...options.appDeps,
  });
  const api = app.listen(0, '127.0.0.1');
  const apiOrigin = `http://127.0.0.1:${await listen(api)}`;

  const manifestFile = join(work, 'mfe-manifest.json');
  const manifest: MfeManifest = { areas: {} };
  const writeManifest = () => writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  writeManifest();

  const remotes = new Map<RemoteName, { server: Server | null; dir: string; port: number }>();
  const serveRemote = async (name: RemoteName, dir: string, version: string, port = 0) => {
    const server = await startMfeServer({ dir, port, apiOrigin });
    const actual = (server.address() as AddressInfo).port;
    remotes.set(name, { server, dir, port: actual });
    manifest.areas[name] = { entry: `http://127.0.0.1:${actual}/remoteEntry.js`, version };
    writeManifest();
    return actual;
  };

  const shell = await startMfeServer({
    dir: join(ROOT, 'mfe-shell', 'dist'),
    port: 0,
    apiOrigin,
    manifestFile,
  });
  const shellUrl = `http://127.0.0.1:${(shell.address() as AddressInfo).port}`;

  let worker: {
    worker: Worker;
    running: Promise<void>;
    connection: NativeConnection;
    mailer: ExportMailer | null;
    notificationMailer: NotificationMailer | null;
  } | null = null;
  /**
   * A Temporal worker with the real activities on the stack's task queue (the `worker` option);
   * with the channel sandbox's settings it also sends, and writes and mails exports and reports.
   */
  const startWorker = async (channels?: Omit<ChannelDeps, 'orm'>) => {
    if (!options.worker) throw new Error('open the stack with { worker: true }');
    Runtime.install({ logger: new DefaultLogger('ERROR') });
    const nativeConnection = await NativeConnection.connect({
      address: process.env['C360_TEMPORAL_ADDRESS'] ?? '127.0.0.1:7233',
    });
    const mailer = channels ? createExportMailer({ ...channels.smtp, from: 'reports@c360.test' }) : null;
    // Seeded users take export notices by email: without a mailer those notices would retry forever.
    const notificationMailer = channels
      ? createNotificationMailer({ ...channels.smtp, from: 'c360@c360.test' })
      : null;
    const created = await Worker.create({
      connection: nativeConnection,
      namespace: process.env['C360_TEMPORAL_NAMESPACE'] ?? 'c360-test',
      taskQueue,
      workflowsPath,
      activities: createActivities({
        orm,
        search,
        indexPrefix,
        ...(channels ? { channels } : {}),
        ...(mailer ? { exports: { exportDir, mailer } } : {}),
        ...(notificationMailer ? { notificationMailer } : {}),
        dsr: { exportDir, temporal },
      }),
    });
    worker = {
      worker: created,
      running: created.run(),
      connection: nativeConnection,
      mailer,
      notificationMailer,
    };
  };

  return {
    seeded,
    /** The customers index prefix and search client the API reads (the areas' tests index into it). */
    indexPrefix,
    search,
    shellUrl,
    apiOrigin,
    work,
    manifest: () => structuredClone(manifest),
    /** The Temporal task queue of this stack's workflows (the `worker` option), and the client. */
    taskQueue,
    temporal,
    startWorker,
    /** Serves a remote's build folder and points the manifest at it (a deploy of that area). */
    serveRemote,
    /** Stops a remote's server: its area is down, its manifest entry stays. */
    stopRemote: async (name: RemoteName) => {
      const remote = remotes.get(name);
      if (remote?.server) await close(remote.server);
      if (remote) remote.server = null;
    },
    /** Starts a stopped remote again on the same port. */
    restartRemote: async (name: RemoteName) => {
      const remote = remotes.get(name);
      if (!remote || remote.server) return;
      remote.server = await startMfeServer({ dir: remote.dir, port: remote.port, apiOrigin });
    },
    close: async () => {
      if (worker) {
        worker.worker.shutdown();
        await worker.running;
        await worker.connection.close();
        worker.mailer?.close();
        worker.notificationMailer?.close();
      }
      for (const remote of remotes.values()) if (remote.server) await close(remote.server);
      await close(shell);
      await close(api);
      await hub.stop();
      await connection.close();
      await search.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
};

export type DashboardStack = Awaited<ReturnType<typeof openDashboardStack>>;
