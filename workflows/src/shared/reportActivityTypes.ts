import type { ExportActivities } from './exportActivityTypes';

/**
 * The contract between the report export workflow (`exportReport`) and its activities
 * (activities/src/exports): one run of a report template, written in one or more formats.
 */
export type ReportTemplateName = 'customer_list' | 'segment_members' | 'analytics_overview' | 'csat';
/** PDF and CSV for every template; JSON for segment members (the segment export's format). */
export type ReportFileFormat = 'csv' | 'pdf' | 'json';

export type ExportReportInput = {
  tenantId: string;
  template: ReportTemplateName;
  /** The template's parameters; checked by the API and again by `beginReportExport`. */
  params: Record<string, unknown>;
  formats: ReportFileFormat[];
  /** Who asked (a run from the API); scheduled runs notify the schedule's owner instead. */
  requestedByUserId?: string | null;
  /** Set on runs started by a schedule: the file is also e-mailed to its recipients. */
  scheduleId?: string | null;
};

export type BeginReportInput = ExportReportInput & { workflowId: string };
/** One export row per format, in the order of `formats`. */
export type BegunReport = { exportIds: string[] };

export type WriteReportInput = { tenantId: string; exportId: string };
export type WrittenReport = {
  exportId: string;
  format: string;
  fileName: string;
  rows: number;
  bytes: number;
};

export type EmailReportInput = { tenantId: string; scheduleId: string; exportIds: string[] };
export type EmailedReport = { recipients: string[]; messageId: string | null };

export type ReportActivities = Pick<ExportActivities, 'notifyExportReady' | 'failSegmentExport'> & {
  beginReportExport(input: BeginReportInput): Promise<BegunReport>;
  writeReportFile(input: WriteReportInput): Promise<WrittenReport>;
  /** One mail to the schedule's recipients with every file of the run attached (or linked). */
  emailReportRun(input: EmailReportInput): Promise<EmailedReport>;
};
