import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Express } from 'express';
import request from 'supertest';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Role } from '@c360/domain';
import {
  createSearchClient,
  createTestDatabase,
  customerIndexName,
  forTenant,
  hashPassword,
  Segment,
  Tenant,
  User,
  type SearchClient,
} from '@c360/store';
import {
  campaignControl,
  getReindexStatus,
  getRescoreStatus,
  startReindex,
  startRescore,
  startSegmentRecompute,
} from '@c360/workflows';
import { createApp } from '../../app';
import type { AppDeps } from '../../AppDeps';
import { createAccessTokens, type AccessTokens } from '../../auth/accessTokens';
import type { LoginThrottleSettings } from '../../auth/loginThrottle';
import { openSearchCustomers } from '../../customers/openSearchCustomers';
import { readinessChecks } from '../../health/readinessChecks';
import { createLogger } from '../../http/httpLogger';
import { openSearchSegments } from '../../segments/openSearchSegments';

export const PASSWORD = 'correct horse battery staple';
export const JWT_SECRET = 'test-only-secret-for-api-tests-0123456789abcdef';

export const env = {
  databaseUrl: process.env['C360_DATABASE_URL'] ?? 'postgres://c360:c360@127.0.0.1:55432/c360_test',
  opensearchUrl: process.env['C360_OPENSEARCH_URL'] ?? 'http://127.0.0.1:9200',
  indexPrefix: process.env['C360_INDEX_PREFIX'] ?? 'c360-test-',
  temporalAddress: process.env['C360_TEMPORAL_ADDRESS'] ?? '127.0.0.1:7233',
  temporalNamespace: process.env['C360_TEMPORAL_NAMESPACE'] ?? 'c360-test',
};

export type TenantFixture = {
  id: string;
  slug: string;
  users: Record<Role, { id: string; email: string }>;
};

export type TestContext = {
  app: Express;
  /** Another app on the same real dependencies, some replaced. */
  appWith: (overrides: Partial<AppDeps>) => Express;
  temporalConnection: Connection;
  orm: MikroORM;
  tokens: AccessTokens;
  search: SearchClient;
  /** The customers index of this test file (a prefix of its own, dropped at the end). */
  index: string;
  /** The index prefix of this test file. */
  prefix: string;
  indexPrefix: string;
  /** This test file's export folder and Temporal task queue (for a worker of its own). */
  exportDir: string;
  taskQueue: string;
  temporal: TemporalClient;
  a: TenantFixture;
  b: TenantFixture;
  /** Every log line the app wrote, parsed. */
  logs: Record<string, unknown>[];
  /** An access token for a user of a fixture tenant. */
  token: (tenant: TenantFixture, role: Role) => Promise<string>;
  /** A saved segment of a fixture tenant, written straight to the database; its id. */
  saveSegment: (tenant: TenantFixture, name: string, definition?: Record<string, unknown>) => Promise<string>;
  /**
   * Terminates workflows this file started and left running (no worker polls its queue): these ids,
   * or without ids every workflow still running on the file's task queue.
   */
  endWorkflows: (ids?: Iterable<string>) => Promise<void>;
  close: () => Promise<void>;
};

const ALL_ROLES: Role[] = ['agent', 'marketer', 'manager', 'admin', 'ops'];

// One slow hash per test file: every fixture user shares it.
let sharedHash: Promise<string> | undefined;

/** Two tenants with one user per role, under fresh slugs, so test files never share rows. */
export const createTenantFixture = async (orm: MikroORM, label: string): Promise<TenantFixture> => {
  const passwordHash = await (sharedHash ??= hashPassword(PASSWORD));
  const slug = `${label}-${randomUUID().slice(0, 8)}`;
  const em = orm.em.fork();
  const tenant = em.create(Tenant, { name: `Tenant ${slug}`, slug, timeZone: 'Europe/Paris' });
  await em.flush();
  const scoped = forTenant(em, tenant.id);
  const users = {} as TenantFixture['users'];
  for (const role of ALL_ROLES) {
    const email = `${role}@${slug}.test`;
    const user = scoped.create(User, {
      tenant: tenant.id,
      email,
      name: `${role} of ${slug}`,
      passwordHash,
      roles: [role],
    });
    users[role] = { id: user.id, email };
  }
  await scoped.flush();
  return { id: tenant.id, slug, users };
};

export type TestContextOptions = {
  loginThrottle?: LoginThrottleSettings;
  readiness?: AppDeps['readiness'];
  /** Largest export streamed in the request (default 100,000). */
  exportSyncMaxRows?: number;
};

