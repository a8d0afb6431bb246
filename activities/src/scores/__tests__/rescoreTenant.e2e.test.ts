import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Runtime, DefaultLogger, Worker } from '@temporalio/worker';
import { TASK_QUEUE } from '@c360/domain';
import { createSearchClient, seed, useTestDatabase } from '@c360/store';
import { getRescoreStatus, startRescore, workflowsPath } from '@c360/workflows';
import { createActivities } from '../../worker/createActivities';
import { createScoreActivities } from '../createScoreActivities';
import { connectToDevServer } from '../../../../workflows/src/__tests__/testEnvironment';

/**
 * The full rescore of a tenant on the real parts: the Temporal dev server (namespace c360-test),
 * a worker with the real activities, PostgreSQL seeded by the demo generator, and OpenSearch.
 */
Runtime.install({ logger: new DefaultLogger('WARN') });

const NOW = new Date('2026-06-01T00:00:00Z');
const db = useTestDatabase();
const search = createSearchClient(process.env['C360_OPENSEARCH_URL'] ?? 'http://127.0.0.1:9200');
const indexPrefix = `${process.env['C360_INDEX_PREFIX'] ?? 'c360-test-'}rescore-${randomUUID().slice(0, 8)}-`;
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

const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> =>
  db.orm.em.fork().getConnection().execute<T[]>(query, params);

const scoredCount = async (tenantId: string): Promise<number> => {
  const [row] = await sql<{ n: string }>(
    `select count(*) as n from customer where tenant_id = ? and scores ->> 'version' = '1'`,
    [tenantId],
  );
  return Number(row?.n);
};

const scoreEventCount = async (tenantId: string): Promise<number> => {
  const [row] = await sql<{ n: string }>(
    `select count(*) as n from outbox_event where tenant_id = ? and type in
       ('customer.health_score_updated', 'customer.vip_detected', 'customer.churn_risk_high')`,
    [tenantId],
  );
  return Number(row?.n);
};

it('rescores a seeded tenant as a workflow: model first, every customer stored and indexed, events once, nothing on a rerun', async () => {
  await seed({ orm: db.orm, customersPerTenant: 60, seed: 11, now: NOW });
  const tenants = await sql<{ id: string; n: string }>(
    'select t.id, count(c.id) as n from tenant t join customer c on c.tenant_id = t.id group by t.id order by t.id',
  );
  const [target, other] = tenants;
  const total = Number(target!.n);

  const taskQueue = `${TASK_QUEUE}-${randomUUID().slice(0, 8)}`;
  const deps = { orm: db.orm, search, indexPrefix };
  const worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: process.env['C360_TEMPORAL_NAMESPACE'] ?? 'c360-test',
    taskQueue,
    workflowsPath,
    activities: { ...createActivities(deps), ...createScoreActivities({ ...deps, clock: () => NOW }) },
  });

  await worker.runUntil(async () => {
    const first = await startRescore(env.client, {
      tenantId: target!.id,
      requestId: randomUUID(),
      batchSize: 25,
      taskQueue,
    });
    await env.client.workflow.getHandle(first.workflowId).result();
    const status = await getRescoreStatus(env.client, target!.id, first.workflowId);
    expect(status?.status).toBe('COMPLETED');
    // The seeder's first guesses are not scores: every customer is scored for the first time.
    expect(status?.progress).toMatchObject({ phase: 'done', total, scored: total, changed: total });
    expect(status?.progress?.startedAt).toBe(NOW.toISOString());
    expect(await scoredCount(target!.id)).toBe(total);
    expect(await scoredCount(other!.id)).toBe(0);

    // The tenant-level inputs were computed and cached before the customers.
    const [model] = await sql<{ population: number; model: { rfmThresholds: { recency: number[] } } }>(
      'select population, model from tenant_score_model where tenant_id = ?',
      [target!.id],
    );
    expect(model?.population).toBe(total);
    expect(model?.model.rfmThresholds.recency).toHaveLength(4);

    // Every first score is announced once; VIP and churn events match the stored verdicts.
    const events = await scoreEventCount(target!.id);
    expect(events).toBe(status!.progress!.events);
    const [vip] = await sql<{ n: string }>(
      `select count(*) as n from outbox_event where tenant_id = ? and type = 'customer.vip_detected'`,
      [target!.id],
    );
    const [vipRows] = await sql<{ n: string }>(
      `select count(*) as n from customer where tenant_id = ? and (scores -> 'vip' ->> 'isVip')::boolean and is_vip`,
      [target!.id],
    );
    expect(Number(vip?.n)).toBe(Number(vipRows?.n));
    expect(Number(vipRows?.n)).toBeGreaterThan(0);

    await search.indices.refresh({ index });
    const indexed = await search.count({
      index,
      body: {
        query: {
          bool: {
            filter: [{ term: { tenantId: target!.id } }, { exists: { field: 'scores.health.score' } }],
          },
        },
      },
    });
    expect(indexed.body.count).toBe(total);

    // Unchanged data: a second run stores nothing and raises nothing.
    const second = await startRescore(env.client, {
      tenantId: target!.id,
      requestId: randomUUID(),
      batchSize: 25,
      taskQueue,
    });
    await env.client.workflow.getHandle(second.workflowId).result();
    const again = await getRescoreStatus(env.client, target!.id, second.workflowId);
    expect(again?.progress).toMatchObject({ phase: 'done', scored: total, changed: 0, events: 0 });
    expect(await scoreEventCount(target!.id)).toBe(events);
    expect(await getRescoreStatus(env.client, other!.id, second.workflowId)).toBeNull();

    // Ops find the runs in Temporal UI by tenant and kind (visibility is eventually consistent).
    const query = `TenantId = "${target!.id}" AND WorkflowKind = "rescore"`;
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
