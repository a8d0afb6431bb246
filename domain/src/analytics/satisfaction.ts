import type { SurveyFact } from './inputs';
import { round } from './stats';

/** CSAT: the share, in percent, of 1-5 answers that are 4 or 5. Null with no answers. */
export const csat = (scores: number[]): number | null => {
  const valid = scores.filter((s) => Number.isInteger(s) && s >= 1 && s <= 5);
  if (valid.length === 0) return null;
  return round((valid.filter((s) => s >= 4).length / valid.length) * 100, 1);
};

/** NPS: percent of promoters (9-10) minus percent of detractors (0-6), from -100 to 100. */
export const nps = (scores: number[]): number | null => {
  const valid = scores.filter((s) => Number.isInteger(s) && s >= 0 && s <= 10);
  if (valid.length === 0) return null;
  const promoters = valid.filter((s) => s >= 9).length;
  const detractors = valid.filter((s) => s <= 6).length;
  return round(((promoters - detractors) / valid.length) * 100, 1);
};

export type SurveySummary = {
  csat: number | null;
  csatAnswers: number;
  nps: number | null;
  npsAnswers: number;
};

export const summariseSurveys = (surveys: SurveyFact[]): SurveySummary => {
  const csatScores = surveys.filter((s) => s.kind === 'csat').map((s) => s.score);
  const npsScores = surveys.filter((s) => s.kind === 'nps').map((s) => s.score);
  return {
    csat: csat(csatScores),
    csatAnswers: csatScores.length,
    nps: nps(npsScores),
    npsAnswers: npsScores.length,
  };
};
