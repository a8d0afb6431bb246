import { csat } from './satisfaction';
import { median, round } from './stats';

/**
 * Per-channel service figures: conversation volume, median minutes to first response and to
 * resolution, and CSAT of the answers attributed to the channel.
 */
export type ChannelConversation = {
  channel: string;
  startedAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
};
export type ChannelSurvey = { channel: string; kind: 'csat' | 'nps'; score: number };
export type ChannelStats = {
  channel: string;
  volume: number;
  medianFirstResponseMinutes: number | null;
  medianResolutionMinutes: number | null;
  csat: number | null;
  csatAnswers: number;
};

const minutes = (from: Date, to: Date): number => (to.getTime() - from.getTime()) / 60_000;
const rounded = (v: number | null): number | null => (v === null ? null : round(v, 1));

export const channelAnalytics = (
  conversations: ChannelConversation[],
  surveys: ChannelSurvey[],
): ChannelStats[] => {
  const channels = [
    ...new Set([...conversations.map((c) => c.channel), ...surveys.map((s) => s.channel)]),
  ].sort();
  return channels.map((channel) => {
    const mine = conversations.filter((c) => c.channel === channel);
    const answers = surveys.filter((s) => s.channel === channel && s.kind === 'csat').map((s) => s.score);
    return {
      channel,
      volume: mine.length,
      medianFirstResponseMinutes: rounded(
        median(mine.flatMap((c) => (c.firstResponseAt ? [minutes(c.startedAt, c.firstResponseAt)] : []))),
      ),
      medianResolutionMinutes: rounded(
        median(mine.flatMap((c) => (c.resolvedAt ? [minutes(c.startedAt, c.resolvedAt)] : []))),
      ),
      csat: csat(answers),
      csatAnswers: answers.length,
    };
  });
};
