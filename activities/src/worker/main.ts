import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import pino from 'pino';
import { loadConfig, TASK_QUEUE } from '@c360/domain';
import { createOrm, createSearchClient, diskAssetStore, Tenant } from '@c360/store';
import {
  ensureNotificationDigestSchedule,
  ensureRetentionSchedule,
  ensureSegmentSchedules,
  startSlaBackfills,
  workflowsPath,
} from '@c360/workflows';
import { createGraphClient } from '../channels/graphClient';
import { DEFAULT_RETRY, realSleep } from '../channels/withRetries';
import { allRoutes } from '../dispatch/allRoutes';
import { createDispatcher } from '../dispatch/createDispatcher';
import { createOutboxRelay } from '../outbox/createOutboxRelay';
import { rescoreChangedCustomers } from '../scores/rescoreChangedCustomers';
import { createSegmentEvaluatorTracker } from '../segments/createSegmentEvaluatorTracker';
import { createSegmentMembershipTracker } from '../segments/createSegmentMembershipTracker';
import { createExportMailer } from '../exports/exportMailer';
import { smtpSettingsFromConfig } from '../smtp/smtpTransport';
import { createNotificationMailer } from '../notifications/notificationMailer';
import { createActivities } from './createActivities';
import { workerConfigSpec } from './workerConfigSpec';

/**
 * The worker process: the outbox relay and the Temporal worker (every workflow and activity).
 * The composition root: the only place that reads the environment and opens connections.
 */
const main = async (): Promise<void> => {
  const config = loadConfig(workerConfigSpec, process.env);
  const logger = pino({ level: config.C360_LOG_LEVEL, base: { process: 'worker' } });
  const orm = await createOrm({ databaseUrl: config.C360_DATABASE_URL });
  const search = createSearchClient(config.C360_OPENSEARCH_URL);
  const connection = await NativeConnection.connect({ address: config.C360_TEMPORAL_ADDRESS });
  const smtp = smtpSettingsFromConfig(config);
  const mailer = createExportMailer({ ...smtp, from: config.C360_MAIL_FROM });
  const notificationMailer = createNotificationMailer({ ...smtp, from: config.C360_MAIL_FROM });
  const clientConnection = await Connection.connect({ address: config.C360_TEMPORAL_ADDRESS });
  const client = new Client({ connection: clientConnection, namespace: config.C360_TEMPORAL_NAMESPACE });
  const relay = createOutboxRelay({
    orm,
    databaseUrl: config.C360_DATABASE_URL,
    search,
    indexPrefix: config.C360_INDEX_PREFIX,
    logger,
    batchSize: config.C360_RELAY_BATCH_SIZE,
    maxBackoffMs: config.C360_RELAY_MAX_BACKOFF_MS,
    rescore: rescoreChangedCustomers,
    segments:
      config.C360_SEGMENT_MATCHER === 'percolator'
        ? createSegmentMembershipTracker({ search, indexPrefix: config.C360_INDEX_PREFIX })
        : createSegmentEvaluatorTracker(),
    dispatcher: createDispatcher({ client, routes: allRoutes, logger }),
  });
  try {
    const worker = await Worker.create({
      connection,
      namespace: config.C360_TEMPORAL_NAMESPACE,
      taskQueue: TASK_QUEUE,
      workflowsPath,
      activities: createActivities({
        orm,
        search,
        indexPrefix: config.C360_INDEX_PREFIX,
        exports: { exportDir: config.C360_EXPORT_DIR, mailer },
        notificationMailer,
        surveys: {
          links: { secret: config.C360_SURVEY_LINK_SECRET, publicBaseUrl: config.C360_PUBLIC_BASE_URL },
        },
        channels: {
          graph: createGraphClient({
            baseUrl: config.C360_META_GRAPH_URL,
            accessToken: config.C360_META_ACCESS_TOKEN,
          }),
          smtp,
          retry: DEFAULT_RETRY,
          sleep: realSleep,
          clock: () => new Date(),
          instagramProfileTtlMs: config.C360_INSTAGRAM_PROFILE_TTL_SECONDS * 1000,
          assets: {
            store: diskAssetStore(config.C360_ASSET_DIR),
            publicBaseUrl: config.C360_PUBLIC_BASE_URL,
            linkSecret: config.C360_ASSET_LINK_SECRET,
            linkTtlMs: config.C360_ASSET_LINK_TTL_SECONDS * 1000,
            limits: { emailMaxBytes: config.C360_EMAIL_ATTACHMENT_MAX_BYTES },
          },
          onRetry: (info) => logger.warn(info, 'channel send retried'),
        },
        dsr: {
          exportDir: config.C360_EXPORT_DIR,
          assets: diskAssetStore(config.C360_ASSET_DIR),
          temporal: client,
        },
      }),
      shutdownGraceTime: '10 seconds',
    });
    // The segment sweep and reconciliation Schedules; an existing one is left as ops set it.
    const schedules = await ensureSegmentSchedules(client, {
      sweepEvery: config.C360_SEGMENT_SWEEP_EVERY,
      reconcileCron: config.C360_SEGMENT_RECONCILE_CRON,
    });
    logger.info(schedules, 'segment schedules ensured');
    // Mails due notification digests every minute.
    const digests = await ensureNotificationDigestSchedule(client);
    logger.info(digests, 'notification digest schedule ensured');
    const retention = await ensureRetentionSchedule(client, { cron: config.C360_RETENTION_CRON });
    logger.info(retention, 'retention schedule ensured');
    // A running SLA clock for every open ticket (those opened before the clocks existed, or lost).
    const tenants = await orm.em.fork().find(Tenant, {}, { fields: ['id'] });
    const backfills = await startSlaBackfills(
      client,
      tenants.map((t) => t.id),
    );
    logger.info(backfills, 'sla clock backfills started');
    await relay.start();
    logger.info({ taskQueue: TASK_QUEUE, namespace: config.C360_TEMPORAL_NAMESPACE }, 'worker ready');
    // worker.run() resolves once SIGINT/SIGTERM (handled by the SDK) has drained the worker.
    await worker.run();
  } finally {
    await relay.stop();
    mailer.close();
    notificationMailer.close();
    await connection.close();
    await clientConnection.close();
    await search.close();
    await orm.close();
    logger.info({}, 'worker stopped');
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
