import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/common';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker, type WorkflowBundle } from '@temporalio/worker';
import { WorkflowFailedError } from '@temporalio/client';
import type { ExportReportInput, ReportActivities } from '../shared/reportActivityTypes';
import { exportReport } from '../exportReport';
import { saveHistoryFixture } from './historyFixtures';
import { connectToDevServer } from './testEnvironment';

Runtime.install({ logger: new DefaultLogger('ERROR') });

/** Activities that record their calls: the workflow's order of steps is what is under test. */
const recording = (options: { failFormat?: string } = {}) => {
  const calls: string[] = [];
  const formatOf = (exportId: string) => exportId.replace(/^e-/, '');
  const activities: ReportActivities = {
    async beginReportExport({ formats }) {
      calls.push(`begin:${formats.join(',')}`);
      return { exportIds: formats.map((f) => `e-${f}`) };
    },
    async writeReportFile({ exportId }) {
      calls.push(`write:${formatOf(exportId)}`);
      if (formatOf(exportId) === options.failFormat)
        throw ApplicationFailure.nonRetryable('the index is gone', 'Broken');
      return {
        exportId,
        format: formatOf(exportId),
        fileName: `r.${formatOf(exportId)}`,
        rows: 4,
        bytes: 40,
      };
    },
    async notifyExportReady({ exportId }) {
      calls.push(`notify:${formatOf(exportId)}`);
      return { notified: 1 };
    },
    async emailReportRun({ exportIds }) {
      calls.push(`email:${exportIds.map(formatOf).join(',')}`);
      return { recipients: ['boss@x.test'], messageId: '<m>' };
    },
    async failSegmentExport({ exportId, reason }) {
      calls.push(`fail:${formatOf(exportId)}:${reason}`);
    },
  };
  return { calls, activities };
};

describe('exportReport workflow', () => {
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

  const run = async (input: Partial<ExportReportInput>, options: { failFormat?: string } = {}) => {
    const rec = recording(options);
    const taskQueue = `report-wf-${randomUUID()}`;
    const workflowId = `report-test-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      namespace: process.env['C360_TEMPORAL_NAMESPACE'] ?? 'c360-test',
      taskQueue,
      workflowBundle,
      activities: rec.activities,
    });
    const result = worker.runUntil(
      env.client.workflow.execute(exportReport, {
        taskQueue,
        workflowId,
        args: [
          { tenantId: 't1', template: 'csat', params: { rangeDays: 7 }, formats: ['csv', 'pdf'], ...input },
        ],
      }),
    );
    return { result, calls: rec.calls, workflowId };
  };

  it('writes every format, announces each file, and mails them together on a scheduled run', async () => {
    const { result, calls, workflowId } = await run({ scheduleId: 'sch1' });
    expect(await result).toMatchObject({
      exportId: 'e-csv',
      files: [
        { exportId: 'e-csv', format: 'csv' },
        { exportId: 'e-pdf', format: 'pdf' },
      ],
      notified: 2,
      emailedTo: ['boss@x.test'],
    });
    expect(calls).toEqual([
      'begin:csv,pdf',
      'write:csv',
      'write:pdf',
      'notify:csv',
      'notify:pdf',
      'email:csv,pdf',
    ]);
    await saveHistoryFixture(env.client, workflowId, 'exportReport-scheduled');
  }, 60_000);

  it('mails nobody for a run the API started', async () => {
    const { result, calls } = await run({ formats: ['pdf'], requestedByUserId: 'u1' });
    expect((await result).emailedTo).toEqual([]);
    expect(calls).toEqual(['begin:pdf', 'write:pdf', 'notify:pdf']);
  }, 60_000);

  it('marks the failed file and the ones after it failed, with the reason, and announces none', async () => {
    const { result, calls, workflowId } = await run(
      { scheduleId: 'sch1', formats: ['csv', 'pdf'] },
      { failFormat: 'csv' },
    );
    await expect(result).rejects.toBeInstanceOf(WorkflowFailedError);
    expect(calls).toEqual([
      'begin:csv,pdf',
      'write:csv',
      'fail:csv:the index is gone',
      'fail:pdf:the index is gone',
    ]);
    await saveHistoryFixture(env.client, workflowId, 'exportReport-writeFailed');
  }, 60_000);

  it('refuses a run without a format', async () => {
    const { result, calls } = await run({ formats: [] });
    await expect(result).rejects.toBeInstanceOf(WorkflowFailedError);
    expect(calls).toEqual([]);
  }, 60_000);
});
