import type { TemplateSendParameters } from '../channels/whatsappTemplate';

/** The channels the send path delivers on. */
export const SEND_CHANNELS = ['whatsapp', 'email', 'instagram'] as const;
export type SendChannel = (typeof SEND_CHANNELS)[number];

/** What started a send: the business event. Its kind and id make the send's identity. */
export const SEND_SOURCE_KINDS = ['survey', 'playbook', 'campaign', 'scheduled_reply', 'manual'] as const;
export type SendSourceKind = (typeof SEND_SOURCE_KINDS)[number];

/**
 * What a send carries. `text` goes on any channel (WhatsApp only inside the customer-service
 * window); `template` is an approved WhatsApp template (the only thing allowed outside the
 * window); `buttons`, `list` and `flow` are WhatsApp interactive messages (free-form: window
 * rules apply); `email` is a mail with a subject and an HTML and/or text body. `assetId` (text and
 * email) carries one of the tenant's reply assets: a media message, or a mail attachment; the text
 * may then be empty.
 */
export type SendContent =
  | { type: 'text'; text: string; assetId?: string }
  | { type: 'template'; name: string; language: string; parameters: TemplateSendParameters }
  | { type: 'buttons'; body: string; buttons: { id: string; title: string }[] }
  | {
      type: 'list';
      body: string;
      button: string;
      sections: { title: string; rows: { id: string; title: string; description?: string }[] }[];
    }
  | {
      type: 'flow';
      body: string;
      flowId: string;
      flowToken: string;
      cta: string;
      screen?: string;
      data?: Record<string, unknown>;
    }
  | { type: 'email'; subject: string; html?: string; text?: string; assetId?: string };

/**
 * `marketing` needs the customer's opt-in on the channel; `service` (a reply, a survey of the
 * customer's own ticket) does not, but a channel the customer opted OUT of is still refused once
 * they had opted in and revoked it (see the send policy). Quiet hours and the frequency cap
 * apply to both.
 */
export type SendPurpose = 'marketing' | 'service';

export type SendRequest = {
  tenantId: string;
  customerId: string;
  source: { kind: SendSourceKind; id: string };
  /** The step of the source that sends: 'invite', 'reminder', 'welcome', 'winback', 'reply'... */
  step: string;
  channel: SendChannel;
  content: SendContent;
  purpose: SendPurpose;
  /** The conversation to send in; when absent, the customer's latest conversation on the channel (or a new one). */
  conversationId?: string;
  /** Not before this moment (ISO). */
  notBefore?: string;
  /** The agent who wrote it, for scheduled replies. */
  authorId?: string;
};

export type SendSkipReason =
  | 'consent_revoked'
  | 'not_opted_in'
  | 'cancelled'
  | 'window_closed'
  | 'no_address';

export type SendOutcome =
  | { status: 'sent'; messageId: string; sentAt: string }
  | { status: 'skipped'; reason: SendSkipReason | string }
  | { status: 'failed'; error: string };

/**
 * The send's workflow id, and the same string is the message's idempotency key: built from the
 * business event (tenant, source, customer, step), never from a run id, so a replayed trigger
 * or a reset workflow never sends twice.
 */
export const sendWorkflowId = (
  req: Pick<SendRequest, 'tenantId' | 'source' | 'customerId' | 'step'>,
): string => `send:${req.tenantId}:${req.source.kind}:${req.source.id}:${req.customerId}:${req.step}`;
