import { untypedMessages } from '@c360/mfe-kit';
import { useMemo, useState } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import type { MountProps } from '@c360/mfe-kit';
import { analyticsApi } from './api/analyticsApi';
import { TREND_METRICS, type TrendMetric } from './api/analyticsTypes';
import { ANALYTICS_CSS } from './analyticsStyles';
import { ChannelTable } from './channels/ChannelTable';
import { CohortHeatmap } from './cohorts/CohortHeatmap';
import { SegmentExports } from './exports/SegmentExports';
import { FilterBar } from './filters/FilterBar';
import { lastDays, type AnalyticsFilter } from './filters/analyticsFilter';
import { FunnelChart } from './funnel/FunnelChart';
import { KpiCards } from './kpis/KpiCards';
import type { ReportTemplate } from './api/reportTypes';
import { ReportCard } from './report/ReportCard';
import { ReportExports } from './reports/ReportExports';
import { reportMessages } from './reports/reportMessages';
import { ReportSchedules } from './reports/ReportSchedules';
import { useReport } from './report/useReport';
import { TrendChart } from './trends/TrendChart';

const messages = untypedMessages(
  defineMessages({
    title: { id: 'analytics.title', defaultMessage: 'Analytics' },
    kpis: { id: 'analytics.kpis', defaultMessage: 'Key figures' },
    trends: { id: 'analytics.trends', defaultMessage: 'Trends' },
    cohorts: { id: 'analytics.cohorts', defaultMessage: 'Cohort retention' },
    funnel: { id: 'analytics.funnel', defaultMessage: 'Funnel' },
    channels: { id: 'analytics.channels', defaultMessage: 'Channels' },
    exports: { id: 'analytics.exports', defaultMessage: 'Exports and schedules' },
    csat: { id: 'analytics.metric.csat', defaultMessage: 'CSAT (%)' },
    nps: { id: 'analytics.metric.nps', defaultMessage: 'NPS' },
    clv: { id: 'analytics.metric.clv', defaultMessage: 'CLV' },
    engagement: { id: 'analytics.metric.engagement', defaultMessage: 'Engagement' },
    version: { id: 'analytics.version', defaultMessage: 'analytics v{version}' },
  }),
);

const TrendCard = ({
  metric,
  filterKey,
  load,
}: {
  metric: TrendMetric;
  filterKey: string;
  load: () => ReturnType<ReturnType<typeof analyticsApi>['trends']>;
}) => {
  const state = useReport(`${metric}:${filterKey}`, load);
  return (
    <ReportCard
      title={<FormattedMessage {...messages[metric]} />}
      state={state}
      testId={`trend-card-${metric}`}
    >
      {(trends) => <TrendChart trends={trends} />}
    </ReportCard>
  );
};

/** Reports run and schedule for managers and admins (the API's report roles). */
const canReport = (roles: readonly string[]) => roles.some((r) => r === 'manager' || r === 'admin');

/** The analytics area: filters on top, then KPIs, trends, cohorts, funnel, channels, exports, reports. */
export const AnalyticsApp = ({ api: access, user }: MountProps) => {
  const intl = useIntl();
  const api = useMemo(() => analyticsApi(access), [access]);
  const [filter, setFilter] = useState<AnalyticsFilter>(() => lastDays(new Date(), 30));
  const [template, setTemplate] = useState<ReportTemplate>('analytics_overview');
  const key = JSON.stringify(filter);
  const segments = useReport('segments', api.segments);
  const overview = useReport(key, () => api.overview(filter));
  const cohorts = useReport(key, () => api.cohorts(filter));
  const funnel = useReport(key, () => api.funnel(filter));
  const channels = useReport(key, () => api.channels(filter));
  return (
    <div className="c360-analytics" data-testid="analytics-app" data-version={__MFE_VERSION__}>
      <style>{ANALYTICS_CSS}</style>
      <h1>{intl.formatMessage(messages.title)}</h1>
      <FilterBar
        filter={filter}
        segments={segments.status === 'ready' ? segments.data.items : []}
        onChange={setFilter}
      />
      <ReportCard title={<FormattedMessage {...messages.kpis} />} state={overview} testId="kpis">
        {(data) => <KpiCards overview={data} />}
      </ReportCard>
      <div className="c360-trends">
        {TREND_METRICS.map((metric) => (
          <TrendCard key={metric} metric={metric} filterKey={key} load={() => api.trends(filter, metric)} />
        ))}
      </div>
      <ReportCard title={<FormattedMessage {...messages.cohorts} />} state={cohorts} testId="cohorts">
        {(data) => <CohortHeatmap cohorts={data} />}
      </ReportCard>
      <ReportCard title={<FormattedMessage {...messages.funnel} />} state={funnel} testId="funnel-card">
        {(data) => <FunnelChart funnel={data} />}
      </ReportCard>
      <ReportCard title={<FormattedMessage {...messages.channels} />} state={channels} testId="channels">
        {(data) => <ChannelTable channels={data.channels} />}
      </ReportCard>
      <section className="c360-card">
        <h2>
          <FormattedMessage {...messages.exports} />
        </h2>
        <SegmentExports api={api} access={access} segmentId={filter.segment} />
      </section>
      {canReport(user.roles) && (
        <section className="c360-card" data-testid="reports">
          <h2>
            <FormattedMessage {...reportMessages.title} />
          </h2>
          <ReportExports api={api} filter={filter} template={template} onTemplate={setTemplate} />
          <ReportSchedules api={api} filter={filter} template={template} defaultRecipient={user.email} />
        </section>
      )}
      <p className="c360-analytics-version" data-testid="analytics-version">
        <FormattedMessage {...messages.version} values={{ version: __MFE_VERSION__ }} />
      </p>
    </div>
  );
};
