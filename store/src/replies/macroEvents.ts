/**
 * Events a macro run appends to the outbox (the relay starts the survey workflow from them).
 * `ticket.resolved` is the shared one of `outbox/outboxEventTypes.ts`.
 */
export const SURVEY_REQUESTED_EVENT = 'survey.requested';

export type SurveyRequestedPayload = {
  customerId: string;
  ticketId: string | null;
  conversationId: string | null;
  kind: 'csat' | 'nps';
  channel: string;
  /** Set when the request row exists already (a survey sent by hand from a ticket through the API). */
  surveyRequestId?: string;
};
