import { ALWAYS_OPEN, type SlaCalendar } from './slaCalendar';

/**
 * The arithmetic of an SLA clock: how much of a deadline's time is used, when it is due, when it
 * reaches the risk threshold. Pure: instants are epoch milliseconds passed in by the caller (the
 * workflow's deterministic clock, or a test). The clock counts from its start, minus the time it
 * was paused (the ticket waiting on the customer), counting only the calendar's working time
 * (around the clock by default, or business hours); a paused clock has no due date, since nobody
 * knows when the customer answers.
 */
export type SlaPause = { from: number; to: number | null };

export type SlaClock = {
  /** When the clock started: the ticket's opening, or its reopening. */
  startedAt: number;
  /** Pauses in time order; only the last may still be open (`to: null`). */
  pauses: SlaPause[];
};

export const startClock = (startedAt: number): SlaClock => ({ startedAt, pauses: [] });

export const isPaused = (clock: SlaClock): boolean => clock.pauses.at(-1)?.to === null;

/** Pauses the clock at `at` (not before its start or the end of the previous pause); paused already: unchanged. */
export const pauseClock = (clock: SlaClock, at: number): SlaClock => {
  if (isPaused(clock)) return clock;
  const floor = Math.max(clock.startedAt, clock.pauses.at(-1)?.to ?? clock.startedAt);
  return { ...clock, pauses: [...clock.pauses, { from: Math.max(at, floor), to: null }] };
};

/** Resumes a paused clock at `at` (not before the pause began); running already: unchanged. */
export const resumeClock = (clock: SlaClock, at: number): SlaClock => {
  const last = clock.pauses.at(-1);
  if (!last || last.to !== null) return clock;
  return {
    ...clock,
    pauses: [...clock.pauses.slice(0, -1), { from: last.from, to: Math.max(at, last.from) }],
  };
};

/** Counted time between the clock's start and `now`: working time minus the paused parts. */
export const elapsedMs = (clock: SlaClock, now: number, calendar: SlaCalendar = ALWAYS_OPEN): number => {
  if (now <= clock.startedAt) return 0;
  const paused = clock.pauses.reduce(
    (sum, p) => sum + calendar.workingMsBetween(p.from, Math.min(p.to ?? now, now)),
    0,
  );
  return calendar.workingMsBetween(clock.startedAt, now) - paused;
};

/**
 * The instant the clock's elapsed time reaches `budgetMs` if it keeps running from `now`: in the
 * future while time is left, `now` or earlier once it is used up. Stable while the clock runs (it
 * moves only with a pause), so a due date written once stays right. Null while paused.
 */
export const momentOf = (
  clock: SlaClock,
  budgetMs: number,
  now: number,
  calendar: SlaCalendar = ALWAYS_OPEN,
): number | null => {
  if (isPaused(clock)) return null;
  return calendar.addWorkingMs(now, budgetMs - elapsedMs(clock, now, calendar));
};

export type SlaTarget = 'first_response' | 'resolution';

export type SlaDeadlineState = {
  target: SlaTarget;
  budgetMs: number;
  elapsedMs: number;
  /** Share of the budget used, 0..(more than 1 once breached). */
  used: number;
  /** When the budget runs out; null while paused. */
  dueAt: number | null;
  /** When the risk threshold is reached; null while paused. */
  riskAt: number | null;
  atRisk: boolean;
  breached: boolean;
};

/** One deadline of a clock at `now`: its budget, what is used, the due and risk moments. */
export const deadlineState = (
  clock: SlaClock,
  target: SlaTarget,
  budgetMs: number,
  riskThreshold: number,
  now: number,
  calendar: SlaCalendar = ALWAYS_OPEN,
): SlaDeadlineState => {
  const elapsed = elapsedMs(clock, now, calendar);
  return {
    target,
    budgetMs,
    elapsedMs: elapsed,
    used: budgetMs > 0 ? elapsed / budgetMs : 1,
    dueAt: momentOf(clock, budgetMs, now, calendar),
    riskAt: momentOf(clock, Math.floor(budgetMs * riskThreshold), now, calendar),
    atRisk: elapsed >= Math.floor(budgetMs * riskThreshold),
    breached: elapsed >= budgetMs,
  };
};
