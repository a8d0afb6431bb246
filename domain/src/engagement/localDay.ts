import { DateTime } from 'luxon';

/** The customer's calendar day of `at` (YYYY-MM-DD in `timeZone`): the unit of the frequency cap. */
export const localDayOf = (at: Date, timeZone: string): string =>
  DateTime.fromJSDate(at, { zone: timeZone }).toISODate()!;

/** The first instant of the local day after the one `at` falls in (DST-safe). */
export const startOfNextLocalDay = (at: Date, timeZone: string): Date =>
  DateTime.fromJSDate(at, { zone: timeZone }).plus({ days: 1 }).startOf('day').toJSDate();
