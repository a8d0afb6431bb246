/**
 * What the admin rescore routes need from Temporal. The composition root binds these to the rescore
 * workflow's client helpers (`startRescore`, `getRescoreStatus` in @c360/workflows).
 */
export type RescoreProgressView = {
  phase: string;
  total: number;
  scored: number;
  changed: number;
  events: number;
  startedAt: string | null;
  churnModelSource: string | null;
};

export type RescoreStatusView = { workflowId: string; status: string; progress: RescoreProgressView | null };

export type RescoreService = {
  /** Starts a full rescore of the tenant; the workflow id comes from `workflowIds.rescore(tenantId, requestId)`. */
  start: (input: { tenantId: string; requestId: string }) => Promise<{ workflowId: string; runId: string }>;
  /** `null` when no such workflow exists for this tenant (another tenant's id included). */
  status: (tenantId: string, workflowId: string) => Promise<RescoreStatusView | null>;
};
