import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Runtime, DefaultLogger, Worker } from '@temporalio/worker';
import { TASK_QUEUE } from '@c360/domain';
import { createSearchClient, seed, useTestDatabase } from '@c360/store';
import { getReindexStatus, startReindex, workflowsPath } from '@c360/workflows';
import { createActivities } from '../../worker/createActivities';
import { connectToDevServer } from '../../../../workflows/src/__tests__/testEnvironment';

/**
 * The reindex end to end on the real parts: the Temporal dev server (namespace c360-test), a
 * worker with the real activities, PostgreSQL seeded by the demo generator, and OpenSearch.
 */
Runtime.install({ logger: new DefaultLogger('WARN') });

const db = useTestDatabase();
const search = createSearchClient(process.env['C360_OPENSEARCH_URL'] ?? 'http://127.0.0.1:9200');
const indexPrefix = `${process.env['C360_INDEX_PREFIX'] ?? 'c360-test-'}reindex-${randomUUID().slice(0, 8)}-`;
const index = `${indexPrefix}customers`;
let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await connectToDevServer();
}, 60_000);

afterAll(async () => {
  await search.indices.delete({ index }).catch(() => undefined);
  await search.close();
  await env?.teardown();
});

const tenantCount = async (tenantId: string): Promise<number> => {
  await search.indices.refresh({ index });
  const r = await search.count({ index, body: { query: { term: { tenantId } } } });
  return r.body.count;
};

it('rebuilds a tenant from PostgreSQL as a workflow that ops can find by TenantId', async () => {
  await seed({ orm: db.orm, customersPerTenant: 60, seed: 7, now: new Date('2026-06-01T00:00:00Z') });
  const tenants = await db.orm.em
    .fork()
    .getConnection()
    .execute<
      { id: string; n: string }[]
    >('select t.id, count(c.id) as n from tenant t join customer c on c.tenant_id = t.id group by t.id order by t.id');
  const [target, other] = tenants;
  expect(target && other).toBeTruthy();

  const taskQueue = `${TASK_QUEUE}-${randomUUID().slice(0, 8)}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: process.env['C360_TEMPORAL_NAMESPACE'] ?? 'c360-test',
    taskQueue,
    workflowsPath,
    activities: createActivities({
      orm: db.orm,
      search,
      indexPrefix,
    }),
  });

  await worker.runUntil(async () => {
    const first = await startReindex(env.client, {
      tenantId: target!.id,
      requestId: randomUUID(),
      batchSize: 25,
      taskQueue,
    });
    await env.client.workflow.getHandle(first.workflowId).result();
    expect(await tenantCount(target!.id)).toBe(Number(target!.n));
    expect(await tenantCount(other!.id)).toBe(0);

    // A document of a customer that no longer exists: the next run must remove it: it is removed, the real documents stay.
    await search.index({
      index,
      id: 'ghost-doc',
      refresh: true,
      body: {
        tenantId: target!.id,
        customerId: 'ghost-doc',
        firstName: 'Ghost',
        lastName: 'Customer',
        fullName: 'Ghost Customer',
        indexedAt: '2020-01-01T00:00:00.000Z',
      },
    });
    const second = await startReindex(env.client, {
      tenantId: target!.id,
      requestId: randomUUID(),
      batchSize: 25,
      taskQueue,
    });
    await env.client.workflow.getHandle(second.workflowId).result();
    const status = await getReindexStatus(env.client, target!.id, second.workflowId);
    expect(status?.status).toBe('COMPLETED');
    expect(status?.progress).toMatchObject({
      phase: 'done',
      total: Number(target!.n),
      indexed: Number(target!.n),
      removed: 1,
    });
    expect(await tenantCount(target!.id)).toBe(Number(target!.n));
    // Another tenant cannot read this tenant's run.
    expect(await getReindexStatus(env.client, other!.id, second.workflowId)).toBeNull();

    // Ops find the runs in Temporal UI by tenant and kind (visibility is eventually consistent).
    const query = `TenantId = "${target!.id}" AND WorkflowKind = "reindex"`;
    // The seed is fixed, so earlier test runs' workflows of the same tenant id are listed too.
    const wanted = [first.workflowId, second.workflowId];
    let found: string[] = [];
    for (let i = 0; i < 50 && !wanted.every((id) => found.includes(id)); i += 1) {
      if (i > 0) await new Promise((r) => setTimeout(r, 200));
      found = [];
      for await (const wf of env.client.workflow.list({ query })) found.push(wf.workflowId);
    }
    expect(found).toEqual(expect.arrayContaining(wanted));
  });
}, 120_000);
