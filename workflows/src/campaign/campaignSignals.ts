import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { CampaignState } from '../shared/campaignActivityTypes';

export const pauseCampaignSignal = defineSignal('pauseCampaign');
export const resumeCampaignSignal = defineSignal('resumeCampaign');
export const cancelCampaignSignal = defineSignal('cancelCampaign');
export const campaignProgressQuery = defineQuery<CampaignState>('campaignProgress');

/** The campaign's workflow id: one run per campaign, whoever asks to start it. */
export const campaignWorkflowId = (campaignId: string): string => `campaign-${campaignId}`;
