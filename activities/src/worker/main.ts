import { NativeConnection, Worker } from '@temporalio/worker';
import pino from 'pino';
import { loadConfig, TASK_QUEUE } from '@c360/domain';
import { createOrm, createSearchClient } from '@c360/store';
import { workflowsPath } from '@c360/workflows';
import { createOutboxRelay } from '../outbox/createOutboxRelay';
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
  const relay = createOutboxRelay({
    orm,
    databaseUrl: config.C360_DATABASE_URL,
    search,
    indexPrefix: config.C360_INDEX_PREFIX,
    logger,
    batchSize: config.C360_RELAY_BATCH_SIZE,
    maxBackoffMs: config.C360_RELAY_MAX_BACKOFF_MS,
  });
  try {
    const worker = await Worker.create({
      connection,
      namespace: config.C360_TEMPORAL_NAMESPACE,
      taskQueue: TASK_QUEUE,
      workflowsPath,
      activities: createActivities({ orm, search, indexPrefix: config.C360_INDEX_PREFIX }),
      shutdownGraceTime: '10 seconds',
    });
    await relay.start();
    logger.info({ taskQueue: TASK_QUEUE, namespace: config.C360_TEMPORAL_NAMESPACE }, 'worker ready');
    // worker.run() resolves once SIGINT/SIGTERM (handled by the SDK) has drained the worker.
    await worker.run();
  } finally {
    await relay.stop();
    await connection.close();
    await search.close();
    await orm.close();
    logger.info({}, 'worker stopped');
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
