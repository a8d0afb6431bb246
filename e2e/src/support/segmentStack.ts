import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { randomUUID } from 'node:crypto';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Role } from '@c360/domain';
import {
  createActivities,
  createOutboxRelay,
  createSegmentEvaluatorTracker,
  createSegmentMembershipTracker,
  type OutboxRelay,
  type SegmentMembershipTracker,
} from '@c360/activities';
import { createApp, openSearchCustomers, openSearchSegments } from '@c360/api';
import { createSearchClient, cuttableProxy, type SearchClient } from '@c360/store';
import { campaignControl, startSegmentRecompute, workflowsPath } from '@c360/workflows';
import { connectToDevServer } from '../../../workflows/src/__tests__/testEnvironment';
import {
  silentAppLogger,
  silentLogger,
  stackAccessTokens,
  stackTenants,
  type StackTenant,
} from './stackTenants';

export type SegmentMatcher = 'percolator' | 'evaluator';

export type { StackTenant };

const ROLES: Role[] = ['agent', 'marketer', 'manager', 'admin', 'ops'];

/**
 * The whole segment path on the real services: the API app, the outbox relay with real-time
 * membership, and a Temporal worker with every activity on a task queue of its own. The relay
 * and the API reach OpenSearch through a proxy the test can cut; the worker goes direct.
 */
export const openSegmentStack = async (
  orm: MikroORM,
  databaseUrl: string,
  // indexPrefix: an existing customers index to write into (a bench on a large data set); it is
  // left in place at close. By default the stack has indices of its own, deleted at close.
  options: { indexPrefix?: string } = {},
) => {
  // The reconciliation's drift report is a warning; tests provoke it on purpose.
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const opensearchUrl = new URL(process.env['C360_OPENSEARCH_URL'] ?? 'http://127.0.0.1:9200');
  const indexPrefix =
    options.indexPrefix ??
    `${process.env['C360_INDEX_PREFIX'] ?? 'c360-test-'}e2e-${randomUUID().slice(0, 8)}-`;
  const owned = options.indexPrefix
    ? [`${indexPrefix}segments-percolator`]
    : [`${indexPrefix}customers`, `${indexPrefix}segments-percolator`];
  const direct = createSearchClient(opensearchUrl.toString());
  const proxy = cuttableProxy(Number(opensearchUrl.port || 9200));
  await proxy.open();
  const viaProxy: SearchClient = createSearchClient(proxy.url());

  const env = await connectToDevServer();
  const taskQueue = `e2e-segments-${randomUUID().slice(0, 8)}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: process.env['C360_TEMPORAL_NAMESPACE'] ?? 'c360-test',
    taskQueue,
    workflowsPath,
    activities: createActivities({ orm, search: direct, indexPrefix }),
  });
  const running = worker.run();

  const silent = silentLogger;
  // Both ways of finding a changed customer's segments; a test picks one (the worker's C360_SEGMENT_MATCHER).
  const matchers: Record<SegmentMatcher, SegmentMembershipTracker> = {
    percolator: createSegmentMembershipTracker({ search: viaProxy, indexPrefix }),
    evaluator: createSegmentEvaluatorTracker(),
  };
  let matcher: SegmentMatcher = 'evaluator';
  const relay: OutboxRelay = createOutboxRelay({
    orm,
    databaseUrl,
    search: viaProxy,
    indexPrefix,
    logger: silent,
    maxBackoffMs: 400,
    segments: { afterCustomerDocuments: (...args) => matchers[matcher].afterCustomerDocuments(...args) },
  });
  await relay.start();

  const tokens = stackAccessTokens();
  const app = createApp({
    logger: silentAppLogger(),
    em: orm.em,
    tokens,
    searchCustomers: openSearchCustomers(viaProxy, indexPrefix),
    reindex: {
      start: () => Promise.reject(new Error('reindex is not part of this stack')),
      status: () => Promise.resolve(null),
    },
    segments: {
      search: openSearchSegments(viaProxy, indexPrefix),
      recompute: { start: (input) => startSegmentRecompute(env.client, { ...input, taskQueue }) },
    },
    rescore: {
      start: () => Promise.reject(new Error('rescore is not part of this stack')),
      status: () => Promise.resolve(null),
    },
    campaigns: campaignControl(env.client, taskQueue),
    segmentExports: {
      search: viaProxy,
      indexPrefix,
      exportDir: join(tmpdir(), `c360-e2e-exports-${process.pid}`),
      syncMaxRows: 100_000,
      temporal: env.client,
    },
    readiness: [],
  });

  const makeTenant = stackTenants(orm, tokens);
  const tenant = (label: string): Promise<StackTenant> => makeTenant(label, { roles: ROLES });

  return {
    app,
    relay,
    proxy,
    direct,
    env,
    taskQueue,
    indexPrefix,
    tenant,
    useMatcher: (choice: SegmentMatcher) => {
      matcher = choice;
    },
    close: async () => {
      await relay.stop();
      worker.shutdown();
      await running;
      await proxy.cut();
      await viaProxy.close();
      for (const index of owned) await direct.indices.delete({ index }).catch(() => undefined);
      await direct.close();
      await env.teardown();
    },
  };
};

export type SegmentStack = Awaited<ReturnType<typeof openSegmentStack>>;
