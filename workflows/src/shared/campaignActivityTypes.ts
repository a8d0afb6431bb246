import type { CampaignReport, SendGroup } from '@c360/domain';

export type CampaignInput = { tenantId: string; campaignId: string };

/** Where a campaign run is; carried across continue-as-new. */
export type CampaignState = {
  phase: 'snapshot' | 'planning' | 'holding' | 'sending' | 'paused' | 'done' | 'cancelled';
  members: number;
  /** Last customer id planned in this round (keyset cursor); null at the start of a round. */
  after: string | null;
  /** A round walks every pending member once; later rounds carry those the cap deferred. */
  round: number;
  pages: number;
  sent: number;
  skipped: number;
  failed: number;
  deferred: number;
  /** The moment the current group waits for (ISO), while holding. */
  holdingUntil: string | null;
};

export type PlannedPage = {
  groups: SendGroup[];
  /** Members skipped at planning (not opted in, no address, window closed), already recorded. */
  skipped: number;
  /** The cursor for the next page; null when the round is over. */
  after: string | null;
};

export type SentBatch = { sent: number; skipped: number; failed: number; deferred: number };

export type CampaignActivities = {
  /** Copies the segment's members into the campaign (one statement: a point-in-time snapshot); idempotent. */
  snapshotCampaignMembers(input: CampaignInput): Promise<{ members: number }>;
  /** Plans one page of pending members under the send policy and groups them by moment. */
  planCampaignPage(
    input: CampaignInput & { after: string | null; pageSize: number; now: string },
  ): Promise<PlannedPage>;
  /**
   * Sends one group: re-checks consent per member, takes a cap slot (a full day defers the member
   * to its next day), claims the member's dedupe row, then calls the adapter.
   */
  sendCampaignBatch(input: CampaignInput & { customerIds: string[]; now: string }): Promise<SentBatch>;
  /** Marks every member still pending as skipped (cancelled). */
  cancelCampaignMembers(input: CampaignInput): Promise<{ skipped: number }>;
  /** Counts the outcome from the member rows, stores it on the campaign with its final status, and audits it. */
  finishCampaign(input: CampaignInput & { status: 'done' | 'cancelled' }): Promise<CampaignReport>;
};