/** The app on the real test database, OpenSearch and Temporal, with two fresh tenants. */
export const openTestContext = async (
  label: string,
  options: TestContextOptions = {},
): Promise<TestContext> => {
  const database = await createTestDatabase(env.databaseUrl);
  const { orm } = database;
  const search = createSearchClient(env.opensearchUrl);
  const prefix = `${env.indexPrefix}api-${label}-${randomUUID().slice(0, 8)}-`;
  const index = customerIndexName(prefix);
  const temporalConnection = Connection.lazy({ address: env.temporalAddress });
  const temporal = new TemporalClient({ connection: temporalConnection, namespace: env.temporalNamespace });
  const tokens = createAccessTokens({ secret: JWT_SECRET, ttlSeconds: 600 });
  const exportDir = mkdtempSync(path.join(tmpdir(), `c360-exports-${label}-`));
  const taskQueue = `c360-test-${label}-${randomUUID().slice(0, 8)}`;
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logger = createLogger({ level: 'info', destination: sink });

  const deps: AppDeps = {
    logger,
    em: orm.em,
    tokens,
    searchCustomers: openSearchCustomers(search, prefix),
    reindex: {
      start: (input) => startReindex(temporal, input),
      status: (tenantId, workflowId) => getReindexStatus(temporal, tenantId, workflowId),
    },
    rescore: {
      start: (input) => startRescore(temporal, input),
      status: (tenantId, workflowId) => getRescoreStatus(temporal, tenantId, workflowId),
    },
    segments: {
      search: openSearchSegments(search, prefix),
      recompute: { start: (input) => startSegmentRecompute(temporal, input) },
    },
    campaigns: campaignControl(temporal, taskQueue),
    segmentExports: {
      search,
      indexPrefix: prefix,
      exportDir,
      syncMaxRows: options.exportSyncMaxRows ?? 100_000,
      temporal,
      taskQueue,
    },
    readiness:
      options.readiness ??
      readinessChecks({
        orm,
        search,
        temporal: temporalConnection,
        temporalNamespace: env.temporalNamespace,
      }),
    ...(options.loginThrottle ? { loginThrottle: options.loginThrottle } : {}),
  };
  const app = createApp(deps);

  const [a, b] = await Promise.all([
    createTenantFixture(orm, `${label}-a`),
    createTenantFixture(orm, `${label}-b`),
  ]);
  const cache = new Map<string, string>();
  return {
    app,
    appWith: (overrides) => createApp({ ...deps, ...overrides }),
    temporalConnection,
    orm,
    tokens,
    search,
    index,
    prefix,
    indexPrefix: prefix,
    exportDir,
    taskQueue,
    temporal,
    a,
    b,
    logs,
    token: async (tenant, role) => {
      const key = `${tenant.id}:${role}`;
      const cached = cache.get(key);
      if (cached) return cached;
      const { token } = await tokens.issue(
        { userId: tenant.users[role].id, tenantId: tenant.id, roles: [role] },
        new Date(),
      );
      cache.set(key, token);
      return token;
    },
    saveSegment: async (tenant, name, definition = { field: 'vip', op: 'isTrue' }) => {
      const em = forTenant(orm.em.fork(), tenant.id);
      const segment = em.create(Segment, { tenant: tenant.id, name, definition });
      await em.flush();
      return segment.id;
    },
    endWorkflows: async (ids) => {
      const targets: string[] = ids ? [...ids] : [];
      if (!ids)
        for await (const w of temporal.workflow.list({
          query: `TaskQueue = '${taskQueue}' AND ExecutionStatus = 'Running'`,
        }))
          targets.push(w.workflowId);
      for (const id of targets)
        await temporal.workflow
          .getHandle(id)
          .terminate('test over')
          .catch(() => undefined);
    },
    close: async () => {
      await search.indices.delete({ index, ignore_unavailable: true }).catch(() => undefined);
      await search.indices
        .delete({ index: `${prefix}segments-percolator`, ignore_unavailable: true })
        .catch(() => undefined);
      await search.close();
      await temporalConnection.close();
      await database.drop();
      rmSync(exportDir, { recursive: true, force: true });
    },
  };
};

/** Creates a customer through the API and returns its body. */
export const createCustomer = async (
  ctx: TestContext,
  tenant: TenantFixture,
  body: Record<string, unknown> = {},
): Promise<Record<string, unknown> & { id: string }> => {
  const res = await request(ctx.app)
    .post('/api/v1/customers')
    .set('Authorization', `Bearer ${await ctx.token(tenant, 'agent')}`)
    .send({
      firstName: 'Ada',
      lastName: 'Lovelace',
      emails: [`ada.${randomUUID().slice(0, 6)}@example.com`],
      ...body,
    });
  if (res.status !== 201)
    throw new Error(`creating a customer failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown> & { id: string };
};
