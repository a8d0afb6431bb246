import type { MessageTemplate } from '../graph/messageTemplates';
import type { FetchedMedia } from '../graph/fetchMedia';

/** The Graph API endpoints the sandbox serves, named for fault injection and recorded requests. */
export const graphEndpoints = [
  'whatsapp.messages',
  'whatsapp.templates',
  'instagram.messages',
  'instagram.replies',
  'instagram.profile',
] as const;
export type GraphEndpoint = (typeof graphEndpoints)[number];

export type WhatsAppStatus = 'sent' | 'delivered' | 'read' | 'failed';

export type RecordedRequest = {
  seq: number;
  at: string;
  method: string;
  path: string;
  endpoint: GraphEndpoint | null;
  query: Record<string, unknown>;
  body: unknown;
  status: number;
  response: unknown;
};

export type WhatsAppAccount = { phoneNumberId: string; wabaId: string; displayPhoneNumber: string };
export type InstagramAccount = { igUserId: string; username: string };
export type InstagramUser = { id: string; username: string; name: string; profile_pic: string };

export type SentWhatsAppMessage = {
  id: string;
  at: string;
  phoneNumberId: string;
  to: string;
  type: string;
  request: unknown;
  statuses: { status: WhatsAppStatus; at: string; errorCode?: number }[];
  /** A media message sent by `link`: what the sandbox fetched from it (absent until fetched). */
  media?: FetchedMedia;
};

export type SentInstagramMessage = {
  id: string;
  at: string;
  igUserId: string;
  recipient: { id: string } | { comment_id: string };
  recipientId: string;
  message: unknown;
  /** An attachment sent by URL: what the sandbox fetched from it. */
  media?: FetchedMedia;
};

export type InstagramComment = {
  id: string;
  at: string;
  mediaId: string;
  igUserId: string;
  from: { id: string; username: string };
  text: string;
  parentId: string | null;
  privateReplyId: string | null;
};

export type CommentReply = { id: string; at: string; commentId: string; message: string };

export type FaultKind = 'rate_limit' | 'server_error' | 'token_expired' | 'delivery_failed';
export type Fault = {
  id: string;
  endpoint: GraphEndpoint | '*';
  kind: FaultKind;
  remaining: number;
  code: number | null;
  retryAfterSeconds: number;
};
export type Latency = { endpoint: GraphEndpoint | '*'; ms: number; remaining: number | null };

export type WebhookChannel = 'whatsapp' | 'instagram' | 'email';
export type DeliveryAttempt = {
  attempt: number;
  at: string;
  status: number | null;
  error: string | null;
  responseBody: string | null;
};
export type WebhookDelivery = {
  id: string;
  channel: WebhookChannel;
  url: string;
  contentType: string;
  headers: Record<string, string>;
  body: string;
  state: 'pending' | 'delivered' | 'failed';
  attempts: DeliveryAttempt[];
  nextAttemptAt: string | null;
};

export type CapturedMail = {
  id: string;
  receivedAt: string;
  envelope: { mailFrom: string | null; rcptTo: string[] };
  auth: { username: string } | null;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  from: string | null;
  to: string[];
  cc: string[];
  replyTo: string | null;
  subject: string | null;
  date: string | null;
  text: string | null;
  html: string | null;
  headers: Record<string, string>;
  attachments: {
    filename: string | null;
    contentType: string;
    size: number;
    contentId: string | null;
    /** Hex SHA-256 of the decoded bytes, so a test can check a file arrived intact. */
    sha256: string;
  }[];
  raw: string;
};

export type SandboxSettings = {
  accessTokens: string[];
  expiredTokens: string[];
  appSecret: string;
  verifyToken: string;
  emailSecret: string;
  webhookUrls: Record<WebhookChannel, string>;
  retryDelaysMs: number[];
  statusDelayMs: number;
  autoStatuses: ('sent' | 'delivered' | 'read')[];
  /** Fail non-template sends to a customer who has not written in 24 hours (131047), as WhatsApp does. */
  enforceServiceWindow: boolean;
};

/** Everything the sandbox remembers; in memory, one instance per sandbox, emptied by reset. */
export type SandboxState = {
  settings: SandboxSettings;
  whatsappAccounts: WhatsAppAccount[];
  instagramAccounts: InstagramAccount[];
  instagramUsers: Map<string, InstagramUser>;
  templates: MessageTemplate[];
  requests: RecordedRequest[];
  whatsappMessages: SentWhatsAppMessage[];
  instagramMessages: SentInstagramMessage[];
  comments: Map<string, InstagramComment>;
  commentReplies: CommentReply[];
  faults: Fault[];
  latencies: Latency[];
  deliveries: WebhookDelivery[];
  mail: CapturedMail[];
  nextRequestSeq: number;
  /** Last inbound message time (ms) per `phoneNumberId:waId`: the customer service window. */
  lastInboundAt: Map<string, number>;
};
