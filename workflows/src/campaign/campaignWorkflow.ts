import {
  ApplicationFailure,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { CampaignReport } from '@c360/domain';
import type { CampaignActivities, CampaignInput, CampaignState } from '../shared/campaignActivityTypes';
import { tenantSearchAttributes } from '../shared/searchAttributes';
import {
  campaignProgressQuery,
  cancelCampaignSignal,
  pauseCampaignSignal,
  resumeCampaignSignal,
} from './campaignSignals';

const store = proxyActivities<CampaignActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
// Planning a page heartbeats per member, so a worker stopped mid-page is noticed in seconds, not minutes.
const planner = proxyActivities<CampaignActivities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '20 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
// A batch sends up to a page of members; it heartbeats after each, so a stopped worker is noticed fast.
const sender = proxyActivities<CampaignActivities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export const CAMPAIGN_PAGE_SIZE = 500;
/** Pages per run before continuing as new: keeps each run's history to a few hundred events. */
export const CAMPAIGN_PAGES_PER_RUN = 10;

export type CampaignWorkflowInput = CampaignInput & {
  pageSize?: number;
  /** Carried across continue-as-new; absent on the first run. */
  state?: CampaignState & { roundHadWork: boolean; paused: boolean };
};

/**
 * A campaign: snapshot the segment's members, then walk them page by page. Each page is planned
 * under the send path's policy (opt-in, quiet hours in each member's zone, WhatsApp's window),
 * grouped by moment; the workflow sleeps until each group's moment and sends the group through
 * one batch activity, which claims a dedupe row per member before calling the adapter (exactly
 * one message per member, even when a batch is retried after a worker restart). Members the
 * daily cap defers are planned again in a later round. Pause, resume and cancel are signals;
 * progress is a query; every few pages the run continues as new, so history stays small.
 */
export async function campaignWorkflow(input: CampaignWorkflowInput): Promise<CampaignReport> {
  if (!input?.tenantId || !input.campaignId)
    throw ApplicationFailure.nonRetryable('campaignWorkflow needs tenantId and campaignId', 'InvalidInput');
  const pageSize = input.pageSize ?? CAMPAIGN_PAGE_SIZE;
  const ids = { tenantId: input.tenantId, campaignId: input.campaignId };
  const state = input.state ?? {
    phase: 'snapshot' as CampaignState['phase'],
    members: 0,
    after: null,
    round: 1,
    pages: 0,
    sent: 0,
    skipped: 0,
    failed: 0,
    deferred: 0,
    holdingUntil: null,
    roundHadWork: false,
    paused: false,
  };
  let cancelled = false;
  setHandler(campaignProgressQuery, () => ({
    ...state,
    phase: state.paused && !cancelled ? 'paused' : state.phase,
  }));
  setHandler(pauseCampaignSignal, () => void (state.paused = true));
  setHandler(resumeCampaignSignal, () => void (state.paused = false));
  setHandler(cancelCampaignSignal, () => void (cancelled = true));

  if (state.phase === 'snapshot') {
    upsertSearchAttributes(tenantSearchAttributes(input.tenantId, 'campaign'));
    state.members = (await store.snapshotCampaignMembers(ids)).members;
    state.phase = 'planning';
  }

  const finish = async (status: 'done' | 'cancelled'): Promise<CampaignReport> => {
    if (status === 'cancelled') state.skipped += (await store.cancelCampaignMembers(ids)).skipped;
    state.phase = status;
    state.holdingUntil = null;
    return store.finishCampaign({ ...ids, status });
  };

  let pagesThisRun = 0;
  for (;;) {
    await condition(() => cancelled || !state.paused);
    if (cancelled) return finish('cancelled');
    if (pagesThisRun >= CAMPAIGN_PAGES_PER_RUN || workflowInfo().continueAsNewSuggested)
      return continueAsNew<typeof campaignWorkflow>({ ...input, pageSize, state });

    state.phase = 'planning';
    const page = await planner.planCampaignPage({
      ...ids,
      after: state.after,
      pageSize,
      now: new Date().toISOString(),
    });
    state.pages += 1;
    pagesThisRun += 1;
    state.skipped += page.skipped;
    if (page.groups.length > 0 || page.skipped > 0) state.roundHadWork = true;

    for (const group of page.groups) {
      const waitMs = new Date(group.at).getTime() - Date.now();
      if (waitMs > 0) {
        state.phase = 'holding';
        state.holdingUntil = group.at;
        await condition(() => cancelled, waitMs);
      }
      // Paused while holding or between groups: wait here, then send what is due.
      await condition(() => cancelled || !state.paused);
      if (cancelled) return finish('cancelled');
      state.phase = 'sending';
      state.holdingUntil = null;
      const sent = await sender.sendCampaignBatch({
        ...ids,
        customerIds: group.customerIds,
        now: new Date().toISOString(),
      });
      state.sent += sent.sent;
      state.skipped += sent.skipped;
      state.failed += sent.failed;
      state.deferred += sent.deferred;
    }

    state.after = page.after;
    if (page.after === null) {
      // The round is over: members the cap deferred are planned again, until a round finds none.
      if (!state.roundHadWork) return finish('done');
      state.round += 1;
      state.roundHadWork = false;
    }
  }
}
