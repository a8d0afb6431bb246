/** The contracts of the score activities, which the rescore workflow calls (see activityTypes.ts). */
export type RescoreStart = { tenantId: string };
export type RescoreStarted = {
  total: number;
  startedAt: string;
  /** Customers the tenant-level model was computed from. */
  population: number;
  churnModelSource: 'default' | 'trained';
};
export type RescoreBatchInput = { tenantId: string; afterId: string | null; limit: number };
export type RescoreBatchResult = {
  scored: number;
  changed: number;
  events: number;
  indexed: number;
  lastId: string | null;
};

export type ScoreActivities = {
  /** Recomputes and caches the tenant-level inputs (RFM quintiles, VIP CLV cut-offs, churn model). */
  beginTenantRescore(input: RescoreStart): Promise<RescoreStarted>;
  /** Rescores the next page of customers in id order, stores what changed, raises its events, reindexes it. */
  rescoreCustomerBatch(input: RescoreBatchInput): Promise<RescoreBatchResult>;
};
