import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantFilters } from '../tenancy/tenantFilter';
import { Customer } from './Customer';
import { SurveyRequest } from './SurveyRequest';
import { tenantOwnedProperties } from './tenantOwnedProperties';
import { SURVEY_CHANNELS, SURVEY_KINDS, type SurveyChannel, type SurveyKind } from './vocabulary';

/**
 * The answer to a survey request: at most one per request (a second answer is refused by the
 * unique key). Customer and kind are copied from the request so timelines and CSAT/NPS trends
 * read one table.
 */
export const SurveyResponse = defineEntity({
  name: 'SurveyResponse',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    request: p.manyToOne(SurveyRequest).ref().unique().deleteRule('cascade'),
    customer: p.manyToOne(Customer).ref().deleteRule('cascade'),
    kind: p.enum([...SURVEY_KINDS]).$type<SurveyKind>(),
    score: p.integer(),
    comment: p.text().nullable(),
    channel: p.enum([...SURVEY_CHANNELS]).$type<SurveyChannel>(),
    answeredAt: p.datetime(),
  },
  indexes: [{ properties: ['customer', 'answeredAt'] }, { properties: ['tenant', 'kind', 'answeredAt'] }],
  checks: [
    {
      name: 'survey_response_score_check',
      property: 'score',
      expression:
        "(kind = 'csat' and score >= 1 and score <= 5) or (kind = 'nps' and score >= 0 and score <= 10)",
    },
  ],
});
export type SurveyResponse = InferEntity<typeof SurveyResponse>;
