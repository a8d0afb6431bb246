import type { Client } from '@temporalio/client';
import { TASK_QUEUE } from '@c360/domain';
import type { CampaignState } from '../shared/campaignActivityTypes';
import { tenantSearchAttributes } from '../shared/searchAttributes';
import {
  campaignProgressQuery,
  campaignWorkflowId,
  cancelCampaignSignal,
  pauseCampaignSignal,
  resumeCampaignSignal,
} from '../campaign/campaignSignals';
import type { campaignWorkflow } from '../campaign/campaignWorkflow';

export type CampaignControl = {
  start(input: {
    tenantId: string;
    campaignId: string;
    segmentId: string | null;
  }): Promise<{ workflowId: string }>;
  signal(campaignId: string, action: 'pause' | 'resume' | 'cancel'): Promise<void>;
  /**
   * The running campaign's progress; null once it has ended (its report is then on the campaign),
   * or when no worker answers the query within a few seconds (none polling: all down).
   */
  progress(campaignId: string): Promise<CampaignState | null>;
};

const PROGRESS_WAIT_MS = 3_000;

const SIGNALS = { pause: pauseCampaignSignal, resume: resumeCampaignSignal, cancel: cancelCampaignSignal };

/** The API's handle on campaign workflows: one workflow per campaign, id from the campaign. */
export const campaignControl = (client: Client, taskQueue = TASK_QUEUE): CampaignControl => ({
  async start(input) {
    const workflowId = campaignWorkflowId(input.campaignId);
    await client.workflow.start<typeof campaignWorkflow>('campaignWorkflow', {
      taskQueue,
      workflowId,
      args: [{ tenantId: input.tenantId, campaignId: input.campaignId }],
      typedSearchAttributes: tenantSearchAttributes(input.tenantId, 'campaign', {
        ...(input.segmentId ? { segmentId: input.segmentId } : {}),
      }),
    });
    return { workflowId };
  },
  async signal(campaignId, action) {
    await client.workflow.getHandle(campaignWorkflowId(campaignId)).signal(SIGNALS[action]);
  },
  async progress(campaignId) {
    const handle = client.workflow.getHandle(campaignWorkflowId(campaignId));
    const described = await handle.describe();
    if (described.status.name !== 'RUNNING') return null;
    // A query waits for a worker: bounded, so a caller answers without the progress rather than hang.
    return client
      .withDeadline(Date.now() + PROGRESS_WAIT_MS, () => handle.query(campaignProgressQuery))
      .catch(() => null);
  },
});
