import { ApplicationFailure, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { DsrInput, ErasedRows, PrivacyActivities, ScrubbedFiles } from './shared/privacyActivityTypes';
import { dsrProgressQuery, type DsrProgress } from './shared/privacyQueries';

const retry = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' };
const {
  cancelCustomerWorkflows,
  scrubCustomerFiles,
  eraseCustomerRows,
  removeCustomerDocument,
  recordDsrAudit,
} = proxyActivities<PrivacyActivities>({ startToCloseTimeout: '10 minutes', retry });

export type EraseCustomerResult = {
  cancelledWorkflows: number;
  files: ScrubbedFiles;
  rows: ErasedRows;
  indexDocumentRemoved: boolean;
};

/**
 * A data-subject erasure. In order, each step retried on its own until it succeeds: cancel the
 * customer's running workflows (found by their CustomerId search attribute), take the customer
 * out of stored files (export rows, their archives and attachments, read while their contact
 * details still exist), delete their rows and erase them from audit rows (one transaction),
 * remove their search document, and write the audit record of the erasure: counts only, no
 * personal data. The input holds ids only, so the history holds no personal data either.
 */
export async function eraseCustomerData(input: DsrInput): Promise<EraseCustomerResult> {
  if (!input.tenantId || !input.customerId)
    throw ApplicationFailure.nonRetryable(
      'eraseCustomerData needs a tenantId and a customerId',
      'InvalidInput',
    );
  const { workflowId } = workflowInfo();
  const progress: DsrProgress = { step: 'cancelling', completed: [] };
  setHandler(dsrProgressQuery, () => progress);
  const step = <T>(name: DsrProgress['step'], next: DsrProgress['step'], value: T): T => {
    progress.completed.push(name);
    progress.step = next;
    return value;
  };

  const { cancelled } = step(
    'cancelling',
    'files',
    await cancelCustomerWorkflows({ ...input, exceptWorkflowId: workflowId }),
  );
  const files = step('files', 'rows', await scrubCustomerFiles(input));
  const rows = step('rows', 'index', await eraseCustomerRows(input));
  const { removed } = step('index', 'audit', await removeCustomerDocument(input));
  const result: EraseCustomerResult = {
    cancelledWorkflows: cancelled,
    files,
    rows,
    indexDocumentRemoved: removed,
  };
  await recordDsrAudit({ ...input, kind: 'erase', workflowId, outcome: result });
  step('audit', 'done', null);
  return result;
}
