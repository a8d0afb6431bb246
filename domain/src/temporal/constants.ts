/**
 * Names that cross process boundaries between the API, the worker and the workflows: task
 * queues, search attributes, workflow-id helpers. Workflow ids come from business ids, so a
 * duplicate start is refused by Temporal instead of doing the work twice.
 */
export const TASK_QUEUE = 'c360-main';

/** Custom search attributes registered on the Temporal namespace at start. */
export const SEARCH_ATTRIBUTES = {
  TenantId: 'Keyword',
  CustomerId: 'Keyword',
  SegmentId: 'Keyword',
  WorkflowKind: 'Keyword',
} as const;

export type SearchAttributeName = keyof typeof SEARCH_ATTRIBUTES;

export type WorkflowKind = 'reindex';

export const workflowIds = {
  /** One full reindex per tenant at a time; the request id makes each run distinct. */
  reindex: (tenantId: string, requestId: string): string => `reindex-${tenantId}-${requestId}`,
};
