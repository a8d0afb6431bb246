import type { SendRequest, SurveySettings } from '@c360/domain';

/**
 * The contracts between the survey workflow and its activities (activities/src/surveys).
 */
export type SurveyKindName = 'csat' | 'nps';
export type SurveyChannelName = 'whatsapp' | 'email' | 'web';

export type SurveyWorkflowInput = {
  tenantId: string;
  customerId: string;
  ticketId: string | null;
  /** `resolved`: started by `ticket.resolved`; `manual`: a survey button or a macro. */
  trigger: 'resolved' | 'manual';
  /** The resolution this survey follows (ISO); a later resolution makes another survey. */
  resolvedAt?: string | null;
  autoResolved?: boolean;
  /** A manual survey's kind; otherwise the tenant's. */
  kind?: SurveyKindName | null;
  /** The request row the API already created (a survey sent by hand from a ticket). */
  surveyRequestId?: string | null;
};

export type BeginSurveyInput = SurveyWorkflowInput & { workflowId: string };

export type SurveyPlan =
  | { state: 'skipped'; reason: string }
  | {
      state: 'ready';
      requestId: string;
      kind: SurveyKindName;
      /** 0 for a manual survey. */
      delayMs: number;
      reminderAfterMs: number;
      deadlineMs: number;
      lowScoreThreshold: SurveySettings['lowScoreThreshold'];
    };

export type PrepareInviteInput = {
  tenantId: string;
  requestId: string;
  step: 'invite' | 'reminder';
  /** A survey after a resolution stops once the ticket is open again; a manual one does not. */
  requireResolvedTicket: boolean;
  /** Invite only: how long the link stays valid from now. */
  deadlineMs: number;
};

export type SurveySend = { channel: Exclude<SurveyChannelName, 'web'>; request: SendRequest };

export type PreparedInvite =
  | { state: 'closed'; reason: string }
  | {
      state: 'ready';
      /** The public link (signed, expiring). */
      link: string;
      expiresAt: string;
      /** Sends to try in order (the first one that goes wins); empty: the web link only. */
      sends: SurveySend[];
    };

export type MarkSurveySentInput = {
  tenantId: string;
  requestId: string;
  step: 'invite' | 'reminder';
  channel: SurveyChannelName;
  sentAt: string;
};

export type CloseSurveyInput = {
  tenantId: string;
  requestId: string;
  status: 'cancelled' | 'expired' | 'failed';
};

/** How the request ended; `answered` when an answer beat the close (the answer wins). */
export type ClosedSurvey =
  | { status: 'cancelled' | 'expired' | 'failed' }
  | { status: 'answered'; responseId: string };

export type FinishAnswerInput = {
  tenantId: string;
  requestId: string;
  responseId: string;
  lowScoreThreshold: SurveySettings['lowScoreThreshold'];
};

export type FinishedAnswer = {
  customerId: string;
  ticketId: string | null;
  kind: SurveyKindName;
  score: number;
  channel: SurveyChannelName;
  answeredAt: string;
  /** A `csat.low_rating_received` outbox event was appended (once per response). */
  lowRating: boolean;
};

export type SurveyActivities = {
  /** Reads the settings, skips what the tenant or the ticket rules out, creates the request row (idempotent by workflow id). */
  beginSurvey(input: BeginSurveyInput): Promise<SurveyPlan>;
  /** Re-checks the ticket, picks the channels by preference and consent, builds the link and the messages in the customer's language. */
  prepareSurveyInvite(input: PrepareInviteInput): Promise<PreparedInvite>;
  markSurveySent(input: MarkSurveySentInput): Promise<void>;
  closeSurvey(input: CloseSurveyInput): Promise<ClosedSurvey>;
  /** Reads the stored answer and raises `csat.low_rating_received` for a low one. */
  finishSurveyAnswer(input: FinishAnswerInput): Promise<FinishedAnswer>;
};
