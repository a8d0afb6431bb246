/** The SLA state of an open ticket, as the /360 badge shows it. */
export type SlaBadge = 'breached' | 'at_risk' | 'ok';

export type SlaTicketFacts = {
  createdAt: Date;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  firstRespondedAt: Date | null;
  firstResponseBreached: boolean;
  resolutionBreached: boolean;
};

export type SlaRisk = {
  badge: SlaBadge;
  /** The deadline the badge is about: the one breached, or the next one still to meet. */
  deadline: 'first_response' | 'resolution' | null;
  dueAt: Date | null;
  /** Minutes left until `dueAt` (negative once it has passed), rounded down. */
  minutesLeft: number | null;
};

const MINUTE_MS = 60_000;

/**
 * The badge of an open ticket at `now`: `breached` when a breach flag is set or a deadline still
 * to meet has passed; `at_risk` once the tenant's `riskThreshold` (share of a pending deadline's
 * window, opening → due, used up; the SLA settings' value, where the clock notifies) is reached;
 * `ok` otherwise. The first-response deadline counts only until the first answer.
 */
export const slaRisk = (t: SlaTicketFacts, now: Date, riskThreshold: number): SlaRisk => {
  const pending: { deadline: 'first_response' | 'resolution'; dueAt: Date }[] = [];
  if (t.firstRespondedAt === null && t.firstResponseDueAt !== null)
    pending.push({ deadline: 'first_response', dueAt: t.firstResponseDueAt });
  if (t.resolutionDueAt !== null) pending.push({ deadline: 'resolution', dueAt: t.resolutionDueAt });
  const left = (dueAt: Date) => Math.floor((dueAt.getTime() - now.getTime()) / MINUTE_MS);

  const overdue = pending.find((p) => p.dueAt.getTime() <= now.getTime());
  if (overdue) return { badge: 'breached', ...overdue, minutesLeft: left(overdue.dueAt) };
  if (t.firstResponseBreached || t.resolutionBreached) {
    const deadline = t.firstResponseBreached ? 'first_response' : 'resolution';
    const dueAt = deadline === 'first_response' ? t.firstResponseDueAt : t.resolutionDueAt;
    return { badge: 'breached', deadline, dueAt, minutesLeft: dueAt ? left(dueAt) : null };
  }
  const risky = pending.find((p) => {
    const windowMs = p.dueAt.getTime() - t.createdAt.getTime();
    return windowMs > 0 && now.getTime() - t.createdAt.getTime() >= windowMs * riskThreshold;
  });
  if (risky) return { badge: 'at_risk', ...risky, minutesLeft: left(risky.dueAt) };
  const next = pending[0];
  return next
    ? { badge: 'ok', ...next, minutesLeft: left(next.dueAt) }
    : { badge: 'ok', deadline: null, dueAt: null, minutesLeft: null };
};
