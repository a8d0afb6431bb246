import { z } from 'zod';

/**
 * A tenant's retention policies, as the API reads and writes them. Each rule is off (null) or
 * a number of days: message bodies are redacted, call transcripts erased, closed tickets and
 * export files (segment exports, report runs: they hold customers' data) deleted once older than
 * that. The audit log is always kept: no rule can purge it.
 */
const days = z
  .number()
  .int('must be a whole number of days')
  .min(1, 'must be at least 1 day')
  .max(36_500, 'must be at most 36500 days (100 years)');

export const retentionPoliciesSchema = z
  .object({
    messageBodiesDays: days.nullable(),
    callTranscriptsDays: days.nullable(),
    closedTicketsDays: days.nullable(),
    exportFilesDays: days.nullable(),
  })
  .strict();
export type RetentionPolicies = z.infer<typeof retentionPoliciesSchema>;

/** What each rule does, and the stored target it is kept under (RetentionPolicy.target). */
export const RETENTION_RULES = [
  { key: 'messageBodiesDays', target: 'messages', action: 'anonymize' },
  { key: 'callTranscriptsDays', target: 'calls', action: 'anonymize' },
  { key: 'closedTicketsDays', target: 'tickets', action: 'delete' },
  { key: 'exportFilesDays', target: 'exports', action: 'delete' },
] as const;
export type RetentionRule = (typeof RETENTION_RULES)[number];
export type RetentionRuleTarget = RetentionRule['target'];

export const NO_RETENTION: RetentionPolicies = {
  messageBodiesDays: null,
  callTranscriptsDays: null,
  closedTicketsDays: null,
  exportFilesDays: null,
};

const DAY_MS = 86_400_000;

/** Records older than this instant fall under a rule of `days` days, as of `asOf`. */
export const retentionCutoff = (asOf: Date, days: number): Date => new Date(asOf.getTime() - days * DAY_MS);

/** What a redacted message body reads afterwards. */
export const REDACTED_BODY = '[redacted by retention policy]';
