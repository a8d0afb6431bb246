import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { NativeConnection, Worker } from '@temporalio/worker';
import {
  createChannelActivities,
  createGraphClient,
  createSendActivities,
  type RetrySettings,
} from '@c360/activities';
import { startSandbox, type RunningSandbox } from '@c360/sandbox';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  ChannelAccount,
  Conversation,
  diskAssetStore,
  forTenant,
  Template,
  Ticket,
  type AssetStore,
} from '@c360/store';
import type { AppDeps } from '../../../AppDeps';
import type { AssetLinks } from '../../../replies/assetLinks';
import { createSendClient, workflowsPath, type ChannelActivities, type SendClient } from '@c360/workflows';
import {
  openTestContext,
  type TenantFixture,
  type TestContext,
} from '../../../__tests__/support/testContext';

// Sandbox answers are read field by field in expectations.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJson = any;

export type ChannelHarness = {
  ctx: TestContext;
  sandbox: RunningSandbox;
  /** The API's base URL (a real listening server the sandbox delivers webhooks to). */
  apiUrl: string;
  tenant: TenantFixture;
  mailbox: string;
  activities: ChannelActivities;
  /** Every wait the adapters asked for between retries, in order. */
  sleeps: number[];
  control: (method: string, path: string, body?: unknown) => Promise<{ status: number; json: AnyJson }>;
  /** What the harness's app was given beyond the test context's deps (for another app of the same test). */
  appDeps: Partial<AppDeps>;
  /** With `assets`: the asset store and the signed links' settings (links point at `apiUrl`). */
  assets: { store: AssetStore; links: AssetLinks } | null;
  close: () => Promise<void>;
};

export const HARNESS_ASSET_LINK_SECRET = 'harness-asset-link-secret-0123456789abcdef';

export const FAST_RETRY: RetrySettings = {
  attempts: 3,
  baseDelayMs: 10,
  maxDelayMs: 50,
  maxRetryAfterMs: 5_000,
};

/**
 * The API listening on a free port with webhooks on, a sandbox delivering its webhooks there,
 * the channel activities pointed at the sandbox, and tenant A owning the sandbox's WhatsApp
 * number, Instagram account and a mailbox.
 */
