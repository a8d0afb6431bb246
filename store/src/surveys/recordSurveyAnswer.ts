import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { appendOutboxEvent } from '../outbox/appendOutboxEvent';
import { SURVEY_ANSWERED, type SurveyAnsweredPayload } from '../outbox/outboxEventTypes';
import { SurveyRequest } from '../entities/SurveyRequest';
import { SurveyResponse } from '../entities/SurveyResponse';
import type { SurveyChannel } from '../entities/vocabulary';
import { forTenant } from '../tenancy/forTenant';

export type SurveyAnswerInput = {
  tenantId: string;
  requestId: string;
  /** Already checked against the request's kind (the database's check refuses a bad one too). */
  score: number;
  comment: string | null;
  channel: SurveyChannel;
  answeredAt: Date;
};

export type SurveyAnswerOutcome =
  | { outcome: 'recorded'; responseId: string; payload: SurveyAnsweredPayload }
  | { outcome: 'already_answered' }
  | { outcome: 'expired' }
  | { outcome: 'closed'; status: SurveyRequest['status'] }
  | { outcome: 'not_found' };

export const OPEN_SURVEY_STATUSES: readonly SurveyRequest['status'][] = ['pending', 'sent', 'reminded'];

/**
 * Stores a customer's answer durably, whatever Temporal and the worker are doing: in one
 * transaction, with the request row locked, the response row, the request marked `answered`,
 * and a `survey.answered` outbox event the dispatcher turns into the workflow's signal (the
 * workflow then records the timeline event and raises a low rating). A second answer (a replayed
 * form, a redelivered WhatsApp webhook) finds the request answered and changes nothing; the
 * response's unique key on the request refuses it too.
 */
export const recordSurveyAnswer = async (
  root: EntityManager,
  input: SurveyAnswerInput,
): Promise<SurveyAnswerOutcome> =>
  forTenant(root.fork(), input.tenantId).transactional(async (em) => {
    const request = await em.findOne(
      SurveyRequest,
      { id: input.requestId },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!request) return { outcome: 'not_found' } as const;
    if (request.status === 'answered') return { outcome: 'already_answered' } as const;
    if (request.status === 'expired') return { outcome: 'expired' } as const;
    if (!OPEN_SURVEY_STATUSES.includes(request.status))
      return { outcome: 'closed', status: request.status } as const;
    if (request.expiresAt.getTime() <= input.answeredAt.getTime()) return { outcome: 'expired' } as const;

    const response = em.create(SurveyResponse, {
      tenant: input.tenantId,
      request,
      customer: request.customer,
      kind: request.kind,
      score: input.score,
      comment: input.comment,
      channel: input.channel,
      answeredAt: input.answeredAt,
    });
    request.status = 'answered';
    const payload: SurveyAnsweredPayload = {
      surveyRequestId: request.id,
      surveyResponseId: response.id,
      workflowId: request.workflowId ?? null,
      customerId: request.customer.id,
      ticketId: request.ticket?.id ?? null,
      kind: request.kind,
      score: input.score,
      channel: input.channel,
      answeredAt: input.answeredAt.toISOString(),
    };
    appendOutboxEvent(em, {
      type: SURVEY_ANSWERED,
      aggregateType: 'survey_request',
      aggregateId: request.id,
      payload,
    });
    return { outcome: 'recorded', responseId: response.id, payload } as const;
  });
