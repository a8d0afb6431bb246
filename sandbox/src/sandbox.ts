import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { createSandboxApp } from './app';
import type { SandboxConfig } from './config/sandboxConfig';
import { createSmtpCapture } from './mail/smtpCapture';
import type { SandboxContext } from './sandboxContext';
import { createState, defaultAccounts } from './state/createState';
import type { SandboxSettings, SandboxState } from './state/sandboxState';
import { createWebhookDispatcher } from './webhooks/webhookDispatcher';

export type SandboxOptions = Partial<SandboxConfig> & { logger?: Logger };

export type RunningSandbox = {
  /** Base URL of the HTTP server (Graph API under `/v21.0`, control API under `/_control`). */
  url: string;
  graphUrl: string;
  smtp: { host: string; port: number };
  accounts: typeof defaultAccounts;
  accessToken: string;
  appSecret: string;
  verifyToken: string;
  emailSecret: string;
  /** The live state, for in-process callers; tests of the sandbox itself read it over HTTP. */
  state: SandboxState;
  close(): Promise<void>;
};

export const GRAPH_VERSION = 'v21.0';

const settingsFrom = (config: SandboxConfig): SandboxSettings => ({
  accessTokens: [config.C360_SANDBOX_ACCESS_TOKEN],
  expiredTokens: [],
  appSecret: config.C360_SANDBOX_APP_SECRET,
  verifyToken: config.C360_SANDBOX_VERIFY_TOKEN,
  emailSecret: config.C360_SANDBOX_EMAIL_SECRET,
  webhookUrls: {
    whatsapp: config.C360_SANDBOX_WHATSAPP_WEBHOOK_URL,
    instagram: config.C360_SANDBOX_INSTAGRAM_WEBHOOK_URL,
    email: config.C360_SANDBOX_EMAIL_INBOUND_URL,
  },
  retryDelaysMs: config.C360_SANDBOX_WEBHOOK_RETRY_MS,
  statusDelayMs: config.C360_SANDBOX_STATUS_DELAY_MS,
  autoStatuses: config.C360_SANDBOX_AUTO_STATUSES,
  enforceServiceWindow: config.C360_SANDBOX_ENFORCE_SERVICE_WINDOW,
});

const defaults: SandboxConfig = {
  C360_SANDBOX_HOST: '127.0.0.1',
  C360_SANDBOX_PORT: 0,
  C360_SANDBOX_SMTP_PORT: 0,
  C360_SANDBOX_ACCESS_TOKEN: 'c360-sandbox-token',
  C360_SANDBOX_APP_SECRET: 'c360-sandbox-app-secret',
  C360_SANDBOX_VERIFY_TOKEN: 'c360-sandbox-verify-token',
  C360_SANDBOX_EMAIL_SECRET: 'c360-sandbox-email-secret',
  C360_SANDBOX_WHATSAPP_WEBHOOK_URL: 'http://127.0.0.1:3000/api/v1/webhooks/whatsapp',
  C360_SANDBOX_INSTAGRAM_WEBHOOK_URL: 'http://127.0.0.1:3000/api/v1/webhooks/instagram',
  C360_SANDBOX_EMAIL_INBOUND_URL: 'http://127.0.0.1:3000/api/v1/webhooks/email/inbound',
  C360_SANDBOX_WEBHOOK_RETRY_MS: [1000, 5000, 30_000, 120_000, 600_000, 3_600_000],
  C360_SANDBOX_STATUS_DELAY_MS: 300,
  C360_SANDBOX_AUTO_STATUSES: ['sent', 'delivered', 'read'],
  C360_SANDBOX_ENFORCE_SERVICE_WINDOW: false,
  C360_LOG_LEVEL: 'silent',
};

/**
 * Starts the HTTP and SMTP servers. The process entry (`main.ts`) passes its configuration;
 * tests call it with no ports to get free ones, so each test file has its own sandbox.
 */
export const startSandbox = async (options: SandboxOptions = {}): Promise<RunningSandbox> => {
  const { logger: given, ...overrides } = options;
  const config: SandboxConfig = { ...defaults, ...overrides };
  const logger = given ?? pino({ level: config.C360_LOG_LEVEL });
  const settings = settingsFrom(config);
  const state = createState(settings);
  const webhooks = createWebhookDispatcher(state, logger);
  const ctx: SandboxContext = { state, webhooks, logger };

  const host = config.C360_SANDBOX_HOST;
  const http = createSandboxApp(ctx, settings).listen(config.C360_SANDBOX_PORT, host);
  await once(http, 'listening');
  const smtp = createSmtpCapture(ctx);
  const smtpListening = new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(config.C360_SANDBOX_SMTP_PORT, host, () => resolve());
  });
  try {
    await smtpListening;
  } catch (error) {
    http.close();
    throw error;
  }
  const httpPort = (http.address() as AddressInfo).port;
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const url = `http://${host}:${httpPort}`;

  return {
    url,
    graphUrl: `${url}/${GRAPH_VERSION}`,
    smtp: { host, port: smtpPort },
    accounts: defaultAccounts,
    accessToken: config.C360_SANDBOX_ACCESS_TOKEN,
    appSecret: config.C360_SANDBOX_APP_SECRET,
    verifyToken: config.C360_SANDBOX_VERIFY_TOKEN,
    emailSecret: config.C360_SANDBOX_EMAIL_SECRET,
    state,
    async close() {
      await webhooks.close();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
};
