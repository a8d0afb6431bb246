/** One member's planned moment, from the send policy. */
export type PlannedMember = { customerId: string; at: Date };

/** Members that go at the same moment: one sleep and one batch activity for all of them. */
export type SendGroup = { at: string; customerIds: string[] };

/**
 * Groups planned members by their moment, in buckets of `granularityMs` (a minute by default),
 * earliest first, each group cut to `maxGroupSize`. Thousands of members in a few dozen zones
 * become a few dozen groups: the campaign sleeps once per group instead of once per member.
 */
export const groupByMoment = (
  members: readonly PlannedMember[],
  options: { granularityMs?: number; maxGroupSize?: number } = {},
): SendGroup[] => {
  const granularity = options.granularityMs ?? 60_000;
  const maxGroupSize = options.maxGroupSize ?? 500;
  // Members whose moments fall in one bucket go together, at the latest of their moments (so
  // nobody goes early, and members due now go now rather than at the next bucket boundary).
  const byMoment = new Map<number, { ids: string[]; latest: number }>();
  for (const m of members) {
    const bucket = Math.ceil(m.at.getTime() / granularity) * granularity;
    const entry = byMoment.get(bucket) ?? { ids: [], latest: m.at.getTime() };
    entry.ids.push(m.customerId);
    entry.latest = Math.max(entry.latest, m.at.getTime());
    byMoment.set(bucket, entry);
  }
  const groups: SendGroup[] = [];
  for (const bucket of [...byMoment.keys()].sort((a, b) => a - b)) {
    const { ids, latest } = byMoment.get(bucket)!;
    for (let i = 0; i < ids.length; i += maxGroupSize)
      groups.push({ at: new Date(latest).toISOString(), customerIds: ids.slice(i, i + maxGroupSize) });
  }
  return groups;
};

/** Why a member got no message. */
export const CAMPAIGN_SKIP_REASONS = [
  'not_opted_in',
  'consent_revoked',
  'window_closed',
  'no_address',
  'cap_exhausted',
  'cancelled',
  'erased',
] as const;
export type CampaignSkipReason = (typeof CAMPAIGN_SKIP_REASONS)[number];

/** The end of a campaign: every member is sent, skipped (with why) or failed; `deferred` counts those the cap moved. */
export type CampaignReport = {
  members: number;
  sent: number;
  failed: number;
  skipped: Partial<Record<CampaignSkipReason, number>>;
  deferred: number;
  pending: number;
};

export const skippedTotal = (report: CampaignReport): number =>
  Object.values(report.skipped).reduce((sum, n) => sum + (n ?? 0), 0);
