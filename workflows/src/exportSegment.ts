import { ApplicationFailure, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { ExportActivities, ExportSegmentInput } from './shared/exportActivityTypes';

export type ExportSegmentResult = {
  exportId: string;
  fileName: string;
  rows: number;
  bytes: number;
  notified: number;
  emailedTo: string[];
};

const retry = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' };

const { beginSegmentExport, notifyExportReady, emailScheduledExport, failSegmentExport } =
  proxyActivities<ExportActivities>({ startToCloseTimeout: '1 minute', retry });

// Writing a million rows takes minutes; the activity heartbeats per page, so a dead worker is
// noticed within the heartbeat timeout rather than at the end of the hour.
const { writeSegmentExportFile } = proxyActivities<ExportActivities>({
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '1 minute',
  retry: { ...retry, maximumAttempts: 5 },
});

/**
 * Exports a segment to a file: record the export, stream the members into a file, notify in
 * the app (and by e-mail for a scheduled run). New runs and schedules start `exportReport` with
 * the `segment_members` template instead; this type stays registered, unchanged, for runs and
 * Temporal Schedules made before report templates (its activities are the report's steps).
 */
export async function exportSegment(input: ExportSegmentInput): Promise<ExportSegmentResult> {
  if (!input.tenantId || !input.segmentId)
    throw ApplicationFailure.nonRetryable('exportSegment needs a tenantId and a segmentId', 'InvalidInput');
  const { workflowId } = workflowInfo();
  const { exportId } = await beginSegmentExport({ ...input, workflowId });
  let written;
  try {
    written = await writeSegmentExportFile({ ...input, workflowId, exportId });
  } catch (error) {
    await failSegmentExport({
      tenantId: input.tenantId,
      exportId,
      // An ActivityFailure says only "activity failed"; its cause says why.
      reason: String((error as { cause?: Error }).cause?.message ?? (error as Error).message ?? error),
    });
    throw error;
  }
  const who = {
    tenantId: input.tenantId,
    exportId,
    scheduleId: input.scheduleId ?? null,
    requestedByUserId: input.requestedByUserId ?? null,
  };
  const { notified } = await notifyExportReady(who);
  const emailed = input.scheduleId ? await emailScheduledExport(who) : { recipients: [] };
  return { ...written, notified, emailedTo: emailed.recipients };
}
