import type { Campaign } from '../api/types';

export type CampaignCounts = {
  /** The workflow's phase while it runs, else the campaign's status. */
  phase: string;
  members: number;
  sent: number;
  deferred: number;
  skipped: number;
  failed: number;
  ended: boolean;
  /** Paused by its status, or by the workflow's own phase (which a pause reaches first). */
  paused: boolean;
};

/** One view of a campaign's numbers: live progress while it runs, the final report once it ended. */
export const campaignCounts = (campaign: Campaign): CampaignCounts => {
  const ended = campaign.status === 'done' || campaign.status === 'cancelled';
  if (campaign.report && (ended || !campaign.progress)) {
    const r = campaign.report;
    return {
      phase: campaign.status,
      members: r.members,
      sent: r.sent,
      deferred: r.deferred,
      skipped: Object.values(r.skipped).reduce((sum, n) => sum + n, 0),
      failed: r.failed,
      ended,
      paused: false,
    };
  }
  const p = campaign.progress;
  return {
    phase: campaign.status === 'paused' ? 'paused' : (p?.phase ?? campaign.status),
    members: p?.members ?? 0,
    sent: p?.sent ?? 0,
    deferred: p?.deferred ?? 0,
    skipped: p?.skipped ?? 0,
    failed: p?.failed ?? 0,
    ended,
    paused: !ended && (campaign.status === 'paused' || p?.phase === 'paused'),
  };
};
