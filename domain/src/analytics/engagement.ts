import type { ChannelMessageStats } from './inputs';
import { clamp, round } from './stats';

/**
 * Engagement 0-100 over the tenant's window: 70% volume (inbound messages plus survey answers,
 * full at `saturation`) and 30% breadth (the share of the tenant's channels the customer wrote on).
 */
export type EngagementSettings = { saturation: number; channels: string[] };

export type Engagement = {
  score: number;
  interactions: number;
  activeChannels: string[];
  volumePart: number;
  breadthPart: number;
};

export const VOLUME_WEIGHT = 0.7;
export const BREADTH_WEIGHT = 0.3;

export const engagementScore = (
  messages: ChannelMessageStats[],
  surveyAnswers: number,
  settings: EngagementSettings,
): Engagement => {
  const interactions = messages.reduce((n, m) => n + Math.max(0, m.inbound), 0) + surveyAnswers;
  const activeChannels = settings.channels.filter((c) =>
    messages.some((m) => m.channel === c && m.inbound > 0),
  );
  const volumePart = clamp(interactions / settings.saturation, 0, 1);
  const breadthPart = activeChannels.length / settings.channels.length;
  return {
    score: Math.round(100 * (VOLUME_WEIGHT * volumePart + BREADTH_WEIGHT * breadthPart)),
    interactions,
    activeChannels,
    volumePart: round(volumePart, 4),
    breadthPart: round(breadthPart, 4),
  };
};
