import { DateTime } from 'luxon';
import type { CurrentPeriod } from './segmentFilter';

const DAY_MS = 86_400_000;

/** `now - days × 24 h` as an ISO instant: "within the last N days" starts there. */
export const daysBefore = (now: Date, days: number): string =>
  new Date(now.getTime() - days * DAY_MS).toISOString();

/** The calendar period holding `now` in a time zone (weeks start on Monday), as [start, end). */
export const currentPeriod = (now: Date, period: CurrentPeriod): { start: string; end: string } => {
  const start = DateTime.fromJSDate(now, { zone: period.timeZone }).startOf(period.unit);
  const end = start.plus({ [period.unit]: 1 });
  return { start: start.toUTC().toISO()!, end: end.toUTC().toISO()! };
};
