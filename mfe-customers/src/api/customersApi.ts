import { createApiClient, type ApiAccess } from '@c360/mfe-kit';
import type {
  Campaign,
  CampaignLaunch,
  ConsentEvent,
  DsrKind,
  DsrRequest,
  DsrStarted,
  DsrStatus,
  Customer,
  CustomerInput,
  CustomerListItem,
  CustomerListQuery,
  ExportSchedule,
  JourneyEvent,
  JourneyStages,
  Page,
  Preferences,
  PreferencesChange,
  Profile360,
  RescoreResult,
  Segment,
  SegmentEnteredSetting,
  SegmentFilter,
  SegmentPreview,
} from './types';

export type ExportFormat = 'csv' | 'json';

export type CampaignAction = 'pause' | 'resume' | 'cancel';

/** A finished download, or an export the server runs as a workflow (too many members to stream). */
export type ExportOutcome =
  | { kind: 'file'; blob: Blob; fileName: string }
  | { kind: 'queued'; exportId: string; members: number };

export type ScheduleInput = { name: string; cron: string; format: ExportFormat; recipients: string[] };

/** Every call the customers area makes to the API, in one place. */
export const createCustomersApi = (access: ApiAccess, fetchImpl?: typeof fetch) => {
  const http = createApiClient(access, fetchImpl);
  const customer = (id: string) => `/customers/${encodeURIComponent(id)}`;
  const segment = (id: string) => `/segments/${encodeURIComponent(id)}`;
  return {
    listCustomers: ({ isVip, tag, ...query }: CustomerListQuery) =>
      http.get<Page<CustomerListItem>>('/customers', {
        ...query,
        tag,
        isVip: isVip === undefined ? undefined : String(isVip),
      }),
    getCustomer: (id: string) => http.get<Customer>(customer(id)),
    createCustomer: (input: CustomerInput) => http.post<Customer>('/customers', input),
    updateCustomer: (id: string, patch: Partial<CustomerInput>) => http.patch<Customer>(customer(id), patch),

    getProfile360: (id: string) => http.get<Profile360>(`${customer(id)}/360`),
    rescoreHealth: (id: string) => http.post<RescoreResult>(`${customer(id)}/health-score/rescore`),
    getJourney: (id: string, query: { kinds?: string; stage?: string; limit?: number }) =>
      http.get<{ items: JourneyEvent[]; nextCursor: string | null }>(`${customer(id)}/journey`, query),
    getJourneyStages: (id: string, perStage = 5) =>
      http.get<JourneyStages>(`${customer(id)}/journey/stages`, { perStage }),

    getPreferences: (id: string) =>
      http.get<{ customerId: string; preferences: Preferences }>(`${customer(id)}/preferences`),
    changePreferences: (id: string, change: PreferencesChange) =>
      http.post<{ preferences: Preferences; consentEvents: ConsentEvent[] }>(`${customer(id)}/preferences`, {
        source: 'dashboard',
        ...change,
      }),
    consentLog: (id: string, page = 1, pageSize = 20) =>
      http.get<Page<ConsentEvent>>(`${customer(id)}/consent/logs`, { page, pageSize }),

    previewSegment: (filter: SegmentFilter, sampleSize = 5) =>
      http.post<SegmentPreview>('/segments/preview', { filter, sampleSize }),
    listSegments: (page = 1, pageSize = 50) => http.get<Page<Segment>>('/segments', { page, pageSize }),
    createSegment: (input: { name: string; description: string | null; filter: SegmentFilter }) =>
      http.post<Segment>('/segments', input),
    updateSegment: (
      id: string,
      patch: { name?: string; description?: string | null; filter?: SegmentFilter },
    ) => http.patch<Segment>(segment(id), patch),
    deleteSegment: (id: string) => http.delete<void>(segment(id)),
    exportSegment: async (id: string, format: ExportFormat): Promise<ExportOutcome> => {
      const { status, blob, fileName } = await http.download(`${segment(id)}/export`, { format });
      // A streamed file comes as an attachment; a large segment answers 202 with the export's id instead.
      if (status !== 202) return { kind: 'file', blob, fileName: fileName ?? `segment.${format}` };
      const body = JSON.parse(await blob.text()) as { exportId: string; members: number };
      return { kind: 'queued', exportId: body.exportId, members: body.members };
    },
    listSchedules: (id: string) => http.get<{ items: ExportSchedule[] }>(`${segment(id)}/schedules`),
    createSchedule: (id: string, input: ScheduleInput) =>
      http.post<ExportSchedule>(`${segment(id)}/schedules`, input),
    setSchedulePaused: (id: string, scheduleId: string, paused: boolean) =>
      http.post<ExportSchedule>(
        `${segment(id)}/schedules/${encodeURIComponent(scheduleId)}/${paused ? 'pause' : 'resume'}`,
      ),

    startDsr: (customerId: string, kind: DsrKind) =>
      http.post<DsrStarted>(`${customer(customerId)}/dsr/${kind}`),
    listDsrRequests: (customerId: string, page = 1, pageSize = 20) =>
      http.get<Page<DsrRequest>>(`${customer(customerId)}/dsr`, { page, pageSize }),
    getDsrStatus: (customerId: string, kind: DsrKind, requestId: string) =>
      http.get<DsrStatus>(`${customer(customerId)}/dsr/${kind}/${encodeURIComponent(requestId)}`),
    downloadDsrArchive: (customerId: string, requestId: string) =>
      http.download(`${customer(customerId)}/dsr/export/${encodeURIComponent(requestId)}/download`),

    getSegmentEnteredSetting: async () =>
      (await http.get<{ segmentEntered: SegmentEnteredSetting }>('/admin/playbooks')).segmentEntered,
    putSegmentEnteredSetting: (setting: SegmentEnteredSetting) =>
      http.put<SegmentEnteredSetting>('/admin/playbooks/segmentEntered', setting),

    launchCampaign: (segmentId: string, launch: CampaignLaunch) =>
      http.post<Campaign>(`${segment(segmentId)}/launch`, launch),
    listSegmentCampaigns: (segmentId: string, page = 1, pageSize = 10) =>
      http.get<Page<Campaign>>(`${segment(segmentId)}/campaigns`, { page, pageSize }),
    getCampaign: (id: string) => http.get<Campaign>(`/campaigns/${encodeURIComponent(id)}`),
    controlCampaign: (id: string, action: CampaignAction) =>
      http.post<Campaign>(`/campaigns/${encodeURIComponent(id)}/${action}`),
  };
};

export type CustomersApi = ReturnType<typeof createCustomersApi>;
