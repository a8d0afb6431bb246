import { defineQuery, defineSignal } from '@temporalio/workflow';

/** The customer answered: the response is already stored (see recordSurveyAnswer). */
export const surveyAnsweredSignal = defineSignal<[{ surveyResponseId: string }]>('surveyAnswered');
/** The ticket was reopened: give the survey up if it is not answered yet. */
export const surveyTicketReopenedSignal = defineSignal<[{ reopenedAt: string }]>('surveyTicketReopened');

export type SurveyPhase = 'starting' | 'waiting_delay' | 'sending' | 'waiting_answer' | 'done';
export type SurveyOutcome = 'answered' | 'expired' | 'cancelled' | 'skipped' | 'failed';

export type SurveyStatus = {
  phase: SurveyPhase;
  requestId: string | null;
  channel: 'whatsapp' | 'email' | 'web' | null;
  reminded: boolean;
  outcome: SurveyOutcome | null;
  reason: string | null;
};

export const surveyStatusQuery = defineQuery<SurveyStatus>('surveyStatus');
