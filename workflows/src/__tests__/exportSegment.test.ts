import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/common';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker, type WorkflowBundle } from '@temporalio/worker';
import { WorkflowFailedError } from '@temporalio/client';
import type { ExportActivities, ExportSegmentInput } from '../shared/exportActivityTypes';
import { exportSegment } from '../exportSegment';
import { connectToDevServer } from './testEnvironment';

Runtime.install({ logger: new DefaultLogger('ERROR') });

/** Activities that record their calls: the workflow's order of steps is what is under test. */
const recording = (options: { writeFails?: boolean } = {}) => {
  const calls: string[] = [];
  const activities: ExportActivities = {
    async beginSegmentExport() {
      calls.push('begin');
      return { exportId: 'e1' };
    },
    async writeSegmentExportFile() {
      calls.push('write');
      if (options.writeFails) throw ApplicationFailure.nonRetryable('index is gone', 'Broken');
      return { exportId: 'e1', fileName: 'f.csv', rows: 3, bytes: 30 };
    },
    async notifyExportReady() {
      calls.push('notify');
      return { notified: 1 };
    },
    async emailScheduledExport() {
      calls.push('email');
      return { recipients: ['a@x.test'], messageId: '<m>' };
    },
    async failSegmentExport({ reason }) {
      calls.push(`fail:${reason}`);
    },
  };
  return { calls, activities };
};

describe('exportSegment workflow', () => {
  let env: TestWorkflowEnvironment;
  // Bundled once for the file: bundling is most of a worker's start.
  let workflowBundle: WorkflowBundle;
  beforeAll(async () => {
    env = await connectToDevServer();
    workflowBundle = await bundleWorkflowCode({
      workflowsPath: require.resolve('../all'),
      logger: new DefaultLogger('ERROR'),
    });
  }, 60_000);
  afterAll(async () => {
    await env?.teardown();
  });

  const run = async (input: Partial<ExportSegmentInput>, options: { writeFails?: boolean } = {}) => {
    const rec = recording(options);
    const taskQueue = `export-wf-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      namespace: process.env['C360_TEMPORAL_NAMESPACE'] ?? 'c360-test',
      taskQueue,
      workflowBundle,
      activities: rec.activities,
    });
    const result = worker.runUntil(
      env.client.workflow.execute(exportSegment, {
        taskQueue,
        workflowId: `export-test-${randomUUID()}`,
        args: [{ tenantId: 't1', segmentId: 's1', format: 'csv', columns: [], ...input }],
      }),
    );
    return { result, calls: rec.calls };
  };

  it('records, writes, then notifies; e-mails nobody for a run the API started', async () => {
    const { result, calls } = await run({ requestedByUserId: 'u1' });
    expect(await result).toEqual({
      exportId: 'e1',
      fileName: 'f.csv',
      rows: 3,
      bytes: 30,
      notified: 1,
      emailedTo: [],
    });
    expect(calls).toEqual(['begin', 'write', 'notify']);
  }, 60_000);

  it('e-mails the recipients on a scheduled run', async () => {
    const { result, calls } = await run({ scheduleId: 'sch1' });
    expect((await result).emailedTo).toEqual(['a@x.test']);
    expect(calls).toEqual(['begin', 'write', 'notify', 'email']);
  }, 60_000);

  it('marks the export failed, with the reason, and notifies no one when the file cannot be written', async () => {
    const { result, calls } = await run({ scheduleId: 'sch1' }, { writeFails: true });
    await expect(result).rejects.toBeInstanceOf(WorkflowFailedError);
    expect(calls).toEqual(['begin', 'write', 'fail:index is gone']);
  }, 60_000);
});
