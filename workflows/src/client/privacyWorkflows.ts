import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { TASK_QUEUE, workflowIds, type DsrKind } from '@c360/domain';
import { tenantSearchAttributes, WorkflowKindKey } from '../shared/searchAttributes';
import type { DsrInput } from '../shared/privacyActivityTypes';
import { dsrProgressQuery, type DsrProgress } from '../shared/privacyQueries';

const DSR_WORKFLOW_TYPES: Record<DsrKind, string> = {
  export: 'exportCustomerData',
  erase: 'eraseCustomerData',
};

/**
 * Starts a data-subject request (access export or erasure) for one customer; the id comes from
 * the request, so a retried request starts nothing twice. Client-side code.
 */
export const startDsr = async (
  client: Client,
  kind: DsrKind,
  input: DsrInput & { taskQueue?: string },
): Promise<{ workflowId: string; started: boolean }> => {
  const workflowId = workflowIds.dsr(kind, input.tenantId, input.customerId, input.requestId);
  const { taskQueue, ...args } = input;
  try {
    await client.workflow.start(DSR_WORKFLOW_TYPES[kind], {
      taskQueue: taskQueue ?? TASK_QUEUE,
      workflowId,
      args: [args],
      typedSearchAttributes: tenantSearchAttributes(input.tenantId, `dsr-${kind}`, {
        customerId: input.customerId,
      }),
    });
    return { workflowId, started: true };
  } catch (error) {
    if ((error as { name?: string }).name === 'WorkflowExecutionAlreadyStartedError')
      return { workflowId, started: false };
    throw error;
  }
};

const QUERY_WAIT_MS = 3_000;

export type DsrStatus = {
  workflowId: string;
  status: string;
  progress: DsrProgress | null;
  result: unknown;
  failure: string | null;
};

/** The state of a data-subject request of this tenant and customer; null when there is none. */
export const getDsrStatus = async (
  client: Client,
  kind: DsrKind,
  ref: { tenantId: string; customerId: string; requestId: string },
): Promise<DsrStatus | null> => {
  const workflowId = workflowIds.dsr(kind, ref.tenantId, ref.customerId, ref.requestId);
  const handle = client.workflow.getHandle(workflowId);
  let description;
  try {
    description = await handle.describe();
  } catch (error) {
    if ((error as { name?: string }).name === 'WorkflowNotFoundError') return null;
    throw error;
  }
  const status = description.status.name;
  const view: DsrStatus = { workflowId, status, progress: null, result: null, failure: null };
  // A query needs a worker: with none polling (all down) the status answers without progress.
  if (status === 'RUNNING')
    view.progress = await client
      .withDeadline(Date.now() + QUERY_WAIT_MS, () => handle.query(dsrProgressQuery))
      .catch(() => null);
  else if (status === 'COMPLETED') view.result = await handle.result();
  else if (status === 'FAILED')
    view.failure = await handle.result().then(
      () => null,
      (error: Error) => String((error.cause as Error | undefined)?.message ?? error.message),
    );
  return view;
};

export type RetentionScheduleOptions = { idPrefix?: string; taskQueue?: string; cron?: string };

export const retentionScheduleId = (idPrefix = ''): string => `${idPrefix}retention-purge`;

/**
 * Creates the nightly retention purge Schedule if it does not exist (one per deployment; the
 * workflow walks every tenant). Safe at every worker start; an existing one is left as ops set it.
 */
export const ensureRetentionSchedule = async (
  client: Client,
  options: RetentionScheduleOptions = {},
): Promise<{ scheduleId: string; created: boolean }> => {
  const scheduleId = retentionScheduleId(options.idPrefix);
  try {
    await client.schedule.create({
      scheduleId,
      spec: { cronExpressions: [options.cron ?? '15 2 * * *'] },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
      action: {
        type: 'startWorkflow',
        workflowType: 'purgeRetention',
        workflowId: scheduleId,
        taskQueue: options.taskQueue ?? TASK_QUEUE,
        args: [{}],
        typedSearchAttributes: [{ key: WorkflowKindKey, value: 'retention' }],
      },
    });
    return { scheduleId, created: true };
  } catch (error) {
    if (error instanceof ScheduleAlreadyRunning) return { scheduleId, created: false };
    throw error;
  }
};
