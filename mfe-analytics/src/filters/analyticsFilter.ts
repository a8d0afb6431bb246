import type { Channel } from '../api/analyticsTypes';

/** What the user filters every report by. Dates are local calendar days, `to` inclusive. */
export type AnalyticsFilter = { from: string; to: string; segment: string; channel: Channel | '' };

const DAY_MS = 86_400_000;

const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** The last `days` days up to and including `today`. */
export const lastDays = (today: Date, days: number): AnalyticsFilter => ({
  from: isoDay(new Date(today.getTime() - (days - 1) * DAY_MS)),
  to: isoDay(today),
  segment: '',
  channel: '',
});

/**
 * The API's query for a filter: `from` inclusive and `to` exclusive instants (the day after the
 * last day), segment and channel only when chosen.
 */
export const toQuery = (filter: AnalyticsFilter): Record<string, string> => {
  const query: Record<string, string> = {
    from: `${filter.from}T00:00:00.000Z`,
    to: new Date(Date.parse(`${filter.to}T00:00:00.000Z`) + DAY_MS).toISOString(),
  };
  if (filter.segment) query['segment'] = filter.segment;
  if (filter.channel) query['channel'] = filter.channel;
  return query;
};

/** Day buckets for up to ~3 months, weeks up to ~1 year, months beyond (the API caps days at 366). */
export const intervalFor = (filter: AnalyticsFilter): 'day' | 'week' | 'month' => {
  const days = (Date.parse(filter.to) - Date.parse(filter.from)) / DAY_MS + 1;
  return days <= 92 ? 'day' : days <= 366 ? 'week' : 'month';
};
