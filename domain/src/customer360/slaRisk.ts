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

/** A deadline is at risk once less than this share of its window (opening → due) is left. */
export const SLA_AT_RISK_SHARE = 0.25;

const MINUTE_MS = 60_000;

/**
 * The badge of an open ticket at `now`: `breached` when a breach flag is set or a deadline still
 * to meet has passed; `at_risk` when less than a quarter of a pending deadline's window is left;
 * `ok` otherwise. The first-response deadline counts only until the first answer.
 */
export const slaRisk = (t: SlaTicketFacts, now: Date): SlaRisk => {
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
    return windowMs > 0 && p.dueAt.getTime() - now.getTime() < windowMs * SLA_AT_RISK_SHARE;
  });
  if (risky) return { badge: 'at_risk', ...risky, minutesLeft: left(risky.dueAt) };
  const next = pending[0];
  return next
    ? { badge: 'ok', ...next, minutesLeft: left(next.dueAt) }
    : { badge: 'ok', deadline: null, dueAt: null, minutesLeft: null };
};
