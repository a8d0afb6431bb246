/**
 * What the admin routes need from Temporal. The composition root binds these to the reindex
 * workflow's client helpers (`startReindex`, `getReindexStatus` in @c360/workflows).
 */
export type ReindexProgressView = {
  phase: string;
  total: number;
  indexed: number;
  stale: number;
  removed: number;
  startedAt: string | null;
};

export type ReindexStatusView = { workflowId: string; status: string; progress: ReindexProgressView | null };

export type ReindexService = {
  /** Starts a full reindex of the tenant; the workflow id comes from `workflowIds.reindex(tenantId, requestId)`. */
  start: (input: { tenantId: string; requestId: string }) => Promise<{ workflowId: string; runId: string }>;
  /** `null` when no such workflow exists for this tenant (another tenant's id included). */
  status: (tenantId: string, workflowId: string) => Promise<ReindexStatusView | null>;
};
