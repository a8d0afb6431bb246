import { ApplicationFailure, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { DsrArchive, DsrInput, PrivacyActivities } from './shared/privacyActivityTypes';
import { dsrProgressQuery, type DsrProgress } from './shared/privacyQueries';

const { writeDsrArchive, recordDsrAudit } = proxyActivities<PrivacyActivities>({
  startToCloseTimeout: '10 minutes',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    maximumAttempts: 10,
  },
});

/**
 * A data-subject access request: writes one archive of everything held about the customer (a
 * JSON bundle, one section per kind of record, consent log included), then the audit record.
 * Each step retries on its own; the result names the archive the API serves.
 */
export async function exportCustomerData(input: DsrInput): Promise<DsrArchive> {
  if (!input.tenantId || !input.customerId)
    throw ApplicationFailure.nonRetryable(
      'exportCustomerData needs a tenantId and a customerId',
      'InvalidInput',
    );
  const progress: DsrProgress = { step: 'archive', completed: [] };
  setHandler(dsrProgressQuery, () => progress);
  const archive = await writeDsrArchive(input);
  progress.completed.push('archive');
  progress.step = 'audit';
  await recordDsrAudit({
    ...input,
    kind: 'export',
    workflowId: workflowInfo().workflowId,
    outcome: { fileName: archive.fileName, bytes: archive.bytes, counts: archive.counts },
  });
  progress.completed.push('audit');
  progress.step = 'done';
  return archive;
}
