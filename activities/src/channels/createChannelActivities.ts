import type { ChannelActivities } from '@c360/workflows';
import type { ChannelDeps } from './channelContext';
import { createEmailActivities } from './emailActivities';
import { createInstagramActivities } from './instagramActivities';
import { createWhatsAppActivities } from './whatsappActivities';

/** The channel adapters as Temporal activities. */
export const createChannelActivities = (deps: ChannelDeps): ChannelActivities => {
  const { sendEmail } = createEmailActivities(deps);
  return { ...createWhatsAppActivities(deps), ...createInstagramActivities(deps), sendEmail };
};
