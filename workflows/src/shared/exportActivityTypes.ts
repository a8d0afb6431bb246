/**
 * The contract between the segment export workflow and its activities (activities/src/exports).
 */
export type SegmentExportFormat = 'csv' | 'json';

export type ExportSegmentInput = {
  tenantId: string;
  segmentId: string;
  format: SegmentExportFormat;
  /** Column names from the domain's allowlist; empty means the default set. */
  columns: string[];
  /** Who asked (a download from the API); scheduled runs notify the schedule's owner instead. */
  requestedByUserId?: string | null;
  /** Set on runs started by an export schedule. */
  scheduleId?: string | null;
};

export type BeginExportInput = ExportSegmentInput & { workflowId: string };
export type BegunExport = { exportId: string };

export type WriteExportInput = BeginExportInput & { exportId: string };
export type WrittenExport = { exportId: string; fileName: string; rows: number; bytes: number };

export type NotifyExportInput = {
  tenantId: string;
  exportId: string;
  scheduleId?: string | null;
  requestedByUserId?: string | null;
};
export type NotifiedExport = { notified: number };
export type EmailedExport = { recipients: string[]; messageId: string | null };

export type FailExportInput = { tenantId: string; exportId: string; reason: string };

export type ExportActivities = {
  beginSegmentExport(input: BeginExportInput): Promise<BegunExport>;
  writeSegmentExportFile(input: WriteExportInput): Promise<WrittenExport>;
  notifyExportReady(input: NotifyExportInput): Promise<NotifiedExport>;
  /** Sends the file to the schedule's recipients; nothing to do for a run without a schedule. */
  emailScheduledExport(input: NotifyExportInput): Promise<EmailedExport>;
  failSegmentExport(input: FailExportInput): Promise<void>;
};
