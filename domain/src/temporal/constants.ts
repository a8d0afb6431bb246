/**
 * Names that cross process boundaries between the API, the worker and the workflows: task
 * queues, search attributes, workflow-id helpers. Workflow ids come from business ids, so a
 * duplicate start is refused by Temporal instead of doing the work twice.
 */
import type { PlaybookWorkflowKind } from '../playbooks/playbookIds';

export const TASK_QUEUE = 'c360-main';

/** Custom search attributes registered on the Temporal namespace at start. */
export const SEARCH_ATTRIBUTES = {
  TenantId: 'Keyword',
  CustomerId: 'Keyword',
  SegmentId: 'Keyword',
  WorkflowKind: 'Keyword',
} as const;

export type SearchAttributeName = keyof typeof SEARCH_ATTRIBUTES;

export type WorkflowKind =
  | 'reindex'
  | 'rescore'
  | 'segment-export'
  // A report template's run, on request or on a schedule (issue 7).
  | 'report-export'
  | 'survey'
  | 'campaign'
  | SegmentWorkflowKind
  | SlaWorkflowKind
  // Issue 6, default playbooks: `playbook:<name>`.
  | PlaybookWorkflowKind
  | PrivacyWorkflowKind;

/** The SLA clock of a ticket (issue 6). */
export type SlaWorkflowKind = 'sla';

/** Retention purges and data-subject requests (issue 7). */
export type PrivacyWorkflowKind = 'retention' | 'dsr-export' | 'dsr-erase';

/** The segment membership workflows (issue 4: real-time membership). */
export type SegmentWorkflowKind = 'segmentRecompute' | 'segmentSweep' | 'segmentReconcile';

export const workflowIds = {
  /** One full reindex per tenant at a time; the request id makes each run distinct. */
  reindex: (tenantId: string, requestId: string): string => `reindex-${tenantId}-${requestId}`,
  /** A full rescore of a tenant (tenant-level model, then every customer); one per request id. */
  rescore: (tenantId: string, requestId: string): string => `rescore-${tenantId}-${requestId}`,
  /** One recompute per definition version of a segment: saving the same version twice starts nothing. */
  segmentRecompute: (segmentId: string, definitionVersion: number): string =>
    `segment-recompute-${segmentId}-v${definitionVersion}`,
  /** An export too large for a request; the request id makes each one distinct. */
  segmentExport: (tenantId: string, requestId: string): string => `segment-export-${tenantId}-${requestId}`,
  /** A report run asked for through the API; the request id is also the export's id. */
  reportExport: (tenantId: string, requestId: string): string => `report-export-${tenantId}-${requestId}`,
  /** A Temporal Schedule of an export; its runs get `<this id>-<tick time>` from Temporal. */
  exportSchedule: (tenantId: string, scheduleId: string): string =>
    `export-schedule-${tenantId}-${scheduleId}`,
  /** One survey per resolution of a ticket (the resolution time in ms makes a re-resolution distinct). */
  surveyForResolution: (tenantId: string, ticketId: string, resolvedAt: string): string =>
    `survey:${tenantId}:${ticketId}:${new Date(resolvedAt).getTime()}`,
  /** A survey sent by hand (a ticket's survey button, a macro): one per request or outbox event id. */
  manualSurvey: (tenantId: string, id: string): string => `survey:${tenantId}:manual:${id}`,
  /** A data-subject request; the request id (from the API) makes each one distinct. */
  dsr: (kind: 'export' | 'erase', tenantId: string, customerId: string, requestId: string): string =>
    `dsr-${kind}-${tenantId}-${customerId}-${requestId}`,
};
