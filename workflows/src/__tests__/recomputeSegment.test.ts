import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import type { SegmentActivities } from '../shared/segmentActivityTypes';
import { recomputeSegment } from '../recomputeSegment';
import { saveHistoryFixture } from './historyFixtures';
import { createTimeSkippingEnv } from './testEnvironment';

/** In-memory walk over a list of matching ids: the workflow's own logic is under test here. */
const fakeWalk = (ids: string[], options: { supersededAtPage?: number } = {}) => {
  const afters: (string | null)[] = [];
  let finished = 0;
  const unused = () => Promise.reject(new Error('not used by recomputeSegment'));
  const activities: SegmentActivities = {
    async beginSegmentWalk() {
      return options.supersededAtPage === 0
        ? { state: 'superseded' }
        : { state: 'ready', definitionVersion: 3, total: ids.length };
    },
    async walkSegmentPage({ after, pageSize }) {
      afters.push(after);
      if (options.supersededAtPage === afters.length) return { state: 'superseded' };
      const start = after === null ? 0 : ids.indexOf(after) + 1;
      const page = ids.slice(start, start + pageSize);
      const done = page.length < pageSize;
      return {
        state: 'ok',
        matched: page.length,
        entered: page.length,
        left: done ? 2 : 0,
        lastId: done ? null : page[page.length - 1]!,
        done,
      };
    },
    async finishSegmentRecompute() {
      finished += 1;
      return { count: ids.length };
    },
    listRelativeSegments: unused,
    sweepSegment: unused,
    listSegmentsBehind: unused,
    listAllSegments: unused,
    reportSegmentReconciliation: unused,
  };
  return { activities, afters, finished: () => finished };
};

Runtime.install({ logger: new DefaultLogger('ERROR') });

describe('recomputeSegment workflow', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  const run = async (fake: ReturnType<typeof fakeWalk>, pageSize: number, fixture?: string) => {
    const taskQueue = `recompute-${randomUUID()}`;
    const workflowId = `segment-recompute-test-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('../all'),
      activities: fake.activities,
    });
    const result = await worker.runUntil(
      env.client.workflow.execute(recomputeSegment, {
        taskQueue,
        workflowId,
        args: [{ tenantId: 't', segmentId: 's', definitionVersion: 3, pageSize }],
      }),
    );
    if (fixture) await saveHistoryFixture(env.client, workflowId, fixture);
    return result;
  };

  it('walks the matches in pages from where the last page ended, then marks the version computed', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `c${String(i).padStart(2, '0')}`);
    const fake = fakeWalk(ids);
    const result = await run(fake, 5, 'recomputeSegment-pages');
    expect(fake.afters).toEqual([null, 'c04', 'c09']);
    expect(result).toMatchObject({ phase: 'done', total: 12, matched: 12, entered: 12, left: 2, pages: 3 });
    expect(fake.finished()).toBe(1);
  });

  it('stops without finishing when a newer definition supersedes it', async () => {
    const early = fakeWalk(['a', 'b'], { supersededAtPage: 0 });
    expect((await run(early, 1)).phase).toBe('superseded');
    expect(early.afters).toEqual([]);
    const midway = fakeWalk(['a', 'b', 'c', 'd'], { supersededAtPage: 2 });
    expect((await run(midway, 1)).phase).toBe('superseded');
    expect(midway.finished()).toBe(0);
  });

  it('continues as new on large segments and carries its progress and position', async () => {
    const ids = Array.from({ length: 450 }, (_, i) => `c${String(i).padStart(4, '0')}`);
    const fake = fakeWalk(ids);
    const result = await run(fake, 2);
    // 226 pages is past the 200 a run may take: the sums only add up if progress was carried.
    expect(result).toMatchObject({ phase: 'done', matched: 450, entered: 450, pages: 226 });
    expect(new Set(fake.afters).size).toBe(fake.afters.length);
  });
});
