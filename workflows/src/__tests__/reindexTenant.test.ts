import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import type { SearchIndexActivities } from '../shared/activityTypes';
import { reindexProgressQuery } from '../shared/queries';
import { reindexTenant } from '../reindexTenant';
import { createTimeSkippingEnv } from './testEnvironment';

/** In-memory activities over a list of ids: the workflow's own logic is what is under test here. */
const fakeIndex = (ids: string[]) => {
  const indexed: string[] = [];
  const calls: { afterId: string | null; limit: number }[] = [];
  const activities: SearchIndexActivities = {
    async beginTenantReindex() {
      return { total: ids.length, startedAt: '2026-01-01T00:00:00.000Z' };
    },
    async reindexCustomerBatch({ afterId, limit }) {
      calls.push({ afterId, limit });
      const start = afterId === null ? 0 : ids.indexOf(afterId) + 1;
      const page = ids.slice(start, start + limit);
      indexed.push(...page);
      return { indexed: page.length, stale: 0, lastId: page.length ? page[page.length - 1]! : null };
    },
    async finishTenantReindex() {
      return { removed: 3 };
    },
  };
  return { activities, indexed, calls };
};

// Workflow failures the tests provoke on purpose would otherwise fill the output.
Runtime.install({ logger: new DefaultLogger('ERROR') });

describe('reindexTenant workflow', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  const run = async (ids: string[], batchSize: number) => {
    const fake = fakeIndex(ids);
    const taskQueue = `reindex-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('../all'),
      activities: fake.activities,
    });
    const result = await worker.runUntil(
      env.client.workflow.execute(reindexTenant, {
        taskQueue,
        workflowId: `reindex-test-${randomUUID()}`,
        args: [{ tenantId: 'tenant-a', batchSize }],
      }),
    );
    return { result, ...fake };
  };

  it('indexes every customer exactly once, in pages, then cleans up', async () => {
    const ids = Array.from({ length: 23 }, (_, i) => `c${String(i).padStart(3, '0')}`);
    const { result, indexed, calls } = await run(ids, 5);
    expect(indexed).toEqual(ids);
    expect(calls.map((c) => c.limit)).toEqual([5, 5, 5, 5, 5, 5]);
    expect(result).toMatchObject({ tenantId: 'tenant-a', phase: 'done', total: 23, indexed: 23, removed: 3 });
  });

  it('continues as new on large tenants and carries its progress across runs', async () => {
    const ids = Array.from({ length: 450 }, (_, i) => `c${String(i).padStart(4, '0')}`);
    const { result, indexed } = await run(ids, 2);
    // 225 pages is past the 200 a run may take: the count only adds up if progress was carried.
    expect(indexed).toEqual(ids);
    expect(result.indexed).toBe(450);
    expect(result.total).toBe(450);
  });

  it('answers its progress query while it runs', async () => {
    const ids = Array.from({ length: 10 }, (_, i) => `c${i}`);
    const fake = fakeIndex(ids);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow: SearchIndexActivities = {
      ...fake.activities,
      async finishTenantReindex(input) {
        await gate;
        return fake.activities.finishTenantReindex(input);
      },
    };
    const taskQueue = `reindex-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('../all'),
      activities: slow,
    });
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(reindexTenant, {
        taskQueue,
        workflowId: `reindex-test-${randomUUID()}`,
        args: [{ tenantId: 'tenant-b', batchSize: 4 }],
      });
      let progress = await handle.query(reindexProgressQuery);
      while (progress.phase !== 'cleaning') {
        await new Promise((r) => setTimeout(r, 50));
        progress = await handle.query(reindexProgressQuery);
      }
      expect(progress).toMatchObject({ phase: 'cleaning', indexed: 10, total: 10 });
      release();
      expect((await handle.result()).phase).toBe('done');
    });
  });

  it('refuses to start without a tenant', async () => {
    const fake = fakeIndex([]);
    const taskQueue = `reindex-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('../all'),
      activities: fake.activities,
    });
    await expect(
      worker.runUntil(
        env.client.workflow.execute(reindexTenant, {
          taskQueue,
          workflowId: `reindex-test-${randomUUID()}`,
          args: [{ tenantId: '' }],
        }),
      ),
    ).rejects.toThrow();
    expect(fake.calls).toHaveLength(0);
  });
});
