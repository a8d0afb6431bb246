import { DateTime } from 'luxon';

/** A daily quiet window in a time zone; `start` after `end` crosses midnight ("22:00"-"08:00"). */
export type QuietHours = { start: string; end: string; timeZone: string };

const minutesOf = (clock: string): number => {
  const [h = 0, m = 0] = clock.split(':').map(Number);
  return h * 60 + m;
};

const wallMinutes = (at: DateTime): number => at.hour * 60 + at.minute;

/** Whether `at` falls in the quiet window, read on the customer's wall clock. */
export const isQuietAt = (at: Date, quiet: QuietHours): boolean => {
  const t = wallMinutes(DateTime.fromJSDate(at, { zone: quiet.timeZone }));
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  return start < end ? t >= start && t < end : t >= start || t < end;
};

/**
 * The first instant of `date` (a local day) whose wall clock reads `clock` or later. When the
 * clock time does not exist that day (a DST gap: 02:30 on a spring-forward night), that is the
 * instant the clocks jump (03:00), not luxon's shifted 03:30.
 */
const firstInstantAtOrAfter = (date: DateTime, clock: string): DateTime => {
  const wanted = minutesOf(clock);
  const candidate = DateTime.fromObject(
    { year: date.year, month: date.month, day: date.day, hour: Math.floor(wanted / 60), minute: wanted % 60 },
    { zone: date.zone },
  );
  if (wallMinutes(candidate) === wanted && candidate.day === date.day) return candidate;
  // In a gap: walk back minute by minute while the wall clock still reads `clock` or later on that day.
  let x = candidate;
  for (let i = 0; i < 24 * 60; i += 1) {
    const previous = x.minus({ minutes: 1 });
    if (previous.day !== date.day || wallMinutes(previous) < wanted) return x;
    x = previous;
  }
  return candidate;
};

/**
 * On a fall-back night a wall time happens twice (luxon gives the later one): the earliest
 * occurrence of `candidate`'s wall time that day that is still after `after`, or null.
 */
const earliestOccurrenceAfter = (candidate: DateTime, after: DateTime): DateTime | null => {
  const occurrences = [-60, -30, 0, 30, 60]
    .map((minutes) => candidate.plus({ minutes }))
    .filter((x) => x.day === candidate.day && wallMinutes(x) === wallMinutes(candidate) && x > after);
  return occurrences.length > 0 ? occurrences[0]! : null;
};

/**
 * The first instant at or after `at` outside the quiet window (`at` itself when it is not
 * quiet). Windows crossing midnight and DST changes are read on the customer's wall clock.
 */
export const quietHoursEndAfter = (at: Date, quiet: QuietHours): Date => {
  let moment = at;
  // Twice at most in practice (a fall-back night can make a wall time quiet again); bounded anyway.
  for (let guard = 0; guard < 4 && isQuietAt(moment, quiet); guard += 1) {
    const local = DateTime.fromJSDate(moment, { zone: quiet.timeZone });
    const today = earliestOccurrenceAfter(firstInstantAtOrAfter(local.startOf('day'), quiet.end), local);
    const end =
      today ??
      earliestOccurrenceAfter(
        firstInstantAtOrAfter(local.plus({ days: 1 }).startOf('day'), quiet.end),
        local,
      )!;
    moment = end.toJSDate();
  }
  return moment;
};
