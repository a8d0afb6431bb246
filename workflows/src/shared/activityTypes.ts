/**
 * The contracts between workflows and activities. Workflows see only these types (through
 * proxyActivities); activities/ implements them. Keeping them here avoids a dependency cycle:
 * activities depends on workflows, never the reverse.
 */
export type ReindexStart = { tenantId: string };
export type ReindexStarted = { total: number; startedAt: string };
export type ReindexBatchInput = {
  tenantId: string;
  afterId: string | null;
  limit: number;
  startedAt: string;
};
export type ReindexBatchResult = { indexed: number; stale: number; lastId: string | null };
export type ReindexFinishInput = { tenantId: string; startedAt: string };
export type ReindexFinished = { removed: number };

export type SearchIndexActivities = {
  beginTenantReindex(input: ReindexStart): Promise<ReindexStarted>;
  reindexCustomerBatch(input: ReindexBatchInput): Promise<ReindexBatchResult>;
  finishTenantReindex(input: ReindexFinishInput): Promise<ReindexFinished>;
};
