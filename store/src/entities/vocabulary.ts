/**
 * The closed value sets of the data model. Each becomes a CHECK constraint in PostgreSQL, so a
 * value outside the set is refused by the database too, not only by the API's validation.
 */
export const LIFECYCLE_STAGES = ['lead', 'prospect', 'customer', 'loyal', 'at_risk', 'churned'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const DEAL_STATUSES = ['open', 'won', 'lost'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

export const TICKET_STATUSES = ['open', 'pending', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/** Channels a conversation happens on (SMS is a consent channel only, no inbox yet). */
export const CONVERSATION_CHANNELS = ['whatsapp', 'instagram', 'email'] as const;
export type ConversationChannel = (typeof CONVERSATION_CHANNELS)[number];

export const CONVERSATION_STATUSES = ['open', 'pending', 'snoozed', 'closed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export const MESSAGE_DIRECTIONS = ['inbound', 'outbound'] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

/** `received` is the state of every inbound message; the others follow an outbound send. */
export const DELIVERY_STATUSES = ['queued', 'sent', 'delivered', 'read', 'failed', 'received'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const CALL_DIRECTIONS = ['inbound', 'outbound'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

export const ARTICLE_STATUSES = ['draft', 'published', 'archived'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const SURVEY_KINDS = ['csat', 'nps'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

/** `web` is the in-app survey at a signed public link. */
export const SURVEY_CHANNELS = ['whatsapp', 'email', 'web'] as const;
export type SurveyChannel = (typeof SURVEY_CHANNELS)[number];

export const SURVEY_REQUEST_STATUSES = [
  'pending',
  'sent',
  'reminded',
  'answered',
  'expired',
  'failed',
  'cancelled',
] as const;
export type SurveyRequestStatus = (typeof SURVEY_REQUEST_STATUSES)[number];

export const TEMPLATE_CHANNELS = ['whatsapp', 'instagram', 'email'] as const;
export type TemplateChannel = (typeof TEMPLATE_CHANNELS)[number];

/** WhatsApp templates must be approved by Meta before they can be sent outside the 24-hour window. */
export const TEMPLATE_APPROVAL_STATUSES = ['not_required', 'pending', 'approved', 'rejected'] as const;
export type TemplateApprovalStatus = (typeof TEMPLATE_APPROVAL_STATUSES)[number];

export const NOTIFICATION_CATEGORIES = ['customer', 'vip', 'sla', 'survey', 'export', 'system'] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

export const NOTIFICATION_DELIVERIES = ['in_app', 'toast', 'email', 'none'] as const;
export type NotificationDelivery = (typeof NOTIFICATION_DELIVERIES)[number];

export const AUDIT_ACTOR_TYPES = ['user', 'customer', 'system'] as const;
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];

export const CONSENT_ACTIONS = { granted: 'consent.granted', revoked: 'consent.revoked' } as const;

export const EXPORT_FORMATS = ['csv', 'json', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Temporal's schedule overlap policies: what a tick does while the previous run still goes. */
export const SCHEDULE_OVERLAP_POLICIES = [
  'SKIP',
  'BUFFER_ONE',
  'BUFFER_ALL',
  'CANCEL_OTHER',
  'TERMINATE_OTHER',
  'ALLOW_ALL',
] as const;
export type ScheduleOverlapPolicy = (typeof SCHEDULE_OVERLAP_POLICIES)[number];

export const SEGMENT_EXPORT_STATUSES = ['running', 'done', 'failed'] as const;
export type SegmentExportStatus = (typeof SEGMENT_EXPORT_STATUSES)[number];

export const RETENTION_TARGETS = [
  'messages',
  'calls',
  'tickets',
  'exports',
  'audit_log',
  'notifications',
  'inactive_customers',
] as const;
export type RetentionTarget = (typeof RETENTION_TARGETS)[number];

export const RETENTION_ACTIONS = ['delete', 'anonymize'] as const;
export type RetentionAction = (typeof RETENTION_ACTIONS)[number];
