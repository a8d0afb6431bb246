import type { SendContent, SendRequest } from '@c360/domain';
import type {
  OutboundSendBase,
  SendEmailInput,
  SendInstagramInput,
  SendWhatsAppInput,
} from '../shared/channelActivityTypes';

/** Which channel activity a send calls, with its input; a content the channel cannot carry is an error. */
export type ChannelCall =
  | { activity: 'sendWhatsAppMessage'; input: SendWhatsAppInput }
  | { activity: 'sendEmail'; input: SendEmailInput }
  | { activity: 'sendInstagramMessage'; input: SendInstagramInput }
  | { activity: null; error: string };

export const toChannelCall = (
  channel: SendRequest['channel'],
  content: SendContent,
  base: OutboundSendBase,
): ChannelCall => {
  const refuse = (): ChannelCall => ({
    activity: null,
    error: `a ${content.type} message cannot be sent on ${channel}`,
  });
  switch (channel) {
    case 'whatsapp':
      if (content.type === 'email') return refuse();
      if (content.type === 'text' && content.assetId !== undefined)
        return {
          activity: 'sendWhatsAppMessage',
          input: {
            ...base,
            content: {
              type: 'asset',
              assetId: content.assetId,
              ...(content.text !== '' ? { caption: content.text } : {}),
            },
          },
        };
      return { activity: 'sendWhatsAppMessage', input: { ...base, content } };
    case 'email':
      if (content.type === 'email')
        return {
          activity: 'sendEmail',
          input: {
            ...base,
            subject: content.subject,
            ...(content.html !== undefined ? { html: content.html } : {}),
            ...(content.text !== undefined ? { text: content.text } : {}),
            ...(content.assetId !== undefined ? { assetId: content.assetId } : {}),
          },
        };
      if (content.type === 'text')
        return {
          activity: 'sendEmail',
          input: {
            ...base,
            text: content.text,
            ...(content.assetId !== undefined ? { assetId: content.assetId } : {}),
          },
        };
      return refuse();
    case 'instagram':
      if (content.type !== 'text') return refuse();
      if (content.assetId !== undefined)
        return {
          activity: 'sendInstagramMessage',
          input: {
            ...base,
            content: {
              type: 'asset',
              assetId: content.assetId,
              ...(content.text !== '' ? { text: content.text } : {}),
            },
          },
        };
      return { activity: 'sendInstagramMessage', input: { ...base, content } };
  }
};