export const openChannelHarness = async (
  label: string,
  retry: RetrySettings = FAST_RETRY,
  options: { assets?: { emailMaxBytes?: number } } = {},
): Promise<ChannelHarness> => {
  const ctx = await openTestContext(label);
  // Reply assets: stored in a folder of this harness, their signed links served by this API.
  const assetDir = options.assets ? mkdtempSync(path.join(tmpdir(), `c360-assets-${label}-`)) : null;
  const assets = assetDir
    ? {
        store: diskAssetStore(assetDir),
        links: { secret: HARNESS_ASSET_LINK_SECRET, publicBaseUrl: '', ttlMs: 60_000 },
      }
    : null;
  const assetLimits = { emailMaxBytes: options.assets?.emailMaxBytes ?? 10 * 1024 * 1024 };
  const tenant = ctx.a;
  const mailbox = `support@${tenant.slug}.test`;
  // The inbox replies through the same adapters, built below once the sandbox runs.
  const built: { activities?: ChannelActivities } = {};
  const late = (): ChannelActivities => {
    if (!built.activities) throw new Error('the channel activities are not built yet');
    return built.activities;
  };
  const appDeps: Partial<AppDeps> = {
    ...(assets ? { assets: assets.store, assetLinks: assets.links, assetLimits } : {}),
    inboxSender: {
      sendWhatsAppMessage: (input) => late().sendWhatsAppMessage(input),
      sendInstagramMessage: (input) => late().sendInstagramMessage(input),
      replyToInstagramComment: (input) => late().replyToInstagramComment(input),
      sendEmail: (input) => late().sendEmail(input),
    },
    webhooks: {
      metaAppSecret: 'c360-sandbox-app-secret',
      metaVerifyToken: 'c360-sandbox-verify-token',
      emailSecret: 'c360-sandbox-email-secret',
      emailSubjectWindowDays: 30,
    },
  };
  const app = ctx.appWith(appDeps);
  const server: Server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (assets) assets.links.publicBaseUrl = apiUrl;
  const sandbox = await startSandbox({
    C360_SANDBOX_WHATSAPP_WEBHOOK_URL: `${apiUrl}/api/v1/webhooks/meta`,
    C360_SANDBOX_INSTAGRAM_WEBHOOK_URL: `${apiUrl}/api/v1/webhooks/meta`,
    C360_SANDBOX_EMAIL_INBOUND_URL: `${apiUrl}/api/v1/webhooks/email/inbound`,
    C360_SANDBOX_WEBHOOK_RETRY_MS: [20, 40, 80],
    C360_SANDBOX_STATUS_DELAY_MS: 5,
  });

  const em = forTenant(ctx.orm.em, tenant.id);
  em.create(ChannelAccount, {
    tenant: tenant.id,
    channel: 'whatsapp',
    externalAccountId: sandbox.accounts.whatsapp.phoneNumberId,
    settings: { wabaId: sandbox.accounts.whatsapp.wabaId },
  });
  em.create(ChannelAccount, {
    tenant: tenant.id,
    channel: 'instagram',
    externalAccountId: sandbox.accounts.instagram.igUserId,
  });
  em.create(ChannelAccount, {
    tenant: tenant.id,
    channel: 'email',
    externalAccountId: mailbox,
    settings: { fromName: 'Shop support' },
  });
  await em.flush();

  const sleeps: number[] = [];
  const activities = createChannelActivities({
    orm: ctx.orm,
    graph: createGraphClient({ baseUrl: sandbox.graphUrl, accessToken: sandbox.accessToken }),
    smtp: { host: sandbox.smtp.host, port: sandbox.smtp.port, secure: false },
    retry,
    sleep: async (ms) => {
      sleeps.push(ms);
      await new Promise((resolve) => setTimeout(resolve, Math.min(ms, 20)));
    },
    clock: () => new Date(),
    instagramProfileTtlMs: 60_000,
    ...(assets
      ? {
          assets: {
            store: assets.store,
            publicBaseUrl: apiUrl,
            linkSecret: assets.links.secret,
            linkTtlMs: assets.links.ttlMs,
            limits: assetLimits,
          },
        }
      : {}),
  });
  built.activities = activities;

  const control: ChannelHarness['control'] = async (method, path, body) => {
    const response = await fetch(`${sandbox.url}/_control${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, json: text ? (JSON.parse(text) as AnyJson) : null };
  };

  return {
    ctx,
    sandbox,
    apiUrl,
    tenant,
    mailbox,
    activities,
    sleeps,
    control,
    appDeps,
    assets,
    close: async () => {
      if (assetDir) rmSync(assetDir, { recursive: true, force: true });
      await sandbox.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await ctx.close();
    },
  };
};

/** Polls `probe` until it returns a value (webhooks arrive asynchronously); fails after `tries`. */
export const eventually = async <T>(
  probe: () => Promise<T | null | undefined | false>,
  tries = 600, // 30 s: webhooks and their retries are slow on a loaded 2-core machine
): Promise<T> => {
  for (let i = 0; i < tries; i += 1) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('condition not reached');
};

/** The reply naming the sandbox's approved WhatsApp template `conversation_followup`, for Ada from Sam. */
export const FOLLOWUP_TEMPLATE_REPLY = {
  name: 'conversation_followup',
  language: 'en_US',
  parameters: {
    body: [
      { type: 'text', text: 'Ada' },
      { type: 'text', text: 'Sam' },
    ],
  },
};

/** Stores the sandbox's approved provider template `conversation_followup` as the template sync would. */
export const storeFollowupTemplate = async (h: ChannelHarness): Promise<void> => {
  const em = forTenant(h.ctx.orm.em.fork(), h.tenant.id);
  em.create(Template, {
    tenant: h.tenant.id,
    name: 'conversation_followup',
    channel: 'whatsapp',
    language: 'en_US',
    body: 'Hi {{1}}, {{2}} from our team has an update on your request. Reply to continue.',
    providerTemplateName: 'conversation_followup',
    approvalStatus: 'approved',
    whatsappSpec: { header: null, body: ['text', 'text'], buttons: [] },
    parameters: ['1', '2'],
  });
  await em.flush();
};

/** Opens a ticket on the conversation's customer and links it to the conversation; returns its id. */
export const linkTicket = async (h: ChannelHarness, conversationId: string, customerId: string) => {
  const em = forTenant(h.ctx.orm.em.fork(), h.tenant.id);
  const ticket = em.create(Ticket, {
    tenant: h.tenant.id,
    customer: customerId,
    subject: 'Parcel',
    slaPolicy: 'standard',
  });
  await em.flush();
  await em.nativeUpdate(Conversation, { id: conversationId }, { ticket: ticket.id });
  return ticket.id;
};

/**
 * The send path on the dev server for this harness: a worker running `sendMessageWorkflow` with
 * the real activities (the harness's adapters, delivering to its sandbox) on a queue of its own,
 * and the client that starts sends there (the app's `sends`).
 */
export const openSendWorker = async (
  h: ChannelHarness,
  label: string,
): Promise<{ sends: SendClient; close: () => Promise<void> }> => {
  const taskQueue = `${label}-${randomUUID().slice(0, 8)}`;
  const connection = await NativeConnection.connect({
    address: process.env['C360_TEMPORAL_ADDRESS'] ?? '127.0.0.1:7233',
  });
  const worker = await Worker.create({
    connection,
    namespace: process.env['C360_TEMPORAL_NAMESPACE'] ?? 'c360-test',
    taskQueue,
    workflowsPath,
    activities: { ...h.activities, ...createSendActivities({ orm: h.ctx.orm }) },
  });
  const running = worker.run();
  return {
    sends: createSendClient(h.ctx.temporal, taskQueue),
    close: async () => {
      worker.shutdown();
      await running;
      await connection.close();
    },
  };
};
