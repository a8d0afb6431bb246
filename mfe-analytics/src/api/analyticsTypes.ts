export const CHANNELS = ['whatsapp', 'instagram', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

export const TREND_METRICS = ['csat', 'nps', 'clv', 'engagement'] as const;
export type TrendMetric = (typeof TREND_METRICS)[number];

export type Interval = 'day' | 'week' | 'month';

export type Kpi = {
  current: number | null;
  previous: number | null;
  change: number | null;
  changePercent: number | null;
};

export const KPI_KEYS = [
  'customers',
  'newCustomers',
  'activeCustomers',
  'orders',
  'revenue',
  'averageOrderValue',
  'csat',
  'csatAnswers',
  'nps',
  'npsAnswers',
  'engagement',
  'engagedCustomers',
  'ticketsOpened',
  'slaBreachRate',
  'medianFirstResponseMinutes',
  'medianResolutionMinutes',
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

export type Overview = {
  previousRange: { from: string; to: string };
  kpis: Record<KpiKey, Kpi>;
};

export type TrendPoint = { key: string; start: string; end: string; count: number; value: number | null };
export type Trends = { metric: TrendMetric; interval: Interval; timeZone: string; points: TrendPoint[] };

export type Cohort = { cohort: string; size: number; retained: number[]; rates: number[] };
export type Cohorts = { timeZone: string; cohorts: Cohort[] };

export type FunnelStep = {
  step: string;
  count: number;
  fromPrevious: number | null;
  fromFirst: number | null;
};
export type Funnel = { windowDays: number; steps: FunnelStep[] };

export type ChannelRow = {
  channel: string;
  volume: number;
  medianFirstResponseMinutes: number | null;
  medianResolutionMinutes: number | null;
  csat: number | null;
  csatAnswers: number;
};

export type SegmentSummary = { id: string; name: string; count: number };

export type ExportSchedule = {
  id: string;
  segmentId: string;
  name: string;
  cron: string;
  timeZone: string;
  format: string;
  recipients: string[];
  paused: boolean;
  nextRunAt: string | null;
  lastRunAt: string | null;
};

export type NewSchedule = { name: string; cron: string; format: 'csv' | 'json'; recipients: string[] };
