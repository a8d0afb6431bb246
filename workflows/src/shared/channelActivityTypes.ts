import type { TemplateSendParameters } from '@c360/domain';

/**
 * The contracts of the channel adapters (activities/src/channels). Every send names the tenant,
 * the conversation and an idempotency key derived from the workflow id and step: a retried
 * activity finds the message it already sent instead of sending a second one.
 */
export type OutboundSendBase = {
  tenantId: string;
  conversationId: string;
  idempotencyKey: string;
  authorId?: string;
};

export type WhatsAppContent =
  | { type: 'text'; text: string; previewUrl?: boolean }
  | {
      type: 'media';
      mediaType: 'image' | 'document' | 'video' | 'audio';
      link: string;
      caption?: string;
      filename?: string;
    }
  /**
   * One of the tenant's reply assets, sent as image, video, audio or document media by a signed
   * link the Cloud API fetches; the caption goes with image, video and document (audio takes none:
   * the text goes first as its own message).
   */
  | { type: 'asset'; assetId: string; caption?: string }
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
    };

export type SendWhatsAppInput = OutboundSendBase & { content: WhatsAppContent };

export type InstagramContent =
  | { type: 'text'; text: string }
  | { type: 'media'; mediaType: 'image' | 'video' | 'audio' | 'file'; url: string }
  /** One of the tenant's reply assets by a signed link; an attachment is a message of its own, so the text goes first. */
  | { type: 'asset'; assetId: string; text?: string };

export type SendInstagramInput = OutboundSendBase & { content: InstagramContent };

/** A public reply under the comment, or a private reply (a DM tied to the comment; one per comment). */
export type ReplyInstagramCommentInput = OutboundSendBase & {
  visibility: 'public' | 'private';
  text: string;
  /** The comment answered; defaults to the conversation's latest inbound comment. */
  commentId?: string;
};

export type EmailAttachmentInput = { filename: string; contentType: string; contentBase64: string };

export type SendEmailInput = OutboundSendBase & {
  /** Defaults to `Re: <the conversation's subject>`. */
  subject?: string;
  text?: string;
  html?: string;
  attachments?: EmailAttachmentInput[];
  /** One of the tenant's reply assets, attached with its bytes read from the asset store. */
  assetId?: string;
};

export type SentMessage = {
  messageId: string;
  providerMessageId: string;
  /** True when this key had been sent before: nothing was sent this time. */
  alreadySent: boolean;
};

export type InstagramProfile = {
  igsid: string;
  username: string | null;
  name: string | null;
  cached: boolean;
};

export type ChannelActivities = {
  sendWhatsAppMessage(input: SendWhatsAppInput): Promise<SentMessage>;
  sendInstagramMessage(input: SendInstagramInput): Promise<SentMessage>;
  replyToInstagramComment(input: ReplyInstagramCommentInput): Promise<SentMessage>;
  lookupInstagramProfile(input: { tenantId: string; igsid: string }): Promise<InstagramProfile>;
  sendEmail(input: SendEmailInput): Promise<SentMessage>;
};

/** Failure types the adapters raise (ApplicationFailure.type), for retry policies and callers. */
export const CHANNEL_FAILURES = {
  /** The input breaks a rule (template parameters, the 24-hour window, missing account): never retried. */
  invalid: 'ChannelInvalidRequest',
  /** The provider refused the message for good. */
  rejected: 'ChannelRejected',
  /** The provider's credentials are refused (token expired): retried only after an operator fixes them. */
  auth: 'ChannelAuth',
  /** Rate-limited or a transient provider failure: retried, after the provider's retry information when it gave one. */
  transient: 'ChannelTransient',
} as const;
