import type { EntityManager } from '@mikro-orm/postgresql';
import {
  EXPORT_COLUMNS,
  exportCsvValues,
  formatInZone,
  resolveReportRange,
  type CsvValue,
  type ExportableCustomer,
  type ExportColumn,
  type ReportDocument,
} from '@c360/domain';
import {
  KPI_KEYS,
  loadSurveyResponses,
  overviewReport,
  trendsReport,
  type AnalyticsFilter,
  type ReportParams,
  type TenantContext,
} from '@c360/store';

/** A PDF lists this many rows at most; the CSV has them all. */
export const PDF_MAX_ROWS = 500;
/** A CSAT report lists this many answers at most. */
const MAX_RESPONSES = 5_000;

export type ReportContext = { tenant: TenantContext; now: Date };

const KPI_LABELS: Record<(typeof KPI_KEYS)[number], string> = {
  customers: 'Customers',
  newCustomers: 'New customers',
  activeCustomers: 'Active customers',
  orders: 'Orders',
  revenue: 'Revenue',
  averageOrderValue: 'Average order value',
  csat: 'CSAT (%)',
  csatAnswers: 'CSAT answers',
  nps: 'NPS',
  npsAnswers: 'NPS answers',
  engagement: 'Engagement',
  engagedCustomers: 'Engaged customers',
  ticketsOpened: 'Tickets opened',
  slaBreachRate: 'SLA breach rate (%)',
  medianFirstResponseMinutes: 'Median first response (min)',
  medianResolutionMinutes: 'Median resolution (min)',
};

const day = (d: Date, timeZone: string) => formatInZone(d, timeZone).slice(0, 10);

const rangeParameters = (f: AnalyticsFilter, ctx: ReportContext): [string, string][] => [
  ['From', formatInZone(f.from, ctx.tenant.timeZone)],
  ['To', formatInZone(f.to, ctx.tenant.timeZone)],
  ...(f.segmentId ? ([['Segment', f.segmentId]] as [string, string][]) : []),
  ...(f.channel ? ([['Channel', f.channel]] as [string, string][]) : []),
];

const filterOf = (
  tenantId: string,
  p: ReportParams<'analytics_overview'>,
  now: Date,
  defaultDays: number,
): AnalyticsFilter => ({
  tenantId,
  ...resolveReportRange(p, now, defaultDays),
  segmentId: p.segmentId,
  channel: p.channel,
});

/** The KPIs of `/analytics/overview` (the same function computes them) beside the period before. */
export const analyticsOverviewDocument = async (
  em: EntityManager,
  tenantId: string,
  p: ReportParams<'analytics_overview'>,
  ctx: ReportContext,
): Promise<ReportDocument> => {
  const filter = filterOf(tenantId, p, ctx.now, 30);
  const report = await overviewReport(em, filter, ctx.tenant.settings);
  const counts = [
    'newCustomers',
    'activeCustomers',
    'orders',
    'csatAnswers',
    'npsAnswers',
    'ticketsOpened',
  ] as const;
  return {
    title: 'Analytics overview',
    parameters: rangeParameters(filter, ctx),
    generatedAt: formatInZone(ctx.now, ctx.tenant.timeZone),
    timeZone: ctx.tenant.timeZone,
    tables: [
      {
        title: 'Key figures',
        columns: ['metric', 'current', 'previous', 'change', 'changePercent'],
        rows: KPI_KEYS.map((k): CsvValue[] => {
          const v = report.kpis[k];
          return [KPI_LABELS[k], v.current, v.previous, v.change, v.changePercent];
        }),
      },
    ],
    chart: {
      kind: 'bar',
      title: 'Activity in the period',
      points: counts.map((k) => ({ label: KPI_LABELS[k], value: report.kpis[k].current })),
    },
  };
};

/** CSAT and NPS per bucket of the tenant's calendar (the trends report), then every answer. */
export const csatDocument = async (
  em: EntityManager,
  tenantId: string,
  p: ReportParams<'csat'>,
  ctx: ReportContext,
): Promise<ReportDocument> => {
  const filter = filterOf(tenantId, p, ctx.now, 90);
  const interval = p.interval ?? 'week';
  const zone = ctx.tenant.timeZone;
  const csatPoints = await trendsReport(em, filter, 'csat', interval, zone, ctx.tenant.settings);
  const npsPoints = await trendsReport(em, filter, 'nps', interval, zone, ctx.tenant.settings);
  const responses = await loadSurveyResponses(em, filter, MAX_RESPONSES + 1);
  const shown = responses.slice(0, MAX_RESPONSES);
  return {
    title: 'CSAT and NPS',
    parameters: [...rangeParameters(filter, ctx), ['Interval', interval]],
    generatedAt: formatInZone(ctx.now, zone),
    timeZone: zone,
    tables: [
      {
        title: 'Answers',
        columns: ['answeredAt', 'kind', 'score', 'channel', 'customer', 'customerId', 'comment'],
        rows: shown.map((r) => [
          r.answeredAt.toISOString(),
          r.kind,
          r.score,
          r.channel,
          r.customerName,
          r.customerId,
          r.comment,
        ]),
        ...(responses.length > shown.length ? { note: `The first ${MAX_RESPONSES} answers.` } : {}),
      },
      {
        title: `Trend per ${interval}`,
        columns: ['period', 'csat', 'csatAnswers', 'nps', 'npsAnswers'],
        rows: csatPoints.map((c, i) => [
          day(new Date(c.start), zone),
          c.value,
          c.count,
          npsPoints[i]?.value ?? null,
          npsPoints[i]?.count ?? 0,
        ]),
      },
    ],
    chart: {
      kind: 'line',
      title: `CSAT (%) per ${interval}`,
      points: csatPoints.map((c) => ({ label: day(new Date(c.start), zone), value: c.value })),
    },
  };
};

/**
 * Collects a customer list for its PDF: the first rows (as the CSV writes them) and, over every
 * row, the count per lifecycle stage for the chart.
 */
export const customerListCollector = (columns: readonly ExportColumn[]) => {
  const rows: CsvValue[][] = [];
  const stages = new Map<string, number>();
  let total = 0;
  return {
    add(page: readonly ExportableCustomer[]) {
      for (const c of page) {
        total += 1;
        const stage = c.lifecycleStage ?? 'none';
        stages.set(stage, (stages.get(stage) ?? 0) + 1);
        if (rows.length < PDF_MAX_ROWS) rows.push(exportCsvValues(c, columns));
      }
    },
    document(title: string, parameters: [string, string][], ctx: ReportContext): ReportDocument {
      return {
        title,
        parameters: [...parameters, ['Customers', String(total)]],
        generatedAt: formatInZone(ctx.now, ctx.tenant.timeZone),
        timeZone: ctx.tenant.timeZone,
        tables: [
          {
            title: 'Customers',
            columns: [...columns],
            rows,
            ...(total > rows.length
              ? { note: `The first ${rows.length} of ${total} customers; the CSV export has them all.` }
              : {}),
          },
        ],
        chart: {
          kind: 'bar',
          title: 'Customers per lifecycle stage',
          points: [...stages].sort((a, b) => b[1] - a[1]).map(([label, value]) => ({ label, value })),
        },
      };
    },
    get total() {
      return total;
    },
  };
};

/** The document fields a list's PDF reads: its columns and the stage for the chart. */
export const listSourceFields = (columns: readonly ExportColumn[]): string[] => [
  ...new Set(['customerId', 'lifecycleStage', ...columns.flatMap((c) => EXPORT_COLUMNS[c].source)]),
];
