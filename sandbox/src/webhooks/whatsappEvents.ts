import type { SentWhatsAppMessage, WhatsAppAccount, WhatsAppStatus } from '../state/sandboxState';

const unixSeconds = (date: Date) => String(Math.floor(date.getTime() / 1000));

/** The envelope of every WhatsApp Business Account webhook: one entry, one `messages` change. */
const envelope = (account: WhatsAppAccount, value: Record<string, unknown>) => ({
  object: 'whatsapp_business_account',
  entry: [
    {
      id: account.wabaId,
      changes: [
        {
          value: {
            messaging_product: 'whatsapp',
            metadata: {
              display_phone_number: account.displayPhoneNumber,
              phone_number_id: account.phoneNumberId,
            },
            ...value,
          },
          field: 'messages',
        },
      ],
    },
  ],
});

/** What a customer sent, in the shape of `entry.changes.value.messages[]`. */
export type InboundWhatsAppContent =
  | { type: 'text'; text: { body: string } }
  | { type: 'image' | 'document'; image?: unknown; document?: unknown }
  | { type: 'button'; button: { payload: string; text: string } }
  | { type: 'interactive'; interactive: Record<string, unknown> };

export const whatsappInboundMessage = (
  account: WhatsAppAccount,
  input: {
    from: string;
    name: string;
    id: string;
    at: Date;
    content: InboundWhatsAppContent;
    contextId?: string;
  },
) =>
  envelope(account, {
    contacts: [{ profile: { name: input.name }, wa_id: input.from }],
    messages: [
      {
        from: input.from,
        id: input.id,
        timestamp: unixSeconds(input.at),
        ...(input.contextId ? { context: { from: account.displayPhoneNumber, id: input.contextId } } : {}),
        ...input.content,
      },
    ],
  });

export const whatsappStatusUpdate = (
  account: WhatsAppAccount,
  message: SentWhatsAppMessage,
  status: WhatsAppStatus,
  at: Date,
  error?: { code: number; title: string; details: string },
) => {
  const category = message.type === 'template' ? 'utility' : 'service';
  return envelope(account, {
    statuses: [
      {
        id: message.id,
        status,
        timestamp: unixSeconds(at),
        recipient_id: message.to,
        ...(status === 'failed' && error
          ? {
              errors: [
                {
                  code: error.code,
                  title: error.title,
                  message: error.title,
                  error_data: { details: error.details },
                },
              ],
            }
          : {
              conversation: {
                id: `conv_${message.phoneNumberId}_${message.to}`,
                ...(status === 'sent'
                  ? { expiration_timestamp: unixSeconds(new Date(at.getTime() + 86_400_000)) }
                  : {}),
                origin: { type: category },
              },
              pricing: { billable: true, pricing_model: 'PMP', category },
            }),
      },
    ],
  });
};

/** Failure codes a status webhook can carry, with Meta's titles. */
export const deliveryFailures: Record<number, string> = {
  131026: 'Message undeliverable',
  131047: 'Re-engagement message',
  131049: 'This message was not delivered to maintain healthy ecosystem engagement.',
  131050: 'User has stopped marketing messages',
  131053: 'Media upload error',
  131000: 'Something went wrong',
};
