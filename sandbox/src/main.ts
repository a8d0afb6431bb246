import pino from 'pino';
import { loadSandboxConfig } from './config/sandboxConfig';
import { startSandbox } from './sandbox';

const untilSignal = (): Promise<NodeJS.Signals> =>
  new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });

/** The sandbox process's composition root: the only place that reads the environment. */
const main = async (): Promise<void> => {
  const config = loadSandboxConfig(process.env);
  const logger = pino({ level: config.C360_LOG_LEVEL });
  const sandbox = await startSandbox({ ...config, logger });
  logger.info(
    {
      url: sandbox.url,
      graph: sandbox.graphUrl,
      control: `${sandbox.url}/_control`,
      smtp: `${sandbox.smtp.host}:${sandbox.smtp.port}`,
      webhooks: sandbox.state.settings.webhookUrls,
    },
    'sandbox listening',
  );
  const signal = await untilSignal();
  logger.info({ signal }, 'sandbox stopping');
  await sandbox.close();
  logger.info('sandbox stopped');
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
