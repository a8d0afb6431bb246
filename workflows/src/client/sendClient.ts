import type { Client } from '@temporalio/client';
import { sendWorkflowId, TASK_QUEUE, type SendContent, type SendRequest } from '@c360/domain';
import { cancelSendSignal, rescheduleSignal, updateSendContentSignal } from '../send/sendSignals';
import { sendSearchAttributes } from '../send/sendSearchAttributes';

/** What the API does with sends: start one, and move, edit or cancel it while it is held. */
export type SendClient = {
  /** Starts the send (idempotent: the id comes from the business event); returns its workflow id. */
  start(req: SendRequest): Promise<string>;
  reschedule(workflowId: string, notBefore: string): Promise<void>;
  updateContent(workflowId: string, content: SendContent): Promise<void>;
  cancel(workflowId: string): Promise<void>;
};

const alreadyStarted = (error: unknown): boolean =>
  (error as { name?: string } | null)?.name === 'WorkflowExecutionAlreadyStartedError';

/** Client-side code (never in the workflow bundle), so the API starts sends as the worker runs them. */
export const createSendClient = (client: Client, taskQueue: string = TASK_QUEUE): SendClient => ({
  async start(req) {
    const workflowId = sendWorkflowId(req);
    try {
      await client.workflow.start('sendMessageWorkflow', {
        taskQueue,
        workflowId,
        args: [req],
        typedSearchAttributes: sendSearchAttributes(req),
      });
    } catch (error) {
      if (!alreadyStarted(error)) throw error;
    }
    return workflowId;
  },
  reschedule: (workflowId, notBefore) =>
    client.workflow.getHandle(workflowId).signal(rescheduleSignal, { notBefore }),
  updateContent: (workflowId, content) =>
    client.workflow.getHandle(workflowId).signal(updateSendContentSignal, { content }),
  cancel: (workflowId) => client.workflow.getHandle(workflowId).signal(cancelSendSignal),
});
