/** The report templates the API renders (`POST /reports/run`, report schedules). */
export const REPORT_TEMPLATES = ['customer_list', 'segment_members', 'analytics_overview', 'csat'] as const;
export type ReportTemplate = (typeof REPORT_TEMPLATES)[number];

export const REPORT_FORMATS = ['csv', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export type ReportRunAccepted = {
  exportId: string;
  workflowId: string;
  statusUrl?: string;
  downloadUrl?: string;
};

/** A report file written by a workflow (`GET /exports/:id`). */
export type ReportExport = {
  id: string;
  template: string;
  title: string | null;
  format: string;
  status: 'running' | 'done' | 'failed';
  fileName: string | null;
  rowCount: number | null;
  error: string | null;
  downloadUrl: string | null;
};

export type ReportSchedule = {
  id: string;
  name: string;
  template: string;
  params: Record<string, unknown>;
  formats: string[];
  cron: string;
  timeZone: string;
  recipients: string[];
  overlapPolicy: string;
  catchupWindowSeconds: number;
  paused: boolean;
  nextRunAt: string | null;
  lastRunAt: string | null;
  temporalScheduleId: string | null;
  createdAt: string;
};

export type NewReportSchedule = {
  name: string;
  template: ReportTemplate;
  params: Record<string, unknown>;
  formats: ReportFormat[];
  cron: string;
  timeZone?: string;
  recipients: string[];
};

export type ReportScheduleAction = 'pause' | 'resume' | 'trigger';
