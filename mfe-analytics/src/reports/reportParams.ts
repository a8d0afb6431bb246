import type { AnalyticsFilter } from '../filters/analyticsFilter';
import { toQuery } from '../filters/analyticsFilter';
import type { ReportTemplate } from '../api/reportTypes';

const DAY_MS = 86_400_000;

/** The filter's days, `to` inclusive (a schedule covers that many days before each run). */
export const filterDays = (filter: AnalyticsFilter): number =>
  Math.round((Date.parse(filter.to) - Date.parse(filter.from)) / DAY_MS) + 1;

/** Whether a template can run with this filter: segment members need a segment chosen. */
export const templateReady = (template: ReportTemplate, filter: AnalyticsFilter): boolean =>
  template !== 'segment_members' || filter.segment !== '';

const scope = (filter: AnalyticsFilter) => ({
  ...(filter.segment ? { segmentId: filter.segment } : {}),
  ...(filter.channel ? { channel: filter.channel } : {}),
});

/**
 * A template's parameters from the filters on screen. `run`: the exact dates shown; `schedule`:
 * the same number of days before each run, so a weekly schedule always reports on its last week.
 */
export const reportParams = (
  template: ReportTemplate,
  filter: AnalyticsFilter,
  use: 'run' | 'schedule',
): Record<string, unknown> => {
  switch (template) {
    case 'customer_list':
      return {};
    case 'segment_members':
      return filter.segment ? { segmentId: filter.segment } : {};
    case 'analytics_overview':
    case 'csat': {
      if (use === 'schedule') return { rangeDays: filterDays(filter), ...scope(filter) };
      const { from, to } = toQuery(filter);
      return { from, to, ...scope(filter) };
    }
  }
};
