import { ApplicationFailure, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { ExportReportInput, ReportActivities, WrittenReport } from './shared/reportActivityTypes';

export type ExportReportResult = WrittenReport & {
  /** Every file of the run, in the order of `formats` (the first is also spread above). */
  files: WrittenReport[];
  notified: number;
  emailedTo: string[];
};

const retry = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' };

const { beginReportExport, notifyExportReady, emailReportRun, failSegmentExport } =
  proxyActivities<ReportActivities>({ startToCloseTimeout: '1 minute', retry });

// A million-row list takes minutes; the activity heartbeats per page, so a dead worker is
// noticed within the heartbeat timeout rather than at the end of the hour.
const { writeReportFile } = proxyActivities<ReportActivities>({
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '1 minute',
  retry: { ...retry, maximumAttempts: 5 },
});

const reasonOf = (error: unknown): string =>
  // An ActivityFailure says only "activity failed"; its cause says why.
  String((error as { cause?: Error }).cause?.message ?? (error as Error).message ?? error);

/**
 * Runs a report template: record one export per format, write each file, announce each in the
 * app, and e-mail them together for a scheduled run. Started by the API (`POST /reports/run`, a
 * segment export too large for a request) and by a report schedule on every tick.
 */
export async function exportReport(input: ExportReportInput): Promise<ExportReportResult> {
  if (!input.tenantId || !input.template || input.formats.length === 0)
    throw ApplicationFailure.nonRetryable(
      'exportReport needs a tenantId, a template and a format',
      'InvalidInput',
    );
  const { workflowId } = workflowInfo();
  const { exportIds } = await beginReportExport({ ...input, workflowId });

  const files: WrittenReport[] = [];
  for (const exportId of exportIds) {
    try {
      files.push(await writeReportFile({ tenantId: input.tenantId, exportId }));
    } catch (error) {
      // This file and the ones not written yet will not come: each says why.
      for (const left of exportIds.slice(files.length))
        await failSegmentExport({ tenantId: input.tenantId, exportId: left, reason: reasonOf(error) });
      throw error;
    }
  }

  let notified = 0;
  for (const file of files) {
    const { notified: n } = await notifyExportReady({
      tenantId: input.tenantId,
      exportId: file.exportId,
      scheduleId: input.scheduleId ?? null,
      requestedByUserId: input.requestedByUserId ?? null,
    });
    notified += n;
  }
  const emailed = input.scheduleId
    ? await emailReportRun({ tenantId: input.tenantId, scheduleId: input.scheduleId, exportIds })
    : { recipients: [] };
  return { ...files[0]!, files, notified, emailedTo: emailed.recipients };
}
