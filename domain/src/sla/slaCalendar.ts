import { DateTime } from 'luxon';
import { z } from 'zod';

/**
 * When an SLA clock counts: around the clock, or within a tenant's business hours in its IANA
 * time zone (weekly opening hours, holidays closed). Instants are epoch milliseconds.
 */
export type SlaCalendar = {
  /** Counted milliseconds between two instants (0 when `to <= from`). */
  workingMsBetween(from: number, to: number): number;
  /** The instant `ms` counted milliseconds after `from` (before it when `ms` is negative). */
  addWorkingMs(from: number, ms: number): number;
};

export const ALWAYS_OPEN: SlaCalendar = {
  workingMsBetween: (from, to) => Math.max(0, to - from),
  addWorkingMs: (from, ms) => from + ms,
};

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const openingSchema = z
  .object({ from: z.string().regex(HH_MM, 'must be HH:MM'), to: z.string().regex(HH_MM, 'must be HH:MM') })
  .refine((o) => minutesOf(o.from) < minutesOf(o.to), { message: 'must end after it starts', path: ['to'] });

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const isTimeZone = (zone: string): boolean => DateTime.now().setZone(zone).isValid;

export const businessHoursSchema = z
  .object({
    /** IANA zone of the opening hours; the tenant's time zone when left out. */
    timeZone: z.string().refine(isTimeZone, { message: 'is not an IANA time zone' }).optional(),
    /** Opening hours per weekday, local time; a day left out is closed. */
    week: z.partialRecord(z.enum(WEEKDAYS), z.array(openingSchema).max(6)),
    /** Closed local dates (YYYY-MM-DD). */
    holidays: z.array(z.iso.date()).max(400).default([]),
  })
  .refine((b) => Object.values(b.week).some((day) => (day?.length ?? 0) > 0), {
    message: 'needs opening hours on at least one day',
    path: ['week'],
  });
export type BusinessHours = z.infer<typeof businessHoursSchema>;
/** Business hours with the zone settled (the activity fills in the tenant's). */
export type ZonedBusinessHours = BusinessHours & { timeZone: string };

const DAY_MS = 86_400_000;
/** A bound on the days walked (20 years), so a pathological calendar cannot loop for ever. */
const MAX_DAYS = 366 * 20;

/**
 * The business-hours calendar: each local day's openings become instants through the zone's
 * rules (luxon), so DST changes give a 23- or 25-hour day the right openings; a local time
 * skipped by a spring-forward gap moves to the first valid instant after it.
 */
export const businessHoursCalendar = (hours: ZonedBusinessHours): SlaCalendar => {
  const holidays = new Set(hours.holidays);
  const openingsOf = (day: DateTime): [number, number][] => {
    if (holidays.has(day.toISODate() ?? '')) return [];
    const weekday = WEEKDAYS[day.weekday - 1] as Weekday;
    return (hours.week[weekday] ?? []).map((o) => {
      // Wall-clock times of that day (`set`, not `plus`: adding minutes would count a DST shift).
      const at = (hhmm: string) =>
        hhmm === '24:00'
          ? day.plus({ days: 1 }).toMillis()
          : day.set({ hour: Number(hhmm.slice(0, 2)), minute: Number(hhmm.slice(3, 5)) }).toMillis();
      return [at(o.from), at(o.to)];
    });
  };
  const dayOf = (ms: number): DateTime => DateTime.fromMillis(ms, { zone: hours.timeZone }).startOf('day');

  return {
    workingMsBetween(from, to) {
      if (to <= from) return 0;
      let total = 0;
      for (
        let day = dayOf(from), i = 0;
        day.toMillis() < to && i < MAX_DAYS;
        day = day.plus({ days: 1 }), i++
      ) {
        for (const [start, end] of openingsOf(day))
          total += Math.max(0, Math.min(end, to) - Math.max(start, from));
      }
      return total;
    },
    addWorkingMs(from, ms) {
      let left = Math.abs(ms);
      if (left === 0) return from;
      const forward = ms > 0;
      for (let day = dayOf(from), i = 0; i < MAX_DAYS; day = day.plus({ days: forward ? 1 : -1 }), i++) {
        const openings = openingsOf(day);
        if (!forward) openings.reverse();
        for (const [start, end] of openings) {
          const [a, b] = forward ? [Math.max(start, from), end] : [start, Math.min(end, from)];
          if (b <= a) continue;
          if (left <= b - a) return forward ? a + left : b - left;
          left -= b - a;
        }
      }
      // Unreachable with valid hours (at least one opening a week); keeps the clock moving regardless.
      return from + (forward ? 1 : -1) * (left + MAX_DAYS * DAY_MS);
    },
  };
};
