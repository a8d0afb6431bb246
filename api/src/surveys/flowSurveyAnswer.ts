import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { surveyAnswerSchema } from '@c360/domain';
import { findSurveyRequestByToken, forTenant, recordSurveyAnswer, SurveyRequest } from '@c360/store';

/**
 * A WhatsApp Flow answer to a survey: the flow's response carries the survey's token as
 * `flow_token` (the invite set it), with `score` and an optional `comment`. Stored like an answer
 * from the web page (the same single-use rule, the same `survey.answered` event and signal). A
 * flow response that is not a survey's, or not in this tenant, is left as the inbound message it is.
 */
export const answerSurveyFromFlow = async (
  root: EntityManager,
  tenantId: string,
  response: unknown,
  answeredAt: Date,
  logger: Logger,
): Promise<'recorded' | 'ignored' | string> => {
  const r = (response && typeof response === 'object' ? response : {}) as Record<string, unknown>;
  const token = typeof r['flow_token'] === 'string' ? r['flow_token'] : null;
  if (!token) return 'ignored';
  const ref = await findSurveyRequestByToken(root.fork(), token);
  if (!ref || ref.tenantId !== tenantId) return 'ignored';
  const request = await forTenant(root.fork(), tenantId).findOne(SurveyRequest, { id: ref.id });
  if (!request) return 'ignored';
  const parsed = surveyAnswerSchema(request.kind).safeParse({
    score: r['score'],
    comment: typeof r['comment'] === 'string' ? r['comment'] : undefined,
  });
  if (!parsed.success) {
    logger.warn(
      { surveyRequestId: request.id },
      'whatsapp survey answer with a score out of range: not stored',
    );
    return 'invalid';
  }
  const outcome = await recordSurveyAnswer(root, {
    tenantId,
    requestId: request.id,
    score: parsed.data.score,
    comment: parsed.data.comment,
    channel: 'whatsapp',
    answeredAt,
  });
  if (outcome.outcome !== 'recorded')
    logger.info(
      { surveyRequestId: request.id, outcome: outcome.outcome },
      'whatsapp survey answer not stored',
    );
  return outcome.outcome;
};
