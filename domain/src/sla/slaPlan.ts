import { ALWAYS_OPEN, type SlaCalendar } from './slaCalendar';
import { deadlineState, type SlaClock, type SlaTarget } from './slaClock';

/** What an SLA clock workflow knows about its ticket's current opening. */
export type SlaClockState = {
  clock: SlaClock;
  policy: { firstResponseMs: number; resolutionMs: number; riskThreshold: number };
  /** The first agent reply; the first-response deadline stops counting there. */
  firstRespondedAt: number | null;
  /** Deadlines whose risk notification went out (under the current policy). */
  riskNotified: SlaTarget[];
  /** Deadlines already breached in this opening: a breach is marked once. */
  breached: SlaTarget[];
};

export type SlaAction = { kind: 'risk' | 'breach'; target: SlaTarget; dueAt: number };

export type SlaPlan = {
  /** What is due now, in deadline order: first response, then resolution. */
  actions: SlaAction[];
  /**
   * The ticket's due dates as they should read now; `firstResponseDueAt` is left out once the
   * ticket was answered (the stored one stays, for reporting). Null while the clock is paused.
   */
  dueDates: { firstResponseDueAt?: number | null; resolutionDueAt: number | null };
  /** The next instant an action becomes due; null when paused or nothing is left to watch. */
  wakeAt: number | null;
};

/**
 * The decision of one step of an SLA clock at `now`: a deadline past its budget is breached
 * (once); one past the risk threshold but not breached gets its risk notification (once); the
 * workflow sleeps until the earliest moment still ahead.
 */
export const planSla = (state: SlaClockState, now: number, calendar: SlaCalendar = ALWAYS_OPEN): SlaPlan => {
  const { policy } = state;
  const watched: { target: SlaTarget; budgetMs: number }[] = [
    ...(state.firstRespondedAt === null
      ? [{ target: 'first_response' as const, budgetMs: policy.firstResponseMs }]
      : []),
    { target: 'resolution', budgetMs: policy.resolutionMs },
  ];
  const actions: SlaAction[] = [];
  const ahead: number[] = [];
  const dueDates: SlaPlan['dueDates'] = { resolutionDueAt: null };
  for (const { target, budgetMs } of watched) {
    const d = deadlineState(state.clock, target, budgetMs, policy.riskThreshold, now, calendar);
    if (target === 'first_response') dueDates.firstResponseDueAt = d.dueAt;
    else dueDates.resolutionDueAt = d.dueAt;
    const breached = state.breached.includes(target);
    if (breached) continue;
    const notified = state.riskNotified.includes(target);
    if (d.breached) actions.push({ kind: 'breach', target, dueAt: d.dueAt ?? now });
    else if (d.atRisk && !notified) actions.push({ kind: 'risk', target, dueAt: d.dueAt ?? now });
    if (!d.breached && d.dueAt !== null) ahead.push(d.dueAt);
    if (!d.atRisk && !notified && d.riskAt !== null) ahead.push(d.riskAt);
  }
  const future = ahead.filter((t) => t > now);
  return { actions, dueDates, wakeAt: future.length ? Math.min(...future) : null };
};
