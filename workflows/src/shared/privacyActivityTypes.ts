/**
 * The contracts of the privacy activities (activities/src/privacy): the retention purge and the
 * data-subject requests. Inputs carry ids only: personal data never enters a workflow history.
 */
export type PurgeTarget = 'messages' | 'calls' | 'tickets' | 'exports';

export type RetentionTenant = {
  tenantId: string;
  /** The tenant's enabled rules, each with its age limit in days. */
  rules: { target: PurgeTarget; days: number }[];
};

export type RetentionBatchInput = {
  tenantId: string;
  target: PurgeTarget;
  days: number;
  /** ISO instant the run measures ages from (the workflow's start), the same in every batch. */
  asOf: string;
  limit: number;
};
export type RetentionBatchResult = { affected: number; customers: number };

export type RetentionReportInput = {
  tenantId: string;
  asOf: string;
  workflowId: string;
  counts: Partial<Record<PurgeTarget, number>>;
};

export type DsrInput = {
  tenantId: string;
  customerId: string;
  requestId: string;
  /** The user who asked (null: an operator's request through the CLI). */
  requestedByUserId: string | null;
};

export type DsrArchive = { fileName: string; bytes: number; counts: Record<string, number> };

export type ErasedRows = { customerFound: boolean; rows: Record<string, number> };
export type ScrubbedFiles = { filesChanged: number; filesDeleted: number; linesRemoved: number };

export type PrivacyActivities = {
  /**
   * The next tenant (in id order, after `afterTenantId`) with at least one enabled rule; with
   * `tenantId`, that tenant's rules (a run resumed after continue-as-new).
   */
  nextRetentionTenant(input: {
    afterTenantId: string | null;
    tenantId?: string;
  }): Promise<RetentionTenant | null>;
  purgeRetentionBatch(input: RetentionBatchInput): Promise<RetentionBatchResult>;
  /** The report row in the audit log, and each rule's last run. */
  recordRetentionReport(input: RetentionReportInput): Promise<void>;

  writeDsrArchive(input: DsrInput): Promise<DsrArchive>;
  /** Cancels every running workflow with this customer's CustomerId, except the caller's. */
  cancelCustomerWorkflows(input: DsrInput & { exceptWorkflowId: string }): Promise<{ cancelled: number }>;
  /** Removes the customer's rows from export files, and deletes their files (archives, attachments). */
  scrubCustomerFiles(input: DsrInput): Promise<ScrubbedFiles>;
  /** Deletes the customer and everything of theirs, and erases them from audit rows, in one transaction. */
  eraseCustomerRows(input: DsrInput): Promise<ErasedRows>;
  removeCustomerDocument(input: DsrInput): Promise<{ removed: boolean }>;
  recordDsrAudit(
    input: DsrInput & { kind: 'export' | 'erase'; workflowId: string; outcome: Record<string, unknown> },
  ): Promise<void>;
};
