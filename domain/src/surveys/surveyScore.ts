import { z } from 'zod';
import type { SurveyKindValue, SurveySettings } from './surveySettings';

/** CSAT is 1 (very unhappy) to 5 (very happy); NPS is 0 to 10 (likelihood to recommend). */
export const SURVEY_SCORE_RANGE: Record<SurveyKindValue, { min: number; max: number }> = {
  csat: { min: 1, max: 5 },
  nps: { min: 0, max: 10 },
};

export const SURVEY_COMMENT_MAX = 2000;

/** An answer as a customer gives it, checked against the survey's kind. */
export const surveyAnswerSchema = (kind: SurveyKindValue) => {
  const { min, max } = SURVEY_SCORE_RANGE[kind];
  return z.object({
    score: z.coerce
      .number({ message: `must be a whole number from ${min} to ${max}` })
      .int(`must be a whole number from ${min} to ${max}`)
      .min(min, `must be a whole number from ${min} to ${max}`)
      .max(max, `must be a whole number from ${min} to ${max}`),
    comment: z
      .string()
      .trim()
      .max(SURVEY_COMMENT_MAX, `must be at most ${SURVEY_COMMENT_MAX} characters`)
      .optional()
      .transform((c) => (c ? c : null)),
  });
};
export type SurveyAnswer = { score: number; comment: string | null };

/** True when the score is at or below the tenant's threshold for its kind. */
export const isLowSurveyScore = (
  kind: SurveyKindValue,
  score: number,
  threshold: SurveySettings['lowScoreThreshold'],
): boolean => score <= threshold[kind];
