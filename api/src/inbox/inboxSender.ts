import type { ChannelActivities } from '@c360/workflows';

/**
 * The channel adapters' send functions, called in the API process for an agent's immediate
 * reply (the worker's activities, built by `createChannelActivities` from the same settings).
 */
export type InboxSender = Pick<
  ChannelActivities,
  'sendWhatsAppMessage' | 'sendInstagramMessage' | 'replyToInstagramComment' | 'sendEmail'
>;
