import {
  DEV_ASSET_LINK_SECRET,
  createChannelActivities,
  createGraphClient,
  DEFAULT_RETRY,
  realSleep,
  smtpSettingsFromConfig,
} from '@c360/activities';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '@c360/domain';
import { createOrm, createSearchClient, diskAssetStore } from '@c360/store';
import {
  campaignControl,
  getReindexStatus,
  getRescoreStatus,
  startReindex,
  startRescore,
  startSegmentRecompute,
  createSendClient,
} from '@c360/workflows';
import { createApp } from './app';
import { createAccessTokens } from './auth/accessTokens';
import {
  apiConfigSpec,
  DEV_JWT_SECRET,
  resolveJwtSecret,
  resolveSurveyLinkSecret,
  resolveWebhookSettings,
} from './config/apiConfigSpec';
import { openSearchCustomers } from './customers/openSearchCustomers';
import { readinessChecks } from './health/readinessChecks';
import { openSearchSegments } from './segments/openSearchSegments';
import { createLogger } from './http/httpLogger';
import { createNotificationHub } from './notifications/notificationHub';
import { createStreamTickets } from './notifications/streamTickets';

// In-flight requests get this long to finish after SIGINT/SIGTERM before their sockets are cut.
const SHUTDOWN_GRACE_MS = 10_000;

const untilSignal = (): Promise<NodeJS.Signals> =>
  new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      // A second signal while draining means "now": the default handler kills the process.
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
      resolve(signal);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });

/**
 * The API process's composition root: the only place that reads the environment and opens
 * connections. Temporal is connected lazily, so the API serves reads while Temporal is down
 * and /readyz says so.
 */
const main = async (): Promise<void> => {
  const config = loadConfig(apiConfigSpec, process.env);
  const logger = createLogger({ level: config.C360_LOG_LEVEL });
  const jwtSecret = resolveJwtSecret(config);
  if (jwtSecret === DEV_JWT_SECRET)
    logger.warn('signing tokens with the development secret: set C360_JWT_SECRET');

  if (config.NODE_ENV === 'production' && config.C360_ASSET_LINK_SECRET === DEV_ASSET_LINK_SECRET)
    throw new Error('C360_ASSET_LINK_SECRET is required when NODE_ENV=production (at least 32 characters)');
  const assetStore = diskAssetStore(config.C360_ASSET_DIR);
  const assetLinks = {
    secret: config.C360_ASSET_LINK_SECRET,
    publicBaseUrl: config.C360_PUBLIC_BASE_URL,
    ttlMs: config.C360_ASSET_LINK_TTL_SECONDS * 1000,
  };
  const assetLimits = { emailMaxBytes: config.C360_EMAIL_ATTACHMENT_MAX_BYTES };

  const orm = await createOrm({ databaseUrl: config.C360_DATABASE_URL });
  const search = createSearchClient(config.C360_OPENSEARCH_URL);
  const temporalConnection = Connection.lazy({ address: config.C360_TEMPORAL_ADDRESS });
  const temporal = new Client({ connection: temporalConnection, namespace: config.C360_TEMPORAL_NAMESPACE });
  const notificationHub = createNotificationHub({ databaseUrl: config.C360_DATABASE_URL, logger });

  try {
    await notificationHub.start();
    const app = createApp({
      logger,
      em: orm.em,
      // Agents' immediate replies go out through the same adapters the worker's activities use.
      inboxSender: createChannelActivities({
        orm,
        graph: createGraphClient({
          baseUrl: config.C360_META_GRAPH_URL,
          accessToken: config.C360_META_ACCESS_TOKEN,
        }),
        smtp: smtpSettingsFromConfig(config),
        retry: DEFAULT_RETRY,
        sleep: realSleep,
        clock: () => new Date(),
        instagramProfileTtlMs: config.C360_INSTAGRAM_PROFILE_TTL_SECONDS * 1000,
        assets: {
          store: assetStore,
          publicBaseUrl: assetLinks.publicBaseUrl,
          linkSecret: assetLinks.secret,
          linkTtlMs: assetLinks.ttlMs,
          limits: assetLimits,
        },
        onRetry: (info) => logger.warn(info, 'channel send retried'),
      }),
      tokens: createAccessTokens({ secret: jwtSecret, ttlSeconds: config.C360_JWT_TTL_SECONDS }),
      searchCustomers: openSearchCustomers(search, config.C360_INDEX_PREFIX),
      reindex: {
        start: (input) => startReindex(temporal, input),
        status: (tenantId, workflowId) => getReindexStatus(temporal, tenantId, workflowId),
      },
      rescore: {
        start: (input) => startRescore(temporal, input),
        status: (tenantId, workflowId) => getRescoreStatus(temporal, tenantId, workflowId),
      },
      segments: {
        search: openSearchSegments(search, config.C360_INDEX_PREFIX),
        recompute: { start: (input) => startSegmentRecompute(temporal, input) },
      },
      segmentExports: {
        search,
        indexPrefix: config.C360_INDEX_PREFIX,
        exportDir: config.C360_EXPORT_DIR,
        syncMaxRows: config.C360_EXPORT_SYNC_MAX_ROWS,
        temporal,
      },
      campaigns: campaignControl(temporal),
      webhooks: resolveWebhookSettings(config),
      sends: createSendClient(temporal),
      surveyLinkSecret: resolveSurveyLinkSecret(config),
      assets: assetStore,
      assetLinks,
      assetLimits,
      notificationStream: {
        hub: notificationHub,
        tickets: createStreamTickets({
          secret: jwtSecret,
          ttlSeconds: config.C360_STREAM_TICKET_TTL_SECONDS,
        }),
        settings: { heartbeatMs: config.C360_STREAM_HEARTBEAT_SECONDS * 1000 },
      },
      readiness: readinessChecks({
        orm,
        search,
        temporal: temporalConnection,
        temporalNamespace: config.C360_TEMPORAL_NAMESPACE,
      }),
    });

    const server = app.listen(config.C360_API_PORT, config.C360_API_HOST);
    await once(server, 'listening');
    const { address, port } = server.address() as AddressInfo;
    logger.info(
      { url: `http://${address}:${port}`, docs: `http://${address}:${port}/api/docs` },
      'api listening',
    );

    const signal = await untilSignal();
    logger.info({ signal }, 'api stopping');
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    const grace = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    grace.unref();
    await closed;
    clearTimeout(grace);
  } finally {
    await notificationHub.stop();
    await temporalConnection
      .close()
      .catch((error: unknown) => logger.warn({ err: error }, 'closing temporal failed'));
    await search.close().catch((error: unknown) => logger.warn({ err: error }, 'closing opensearch failed'));
    await orm.close();
    logger.info('api stopped');
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
