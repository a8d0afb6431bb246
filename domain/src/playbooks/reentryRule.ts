import type { ReentryRule } from './playbookSettings';

const DAY_MS = 86_400_000;

/**
 * Whether an entry into a segment at `at` may start its playbook again, given when the last
 * entry started one (null: never). `never` allows the first entry only; `afterDays` allows a new
 * start once that many days have passed since the last one.
 */
export const mayStartOnEntry = (rule: ReentryRule, lastStartedAt: Date | null, at: Date): boolean => {
  if (lastStartedAt === null) return true;
  if (rule.kind === 'never') return false;
  return at.getTime() - lastStartedAt.getTime() >= rule.days * DAY_MS;
};

/** The earliest moment a start is allowed after one at `lastStartedAt`; null when never again. */
export const nextEntryAllowedAt = (rule: ReentryRule, lastStartedAt: Date): Date | null =>
  rule.kind === 'never' ? null : new Date(lastStartedAt.getTime() + rule.days * DAY_MS);
