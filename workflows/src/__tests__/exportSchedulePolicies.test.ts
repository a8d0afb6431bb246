import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection, type ScheduleDescription } from '@temporalio/client';
import { workflowIds } from '@c360/domain';
import { createExportSchedule, type ExportScheduleSpec } from '../client/segmentExports';
import { startPrivateDevServer, type PrivateDevServer } from './testEnvironment';

/**
 * The overlap policy and the catch-up window of report schedules, exercised by Temporal's own
 * scheduler (not by a backfill asked for by hand): what a tick does while the previous run still
 * goes, and which ticks missed while Temporal itself was down are run when it comes back.
 *
 * No worker polls the task queue these schedules start on, so every run they start stays running:
 * a run that never ends is the simplest overlapping run there is, and what is counted is the
 * scheduler's decisions. The seven-field cron (seconds first) ticks every few seconds; the API
 * only takes five fields, the schedule itself is the same.
 */

const spec = (
  tenantId: string,
  taskQueue: string,
  overrides: Partial<ExportScheduleSpec>,
): ExportScheduleSpec => ({
  tenantId,
  scheduleId: randomUUID(),
  template: 'csat',
  params: {},
  formats: ['csv'],
  ownerUserId: null,
  cron: '*/2 * * * * * *',
  timeZone: 'UTC',
  overlap: 'SKIP',
  catchupWindowSeconds: 600,
  taskQueue,
  ...overrides,
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const waitFor = async (
  describe: () => Promise<ScheduleDescription>,
  ready: (d: ScheduleDescription) => boolean,
  what: string,
  timeoutMs = 60_000,
): Promise<ScheduleDescription> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const d = await describe();
    if (ready(d)) return d;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(d.info)}`);
    await sleep(500);
  }
};

/** Deletes the schedules and terminates the runs they left running. */
const cleanUp = async (client: Client, scheduleIds: string[]): Promise<void> => {
  for (const id of scheduleIds) {
    const handle = client.schedule.getHandle(id);
    const described = await handle.describe().catch(() => null);
    await handle.delete().catch(() => undefined);
    for (const action of described?.info.recentActions ?? [])
      await client.workflow
        .getHandle(action.action.workflow.workflowId)
        .terminate('test over')
        .catch(() => undefined);
  }
};

describe('report schedules under Temporal’s scheduler', () => {
  it('applies the overlap policy to ticks that come while a run still goes', async () => {
    const connection = await Connection.connect({
      address: process.env['C360_TEMPORAL_ADDRESS'] ?? '127.0.0.1:7233',
    });
    const client = new Client({
      connection,
      namespace: process.env['C360_TEMPORAL_NAMESPACE'] ?? 'c360-test',
    });
    const tenantId = randomUUID();
    const taskQueue = `no-worker-${randomUUID()}`;
    const specs = {
      skip: spec(tenantId, taskQueue, { overlap: 'SKIP' }),
      bufferOne: spec(tenantId, taskQueue, { overlap: 'BUFFER_ONE' }),
      allowAll: spec(tenantId, taskQueue, { overlap: 'ALLOW_ALL' }),
    };
    const ids = Object.values(specs).map((s) => workflowIds.exportSchedule(s.tenantId, s.scheduleId));
    try {
      for (const s of Object.values(specs)) await createExportSchedule(client, s);
      const describe = (s: ExportScheduleSpec) => () =>
        client.schedule.getHandle(workflowIds.exportSchedule(s.tenantId, s.scheduleId)).describe();
      // Four ticks or more after the first run started.
      await waitFor(describe(specs.allowAll), (d) => d.info.numActionsTaken >= 4, 'four ticks');
      const [skip, bufferOne, allowAll] = [
        await describe(specs.skip)(),
        await describe(specs.bufferOne)(),
        await describe(specs.allowAll)(),
      ];

      // SKIP: one run, every later tick dropped.
      expect(skip.info.numActionsTaken).toBe(1);
      expect(skip.info.runningActions).toHaveLength(1);
      expect(skip.info.numActionsSkippedOverlap).toBeGreaterThanOrEqual(2);
      // BUFFER_ONE: one run, one tick kept for when it ends, the rest dropped.
      expect(bufferOne.info.numActionsTaken).toBe(1);
      expect(bufferOne.info.runningActions).toHaveLength(1);
      expect(bufferOne.info.numActionsSkippedOverlap).toBeGreaterThanOrEqual(1);
      // ALLOW_ALL: a run per tick, side by side.
      expect(allowAll.info.numActionsSkippedOverlap).toBe(0);
      // (the scheduler does not follow runs it never has to wait for: ask each run itself)
      const statuses = await Promise.all(
        allowAll.info.recentActions.map(
          async (a) => (await client.workflow.getHandle(a.action.workflow.workflowId).describe()).status.name,
        ),
      );
      expect(statuses).toHaveLength(allowAll.info.numActionsTaken);
      expect(new Set(statuses)).toEqual(new Set(['RUNNING']));

      // When the running run ends, BUFFER_ONE starts the tick it kept; SKIP starts nothing until
      // its next tick.
      const running = bufferOne.info.runningActions[0]!.workflow.workflowId;
      await client.workflow.getHandle(running).terminate('end the first run');
      const after = await waitFor(
        describe(specs.bufferOne),
        (d) => d.info.numActionsTaken >= 2,
        'the buffered tick to start',
        20_000,
      );
      expect(after.info.runningActions).toHaveLength(1);
      expect(after.info.runningActions[0]!.workflow.workflowId).not.toBe(running);
    } finally {
      await cleanUp(client, ids);
      await connection.close();
    }
  });

  describe('after an outage of Temporal itself', () => {
    let server: PrivateDevServer;
    let dir: string;

    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'c360-outage-'));
      server = await startPrivateDevServer(path.join(dir, 'temporal.db'));
    });

    afterAll(async () => {
      await server?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('runs the ticks missed within the catch-up window and drops the older ones', async () => {
      const connect = async () => {
        const connection = await Connection.connect({ address: server.address });
        return { connection, client: new Client({ connection, namespace: server.namespace }) };
      };
      const tenantId = randomUUID();
      const taskQueue = `no-worker-${randomUUID()}`;
      // ALLOW_ALL, so every tick that is caught up starts a run of its own and is counted.
      const long = spec(tenantId, taskQueue, { overlap: 'ALLOW_ALL', cron: '*/3 * * * * * *' });
      // Temporal's smallest catch-up window is 10 s.
      const short = spec(tenantId, taskQueue, {
        overlap: 'ALLOW_ALL',
        cron: '*/3 * * * * * *',
        catchupWindowSeconds: 10,
      });
      const idOf = (s: ExportScheduleSpec) => workflowIds.exportSchedule(s.tenantId, s.scheduleId);

      let { connection, client } = await connect();
      await createExportSchedule(client, long);
      await createExportSchedule(client, short);
      await waitFor(
        () => client.schedule.getHandle(idOf(long)).describe(),
        (d) => d.info.numActionsTaken >= 1,
        'the first tick',
      );
      await connection.close();

      const downAt = new Date();
      await server.stop();
      await sleep(25_000); // about eight ticks, most older than the short window when it returns
      await server.start();
      const upAt = new Date();

      ({ connection, client } = await connect());
      try {
        const missedDuring = (d: ScheduleDescription) =>
          d.info.recentActions.filter((a) => a.scheduledAt > downAt && a.scheduledAt < upAt);
        const longAfter = await waitFor(
          () => client.schedule.getHandle(idOf(long)).describe(),
          (d) => missedDuring(d).length >= 6,
          'the missed ticks to be caught up',
        );
        // Every tick of the outage was run, after Temporal came back, late but within the window.
        for (const action of missedDuring(longAfter)) {
          expect(action.takenAt.getTime()).toBeGreaterThanOrEqual(upAt.getTime() - 1_000);
          expect(action.takenAt.getTime() - action.scheduledAt.getTime()).toBeLessThan(600_000);
        }
        expect(longAfter.info.numActionsMissedCatchupWindow).toBe(0);

        // The short window ran only the ticks younger than 10 s when Temporal came back.
        const shortAfter = await waitFor(
          () => client.schedule.getHandle(idOf(short)).describe(),
          (d) => d.info.numActionsMissedCatchupWindow > 0,
          'the short window to drop the older ticks',
        );
        expect(shortAfter.info.numActionsMissedCatchupWindow).toBeGreaterThanOrEqual(3);
        for (const action of missedDuring(shortAfter))
          expect(action.takenAt.getTime() - action.scheduledAt.getTime()).toBeLessThanOrEqual(10_000 + 2_000);
        expect(missedDuring(shortAfter).length).toBeLessThan(missedDuring(longAfter).length);
      } finally {
        await cleanUp(client, [idOf(long), idOf(short)]);
        await connection.close();
      }
    });
  });
});
