/** A customer or a record that feeds their profile changed: reindex them, re-evaluate segments. */
export const CUSTOMER_CHANGED = 'customer.changed';
/** A customer was removed: drop them from the index and from every segment. */
export const CUSTOMER_DELETED = 'customer.deleted';

export type CustomerChangedPayload = { customerId: string; reasons: string[] };
export type CustomerDeletedPayload = { customerId: string };

/** A ticket was resolved (by an agent, or automatically): surveys and reports follow it. */
export const TICKET_RESOLVED = 'ticket.resolved';
export type TicketResolvedPayload = {
  ticketId: string;
  customerId: string;
  conversationId: string | null;
  resolvedAt: string;
  autoResolved: boolean;
};

/** A ticket was opened (by the API or an inbound conversation): its SLA clock starts. */
export const TICKET_CREATED = 'ticket.created';
export type TicketCreatedPayload = {
  ticketId: string;
  customerId: string;
  slaPolicy: string;
  priority: string;
  createdAt: string;
};
/** A resolved ticket was opened again: its survey is cancelled and its SLA clock restarts. */
export const TICKET_REOPENED = 'ticket.reopened';
export type TicketReopenedPayload = { ticketId: string; customerId: string; reopenedAt: string };
/** A ticket changed hands (or policy): its SLA clock takes the new policy. */
export const TICKET_ASSIGNED = 'ticket.assigned';
export type TicketAssignedPayload = {
  ticketId: string;
  customerId: string;
  assigneeId: string | null;
  team: string | null;
  slaPolicy: string;
  assignedAt: string;
};
/** A ticket moved between open and pending (waiting on the customer): the SLA clock pauses or resumes. */
export const TICKET_STATUS_CHANGED = 'ticket.status_changed';
export type TicketStatusChangedPayload = {
  ticketId: string;
  customerId: string;
  from: string;
  to: string;
  changedAt: string;
};

/** A customer gave or withdrew consent for a channel: held sends on that channel are cancelled at once. */
export const CONSENT_GRANTED = 'consent.granted';
export const CONSENT_REVOKED = 'consent.revoked';
export type ConsentChangedPayload = {
  customerId: string;
  channel: string;
  changedAt: string;
  source: string;
};

// --- SLA clocks (issue 6, helper sla) ---
/** A tenant's SLA settings were replaced: its running clocks take the new policies. */
export const SLA_SETTINGS_CHANGED = 'sla.settings_changed';
export type SlaSettingsChangedPayload = { changedAt: string };
/** A ticket's deadline passed unmet (once per ticket opening and deadline). */
export const TICKET_SLA_BREACHED = 'ticket.sla_breached';
export type TicketSlaBreachedPayload = {
  ticketId: string;
  customerId: string;
  target: 'first_response' | 'resolution';
  policy: string;
  dueAt: string;
  breachedAt: string;
  dedupeKey: string;
};
/** An agent replied on a conversation of a ticket; `firstResponse` when it was the first. */
export const TICKET_AGENT_REPLIED = 'ticket.agent_replied';
export type TicketAgentRepliedPayload = {
  ticketId: string;
  customerId: string;
  conversationId: string;
  /** Null for a reply held by the customer's quiet hours (sent when they end). */
  messageId: string | null;
  at: string;
  firstResponse: boolean;
};

// Post-resolution surveys (issue 6).
/** A customer answered a survey (web page or WhatsApp flow); the dispatcher signals its workflow. */
export const SURVEY_ANSWERED = 'survey.answered';
export type SurveyAnsweredPayload = {
  surveyRequestId: string;
  surveyResponseId: string;
  workflowId: string | null;
  customerId: string;
  ticketId: string | null;
  kind: 'csat' | 'nps';
  score: number;
  channel: 'whatsapp' | 'email' | 'web';
  answeredAt: string;
};
/** A survey answer at or below the tenant's threshold; the low-rating playbook follows it. */
export const CSAT_LOW_RATING_RECEIVED = 'csat.low_rating_received';
export type CsatLowRatingReceivedPayload = {
  customerId: string;
  ticketId: string | null;
  surveyResponseId: string;
  score: number;
  kind: 'csat' | 'nps';
};
