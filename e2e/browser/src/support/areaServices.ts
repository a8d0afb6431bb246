import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Browser, Page } from 'playwright-core';
import {
  createChannelActivities,
  createGraphClient,
  createOutboxRelay,
  createSearchIndexActivities,
  type ChannelDeps,
  type OutboxRelay,
  type OutboxRelayDeps,
} from '@c360/activities';
import type { AppDeps } from '@c360/api';
import { startSandbox, type RunningSandbox } from '@c360/sandbox';
import { diskAssetStore, type SearchClient } from '@c360/store';

type InboxSender = NonNullable<AppDeps['inboxSender']>;

/**
 * The parts of the platform the customers and inbox areas need beside the dashboard stack, all
 * real: the customers index filled from PostgreSQL by the reindex activities, the outbox relay
 * that keeps it current after each write, and the channel sandbox with the adapters the inbox
 * replies through (the sandbox's default accounts are the demo tenant's channel accounts).
 */

/** Indexes every customer of a tenant, as a reindex run does, and makes the index searchable. */
export const indexTenantCustomers = async (
  orm: MikroORM,
  search: SearchClient,
  indexPrefix: string,
  tenantId: string,
): Promise<number> => {
  const activities = createSearchIndexActivities({ orm, search, indexPrefix });
  const { startedAt } = await activities.beginTenantReindex({ tenantId });
  let afterId: string | null = null;
  let indexed = 0;
  for (;;) {
    const batch = await activities.reindexCustomerBatch({ tenantId, afterId, limit: 500, startedAt });
    indexed += batch.indexed;
    if (!batch.lastId) break;
    afterId = batch.lastId;
  }
  await activities.finishTenantReindex({ tenantId, startedAt });
  return indexed;
};

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * The outbox relay on the test database, writing into the stack's customers index; with `events`
 * it also tracks segment membership and starts the workflows of business events (`segment.entered`...).
 */
export const startRelay = async (
  orm: MikroORM,
  databaseUrl: string,
  search: SearchClient,
  indexPrefix: string,
  events: Pick<OutboxRelayDeps, 'segments' | 'dispatcher'> = {},
): Promise<OutboxRelay> => {
  const relay = createOutboxRelay({
    orm,
    databaseUrl,
    search,
    indexPrefix,
    logger: silent,
    maxBackoffMs: 400,
    ...events,
  });
  await relay.start();
  return relay;
};

/**
 * An inbox sender whose adapters exist only once the sandbox runs: the API must be built first
 * (the sandbox delivers its webhooks to it), and the adapters need the sandbox's address.
 */
export const lateChannels = () => {
  let sender: InboxSender | null = null;
  let channelDeps: Omit<ChannelDeps, 'orm'> | null = null;
  // Reply assets: a folder of this run; the signed links point at the API once it listens.
  const assetStore = diskAssetStore(mkdtempSync(join(tmpdir(), 'c360-browser-assets-')));
  const assetLinks: NonNullable<AppDeps['assetLinks']> = {
    secret: 'browser-tests-asset-link-secret-0123456789',
    publicBaseUrl: '',
    ttlMs: 600_000,
  };
  const assetLimits = { emailMaxBytes: 10 * 1024 * 1024 };
  const ready = (): InboxSender => {
    if (!sender) throw new Error('the channel sandbox is not started yet');
    return sender;
  };
  const appDeps: Partial<AppDeps> = {
    assets: assetStore,
    assetLinks,
    assetLimits,
    inboxSender: {
      sendWhatsAppMessage: (input) => ready().sendWhatsAppMessage(input),
      sendInstagramMessage: (input) => ready().sendInstagramMessage(input),
      replyToInstagramComment: (input) => ready().replyToInstagramComment(input),
      sendEmail: (input) => ready().sendEmail(input),
    },
    webhooks: {
      metaAppSecret: 'c360-sandbox-app-secret',
      metaVerifyToken: 'c360-sandbox-verify-token',
      emailSecret: 'c360-sandbox-email-secret',
      emailSubjectWindowDays: 30,
    },
  };
  const start = async (orm: MikroORM, apiOrigin: string): Promise<RunningSandbox> => {
    const sandbox = await startSandbox({
      C360_SANDBOX_WHATSAPP_WEBHOOK_URL: `${apiOrigin}/api/v1/webhooks/meta`,
      C360_SANDBOX_INSTAGRAM_WEBHOOK_URL: `${apiOrigin}/api/v1/webhooks/meta`,
      C360_SANDBOX_EMAIL_INBOUND_URL: `${apiOrigin}/api/v1/webhooks/email/inbound`,
      C360_SANDBOX_WEBHOOK_RETRY_MS: [50, 100, 200],
      C360_SANDBOX_STATUS_DELAY_MS: 5,
    });
    assetLinks.publicBaseUrl = apiOrigin;
    channelDeps = {
      assets: {
        store: assetStore,
        publicBaseUrl: apiOrigin,
        linkSecret: assetLinks.secret,
        linkTtlMs: assetLinks.ttlMs,
        limits: assetLimits,
      },
      graph: createGraphClient({ baseUrl: sandbox.graphUrl, accessToken: sandbox.accessToken }),
      smtp: { host: sandbox.smtp.host, port: sandbox.smtp.port, secure: false },
      retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 50, maxRetryAfterMs: 5_000 },
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 50))),
      clock: () => new Date(),
      instagramProfileTtlMs: 60_000,
    };
    sender = createChannelActivities({ orm, ...channelDeps });
    return sandbox;
  };
  /** The adapters' settings on the running sandbox (a worker's channel activities take them). */
  const deps = (): Omit<ChannelDeps, 'orm'> => {
    if (!channelDeps) throw new Error('the channel sandbox is not started yet');
    return channelDeps;
  };
  return { appDeps, start, deps };
};

/** Calls the sandbox's control API (acting as a customer, reading what was delivered). */
export const sandboxControl = async <T>(
  sandbox: RunningSandbox,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<T> => {
  const response = await fetch(`${sandbox.url}/_control${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok)
    throw new Error(`sandbox ${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
};

/** Quiet hours (UTC) that began an hour ago and end `hoursLeft` hours after `now`: the customer is quiet now. */
export const quietHoursNow = (hoursLeft: number, now = Date.now()) => {
  const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
  return { start: hhmm(now - 3_600_000), end: hhmm(now + hoursLeft * 3_600_000), timeZone: 'UTC' };
};

/** Polls until `probe` gives a value (webhooks and the relay are asynchronous). */
export const eventually = async <T>(
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 30_000,
) => {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error('eventually: the condition did not hold in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

/**
 * A fresh browser context signed in on a remote's own page (the remote served alone against the
 * API, as its dev server runs it), opened at `path`, with the area mounted in `locale`.
 */
export const signInStandalone = async (
  browser: Browser,
  remoteUrl: string,
  path: string,
  login: { tenant: string; email: string; password: string; locale?: 'en' | 'fr' | 'ar' },
): Promise<Page> => {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // Opened right at the deep path: the server answers it with index.html, whose script loads from the root.
  await page.goto(`${remoteUrl}${path}`);
  await page.locator('input[name=tenant]').fill(login.tenant);
  await page.locator('input[name=email]').fill(login.email);
  await page.locator('input[name=password]').fill(login.password);
  await page.locator('select[name=locale]').selectOption(login.locale ?? 'en');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('.c360-area').waitFor();
  return page;
};
