import type { MessageAttachment, MessageMetadata } from '@c360/store';
import type { OutboundDeliveryStatus } from '@c360/domain';

/** One thing a WhatsApp webhook reports, read out of Meta's nested payload. */
export type WhatsAppWebhookEvent =
  | {
      kind: 'message';
      phoneNumberId: string;
      waId: string;
      name: string | null;
      id: string;
      sentAt: Date;
      body: string;
      attachments: MessageAttachment[];
      metadata: MessageMetadata;
    }
  | {
      kind: 'status';
      phoneNumberId: string;
      id: string;
      status: OutboundDeliveryStatus;
      error: string | null;
    };

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

const STATUSES = new Set<OutboundDeliveryStatus>(['sent', 'delivered', 'read', 'failed']);

const MEDIA = ['image', 'document', 'video', 'audio', 'sticker'] as const;

/** The text an agent sees for a message, and what else it carries. */
const readMessage = (
  m: Json,
): { body: string; attachments: MessageAttachment[]; metadata: MessageMetadata } => {
  const type = str(m['type']) ?? 'unknown';
  const metadata: MessageMetadata = { kind: type };
  const replyTo = str(obj(m['context'])['id']);
  if (replyTo) metadata.replyToProviderId = replyTo;
  if (type === 'text') return { body: str(obj(m['text'])['body']) ?? '', attachments: [], metadata };
  if ((MEDIA as readonly string[]).includes(type)) {
    const media = obj(m[type]);
    const fileName = str(media['filename']) ?? `${type}-${str(media['id']) ?? 'file'}`;
    const link = str(media['link']);
    metadata['mediaId'] = str(media['id']);
    return {
      body: str(media['caption']) ?? '',
      attachments: [
        {
          fileName,
          contentType: str(media['mime_type']) ?? 'application/octet-stream',
          size: 0,
          ...(link ? { url: link } : {}),
        },
      ],
      metadata,
    };
  }
  if (type === 'button') {
    const button = obj(m['button']);
    metadata.interactive = { type: 'template_button', payload: str(button['payload']) };
    return { body: str(button['text']) ?? '', attachments: [], metadata };
  }
  if (type === 'interactive') {
    const interactive = obj(m['interactive']);
    const kind = str(interactive['type']);
    if (kind === 'nfm_reply') {
      const reply = obj(interactive['nfm_reply']);
      const raw = str(reply['response_json']);
      let response: unknown = raw;
      try {
        response = raw ? JSON.parse(raw) : null;
      } catch {
        // kept as the raw string
      }
      metadata.kind = 'flow_response';
      metadata.interactive = { type: 'nfm_reply', name: str(reply['name']), response };
      return { body: str(reply['body']) ?? 'Flow answered', attachments: [], metadata };
    }
    const reply = obj(interactive[kind ?? '']);
    metadata.interactive = { type: kind, id: str(reply['id']), title: str(reply['title']) };
    return { body: str(reply['title']) ?? '', attachments: [], metadata };
  }
  return { body: `[${type} message]`, attachments: [], metadata };
};

/** Every message and status in a `whatsapp_business_account` webhook. */
export const whatsappWebhookEvents = (payload: unknown): WhatsAppWebhookEvent[] => {
  const events: WhatsAppWebhookEvent[] = [];
  for (const entry of arr(obj(payload)['entry'])) {
    for (const change of arr(obj(entry)['changes'])) {
      if (obj(change)['field'] !== 'messages') continue;
      const value = obj(obj(change)['value']);
      const phoneNumberId = str(obj(value['metadata'])['phone_number_id']);
      if (!phoneNumberId) continue;
      const contacts = arr(value['contacts']).map(obj);
      for (const raw of arr(value['messages'])) {
        const m = obj(raw);
        const id = str(m['id']);
        const waId = str(m['from']);
        if (!id || !waId) continue;
        const contact = contacts.find((c) => c['wa_id'] === waId);
        events.push({
          kind: 'message',
          phoneNumberId,
          waId,
          name: str(obj(contact?.['profile'])['name']),
          id,
          sentAt: new Date(Number(m['timestamp'] ?? 0) * 1000),
          ...readMessage(m),
        });
      }
      for (const raw of arr(value['statuses'])) {
        const s = obj(raw);
        const id = str(s['id']);
        const status = str(s['status']) as OutboundDeliveryStatus | null;
        if (!id || !status || !STATUSES.has(status)) continue;
        const firstError = obj(arr(s['errors'])[0]);
        const error = firstError['code']
          ? `${String(firstError['code'])}: ${str(firstError['title']) ?? str(firstError['message']) ?? 'failed'}`
          : null;
        events.push({ kind: 'status', phoneNumberId, id, status, error });
      }
    }
  }
  return events;
};
