import { createApiClient, type ApiAccess } from '@c360/mfe-kit';
import type { AnalyticsFilter } from '../filters/analyticsFilter';
import { intervalFor, toQuery } from '../filters/analyticsFilter';
import type {
  ChannelRow,
  Cohorts,
  ExportSchedule,
  Funnel,
  NewSchedule,
  Overview,
  SegmentSummary,
  TrendMetric,
  Trends,
} from './analyticsTypes';
import type {
  NewReportSchedule,
  ReportExport,
  ReportFormat,
  ReportRunAccepted,
  ReportSchedule,
  ReportScheduleAction,
  ReportTemplate,
} from './reportTypes';

/** The analytics area's only door to the API: the reports, segments, export and report schedules. */
export const analyticsApi = (access: ApiAccess) => {
  const client = createApiClient(access);
  const segment = (id: string) => `/segments/${encodeURIComponent(id)}`;
  const reportSchedule = (id: string) => `/report-schedules/${encodeURIComponent(id)}`;
  return {
    overview: (f: AnalyticsFilter) => client.get<Overview>('/analytics/overview', toQuery(f)),
    trends: (f: AnalyticsFilter, metric: TrendMetric) =>
      client.get<Trends>('/analytics/trends', { ...toQuery(f), metric, interval: intervalFor(f) }),
    cohorts: (f: AnalyticsFilter) => client.get<Cohorts>('/analytics/cohorts', toQuery(f)),
    funnel: (f: AnalyticsFilter) => client.get<Funnel>('/analytics/funnel', toQuery(f)),
    channels: (f: AnalyticsFilter) =>
      client.get<{ channels: ChannelRow[] }>('/analytics/channels', toQuery(f)),
    segments: () => client.get<{ items: SegmentSummary[] }>('/segments', { pageSize: 100 }),
    exportSegment: (id: string, format: 'csv' | 'json') =>
      client.download(`${segment(id)}/export`, { format }),
    schedules: (id: string) => client.get<{ items: ExportSchedule[] }>(`${segment(id)}/schedules`),
    createSchedule: (id: string, schedule: NewSchedule) =>
      client.post<ExportSchedule>(`${segment(id)}/schedules`, schedule),
    setPaused: (id: string, scheduleId: string, paused: boolean) =>
      client.post<ExportSchedule>(
        `${segment(id)}/schedules/${encodeURIComponent(scheduleId)}/${paused ? 'pause' : 'resume'}`,
      ),

    runReport: (template: ReportTemplate, format: ReportFormat, params: Record<string, unknown>) =>
      client.post<ReportRunAccepted>('/reports/run', { template, format, params }),
    getExport: (id: string) => client.get<ReportExport>(`/exports/${encodeURIComponent(id)}`),
    downloadExport: (id: string) => client.download(`/exports/${encodeURIComponent(id)}/download`),
    reportSchedules: () => client.get<{ items: ReportSchedule[] }>('/report-schedules'),
    createReportSchedule: (schedule: NewReportSchedule) =>
      client.post<ReportSchedule>('/report-schedules', schedule),
    controlReportSchedule: (id: string, action: ReportScheduleAction) =>
      client.post<unknown>(`${reportSchedule(id)}/${action}`),
    deleteReportSchedule: (id: string) => client.delete<unknown>(reportSchedule(id)),
  };
};

export type AnalyticsApi = ReturnType<typeof analyticsApi>;
