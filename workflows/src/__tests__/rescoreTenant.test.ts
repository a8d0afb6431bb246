import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import type { ScoreActivities } from '../shared/scoreActivityTypes';
import { rescoreProgressQuery } from '../shared/rescoreQueries';
import { rescoreTenant } from '../rescoreTenant';
import { createTimeSkippingEnv } from './testEnvironment';

/** In-memory activities over a list of ids: the workflow's own logic is what is under test here. */
const fakeScores = (ids: string[], gate?: Promise<void>) => {
  const order: string[] = [];
  const scored: string[] = [];
  const activities: ScoreActivities = {
    async beginTenantRescore() {
      order.push('model');
      return {
        total: ids.length,
        startedAt: '2026-01-01T00:00:00.000Z',
        population: ids.length,
        churnModelSource: 'default',
      };
    },
    async rescoreCustomerBatch({ afterId, limit }) {
      await gate;
      order.push('batch');
      const start = afterId === null ? 0 : ids.indexOf(afterId) + 1;
      const page = ids.slice(start, start + limit);
      scored.push(...page);
      // Every other customer's scores moved; each change raises one event.
      const changed = page.filter((_, i) => i % 2 === 0).length;
      return {
        scored: page.length,
        changed,
        events: changed,
        indexed: changed,
        lastId: page.length ? page[page.length - 1]! : null,
      };
    },
  };
  return { activities, order, scored };
};

Runtime.install({ logger: new DefaultLogger('ERROR') });

describe('rescoreTenant workflow', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  const worker = (activities: ScoreActivities, taskQueue: string) =>
    Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('../all'),
      activities,
    });

  it('computes the tenant model first, then scores every customer once, and continues as new on large tenants', async () => {
    const ids = Array.from({ length: 410 }, (_, i) => `c${String(i).padStart(4, '0')}`);
    const fake = fakeScores(ids);
    const taskQueue = `rescore-${randomUUID()}`;
    const result = await (
      await worker(fake.activities, taskQueue)
    ).runUntil(
      env.client.workflow.execute(rescoreTenant, {
        taskQueue,
        workflowId: `rescore-test-${randomUUID()}`,
        args: [{ tenantId: 'tenant-a', batchSize: 2 }],
      }),
    );
    // 205 pages are past the 200 a run may take: the counts only add up if progress was carried.
    expect(fake.order[0]).toBe('model');
    expect(fake.order.filter((o) => o === 'model')).toHaveLength(1);
    expect(fake.scored).toEqual(ids);
    expect(result).toMatchObject({
      tenantId: 'tenant-a',
      phase: 'done',
      total: 410,
      scored: 410,
      changed: 205,
      events: 205,
      churnModelSource: 'default',
    });
  }, 60_000);

  it('answers its progress query while it runs, and refuses to start without a tenant', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const fake = fakeScores(['a', 'b', 'c'], gate);
    const taskQueue = `rescore-${randomUUID()}`;
    await (
      await worker(fake.activities, taskQueue)
    ).runUntil(async () => {
      const handle = await env.client.workflow.start(rescoreTenant, {
        taskQueue,
        workflowId: `rescore-test-${randomUUID()}`,
        args: [{ tenantId: 'tenant-b', batchSize: 2 }],
      });
      let progress = await handle.query(rescoreProgressQuery);
      while (progress.phase !== 'scoring') {
        await new Promise((r) => setTimeout(r, 50));
        progress = await handle.query(rescoreProgressQuery);
      }
      expect(progress).toMatchObject({ phase: 'scoring', total: 3, scored: 0 });
      release();
      expect(await handle.result()).toMatchObject({ phase: 'done', scored: 3, changed: 2 });

      await expect(
        env.client.workflow.execute(rescoreTenant, {
          taskQueue,
          workflowId: `rescore-test-${randomUUID()}`,
          args: [{ tenantId: '' }],
        }),
      ).rejects.toThrow();
    });
  }, 60_000);
});
