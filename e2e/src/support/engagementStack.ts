import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import type { MikroORM } from '@mikro-orm/postgresql';
import { startSandbox, type RunningSandbox } from '@c360/sandbox';
import {
  allRoutes,
  createActivities,
  createDispatcher,
  createGraphClient,
  createOutboxRelay,
  createSegmentEvaluatorTracker,
  DEFAULT_RETRY,
  realSleep,
} from '@c360/activities';
import { createApp } from '@c360/api';
import { ChannelAccount, createSearchClient, forTenant } from '@c360/store';
import { campaignControl, workflowsPath } from '@c360/workflows';
import { connectToDevServer } from '../../../workflows/src/__tests__/testEnvironment';
import {
  silentAppLogger,
  silentLogger,
  stackAccessTokens,
  stackTenants,
  type StackTenant,
} from './stackTenants';

// Sandbox answers are read field by field in expectations.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyJson = any;

export const SURVEY_LINK_SECRET = 'e2e-survey-link-secret-0123456789abcdef';

/**
 * The engagement paths (surveys, playbooks, the send path) on the real services: the API app,
 * the outbox relay with the dispatcher, a Temporal worker (dev server) with every activity,
 * including the channel adapters pointed at an in-process channel sandbox (Graph API and SMTP
 * capture), on a task queue of its own.
 */
export type EngagementStack = Awaited<ReturnType<typeof openEngagementStack>>;

export const openEngagementStack = async (orm: MikroORM, databaseUrl: string) => {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const indexPrefix = `${process.env['C360_INDEX_PREFIX'] ?? 'c360-test-'}e2e-${randomUUID().slice(0, 8)}-`;
  const search = createSearchClient(process.env['C360_OPENSEARCH_URL'] ?? 'http://127.0.0.1:9200');
  const sandbox: RunningSandbox = await startSandbox({
    C360_SANDBOX_AUTO_STATUSES: [],
    C360_SANDBOX_WEBHOOK_RETRY_MS: [],
  });
  /** The sandbox's control API (acting as the customer, reading what it received). */
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${sandbox.url}/_control${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, json: text ? (JSON.parse(text) as AnyJson) : null };
  };
  const namespace = process.env['C360_TEMPORAL_NAMESPACE'] ?? 'c360-test';
  const env = await connectToDevServer();
  const taskQueue = `e2e-engagement-${randomUUID().slice(0, 8)}`;
  const publicBaseUrl = 'http://c360.e2e.test';
  const worker = await Worker.create({
    connection: env.nativeConnection,
    namespace,
    taskQueue,
    workflowsPath,
    activities: createActivities({
      orm,
      search,
      indexPrefix,
      channels: {
        graph: createGraphClient({ baseUrl: sandbox.graphUrl, accessToken: sandbox.accessToken }),
        smtp: { host: sandbox.smtp.host, port: sandbox.smtp.port, secure: false },
        retry: DEFAULT_RETRY,
        sleep: realSleep,
        clock: () => new Date(),
        instagramProfileTtlMs: 60_000,
      },
      surveys: { links: { secret: SURVEY_LINK_SECRET, publicBaseUrl } },
    }),
  });
  const running = worker.run();

  const silent = silentLogger;
  const relay = createOutboxRelay({
    orm,
    databaseUrl,
    search,
    indexPrefix,
    logger: silent,
    maxBackoffMs: 400,
    segments: createSegmentEvaluatorTracker(),
    dispatcher: createDispatcher({ client: env.client, routes: allRoutes, logger: silent, taskQueue }),
  });
  await relay.start();

  const tokens = stackAccessTokens();
  const app = createApp({
    logger: silentAppLogger(),
    em: orm.em,
    tokens,
    searchCustomers: { search: () => Promise.reject(new Error('search is not part of this stack')) } as never,
    reindex: {
      start: () => Promise.reject(new Error('no reindex here')),
      status: () => Promise.resolve(null),
    },
    rescore: {
      start: () => Promise.reject(new Error('no rescore here')),
      status: () => Promise.resolve(null),
    },
    segments: {
      search: {} as never,
      recompute: { start: () => Promise.reject(new Error('no segments here')) },
    },
    campaigns: campaignControl(env.client, taskQueue),
    segmentExports: {
      search,
      indexPrefix,
      exportDir: '/tmp',
      syncMaxRows: 1,
      temporal: env.client,
    },
    readiness: [],
    surveyLinkSecret: SURVEY_LINK_SECRET,
    webhooks: {
      metaAppSecret: sandbox.appSecret,
      metaVerifyToken: 'e2e-verify-token',
      emailSecret: 'e2e-email-secret',
      emailSubjectWindowDays: 30,
    },
  });
  // The API listens, and the sandbox delivers its (signed) WhatsApp webhooks there.
  const server: Server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await control('PATCH', '/settings', { webhookUrls: { whatsapp: `${apiUrl}/api/v1/webhooks/meta` } });

  const makeTenant = stackTenants(orm, tokens);
  /**
   * A tenant with the settings given (e.g. `{ surveys: {...} }`), an e-mail account on the
   * sandbox's SMTP server, and an agent, a manager and an admin.
   */
  const tenant = async (
    settings: Record<string, unknown>,
    { whatsapp = false }: { whatsapp?: boolean } = {},
  ): Promise<StackTenant> => {
    const t = await makeTenant('engagement', { roles: ['agent', 'manager', 'admin'], settings });
    const em = forTenant(orm.em.fork(), t.id);
    em.create(ChannelAccount, {
      tenant: t.id,
      channel: 'email',
      externalAccountId: `support@${t.slug}.test`,
    });
    // The sandbox's WhatsApp number (one tenant per stack may own it).
    if (whatsapp)
      em.create(ChannelAccount, {
        tenant: t.id,
        channel: 'whatsapp',
        externalAccountId: sandbox.accounts.whatsapp.phoneNumberId,
        settings: { wabaId: sandbox.accounts.whatsapp.wabaId },
      });
    await em.flush();
    return t;
  };

  return {
    app,
    env,
    taskQueue,
    sandbox,
    control,
    publicBaseUrl,
    tenant,
    close: async () => {
      server.close();
      await relay.stop();
      worker.shutdown();
      await running;
      await sandbox.close();
      await search.indices.delete({ index: `${indexPrefix}customers` }).catch(() => undefined);
      await search.close();
      await env.teardown();
    },
  };
};
