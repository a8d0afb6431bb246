import { untypedMessages } from '@c360/mfe-kit';
import { defineMessages, type MessageDescriptor } from 'react-intl';
import type { Channel } from '../api/analyticsTypes';

const labels = untypedMessages(
  defineMessages({
    whatsapp: { id: 'analytics.channel.whatsapp', defaultMessage: 'WhatsApp' },
    instagram: { id: 'analytics.channel.instagram', defaultMessage: 'Instagram' },
    email: { id: 'analytics.channel.email', defaultMessage: 'E-mail' },
  }),
);

export const channelLabel = (channel: Channel): MessageDescriptor => labels[channel];
