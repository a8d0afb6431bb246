/** The API's answers this area reads (see the API's OpenAPI document for the full shapes). */

export type Channel = 'whatsapp' | 'instagram' | 'email';
export const CHANNELS: readonly Channel[] = ['whatsapp', 'instagram', 'email'];
export type ConversationStatus = 'open' | 'pending' | 'snoozed' | 'closed';
export const STATUSES: readonly ConversationStatus[] = ['open', 'pending', 'snoozed', 'closed'];
export type SlaRisk = 'breached' | 'at_risk' | 'ok' | 'none';
export const SLA_RISKS: readonly SlaRisk[] = ['breached', 'at_risk', 'ok', 'none'];

export type ConversationSummary = {
  id: string;
  channel: Channel;
  status: ConversationStatus;
  subject: string | null;
  tags: string[];
  customer: { id: string; firstName: string; lastName: string };
  assigneeId: string | null;
  ticketId: string | null;
  team: string | null;
  lastMessageAt: string | null;
  lastActivityAt: string;
  slaDueAt: string | null;
  slaRisk: SlaRisk;
  unread: boolean;
  whatsappWindowOpen: boolean | null;
  preview: string | null;
};

export type ConversationFilters = {
  channel?: Channel[];
  status?: ConversationStatus[];
  assignee?: 'me' | 'none';
  unread?: boolean;
  slaRisk?: SlaRisk[];
  sort?: 'last_activity' | 'sla_due';
};

export type MessageItem = {
  kind: 'message';
  id: string;
  at: string;
  direction: 'inbound' | 'outbound';
  channel: Channel;
  authorId: string | null;
  body: string;
  html: string | null;
  deliveryStatus: string;
  deliveryError: string | null;
  /** `url`: for a stored asset, a signed link the API made when the thread was read. */
  attachments: { fileName: string; contentType: string; size: number; assetId?: string; url?: string }[];
  metadata: Record<string, unknown>;
};

export type EventItem = {
  kind: 'event';
  id: string;
  at: string;
  action: string;
  actorType: string;
  actorId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

export type ThreadItem = MessageItem | EventItem;

export type Thread = {
  conversation: Omit<ConversationSummary, 'preview' | 'unread' | 'slaRisk' | 'slaDueAt' | 'team'>;
  /** Newest first, as the API gives them. */
  items: ThreadItem[];
  nextCursor: string | null;
};

export type ConversationState = {
  id: string;
  status: ConversationStatus;
  assigneeId: string | null;
  tags: string[];
  ticketId: string | null;
  changed: boolean;
};

export type ReplyTemplate = {
  id: string;
  name: string;
  channel: Channel;
  language: string;
  category: string | null;
  subject: string | null;
  body: string;
  providerTemplateName: string | null;
  approvalStatus: string;
  favorite: boolean;
  usageCount: number;
};

export type Snippet = { id: string; shortcut: string; title: string; body: string; language: string | null };
export type Macro = { id: string; name: string; description: string | null; actions: { type: string }[] };
export type MacroRun = { conversationId: string; macroId: string; applied: string[]; draft: string | null };

export type ReplyPart =
  | { type: 'template'; id: string }
  | { type: 'snippet'; id: string }
  | { type: 'text'; text: string };

export type RenderedReply = {
  channel: Channel;
  text: string;
  html: string | null;
  templateIds: string[];
  providerTemplate: {
    name: string;
    language: string;
    parameters: { body?: { type: 'text'; text: string }[] };
  } | null;
};

export type ReplyBody = {
  text?: string;
  html?: string;
  subject?: string;
  template?: { name: string; language: string; parameters: { body?: { type: 'text'; text: string }[] } };
  commentVisibility?: 'public' | 'private';
  /** One of the tenant's assets, sent with the text (or alone). */
  assetId?: string;
};

/** A file uploaded once and quick-sent from the composer. */
export type ReplyAsset = {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  /** The channels whose providers take its type (its size is checked when sending). */
  channels: Channel[];
  uploadedBy: string | null;
  createdAt: string;
};

export type ReplyResult = {
  messageId: string;
  providerMessageId: string;
  alreadySent: boolean;
  idempotencyKey: string;
};

export type QuietHours = { start: string; end: string; timeZone: string };
export type CustomerPreferences = {
  channels: Record<'whatsapp' | 'email' | 'sms', { optedIn: boolean }>;
  quietHours: QuietHours | null;
  language: string;
};

/** The composer's timing facts, computed by the API in the customer's time zone. */
export type ComposeCheck = {
  quietHours: { now: boolean; endsAt: string | null; start: string; end: string; timeZone: string } | null;
  whatsappWindow: { open: boolean; closesAt: string | null } | null;
  customerWroteInLast24h: boolean;
  suggestSendLater: boolean;
};

/** What a scheduled reply takes: the reply's content, and when (a time, or the end of quiet hours). */
export type ScheduleReplyBody = Omit<ReplyBody, 'commentVisibility'> &
  ({ sendAt: string } | { atQuietHoursEnd: true });

export type ScheduledReply = {
  id: string;
  conversationId: string;
  status: 'scheduled' | 'sent' | 'cancelled' | 'skipped' | 'failed';
  sendAt: string;
  plannedAt: string | null;
  content: { type?: string; text?: string; subject?: string; name?: string; assetId?: string };
  authorId: string | null;
  messageId: string | null;
};

/** An immediate reply the customer's quiet hours held: the scheduled reply it became. */
export type HeldReply = ScheduledReply & { heldBy: 'quiet_hours' };

export type SurveyRequested = {
  surveyRequestId: string;
  workflowId: string;
  kind: 'csat' | 'nps';
  status: 'pending';
};
