import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantFilters } from '../tenancy/tenantFilter';
import { Customer } from './Customer';
import { tenantOwnedProperties, updatedAtProperty } from './tenantOwnedProperties';
import { Ticket } from './Ticket';
import {
  SURVEY_CHANNELS,
  SURVEY_KINDS,
  SURVEY_REQUEST_STATUSES,
  type SurveyChannel,
  type SurveyKind,
  type SurveyRequestStatus,
} from './vocabulary';

/**
 * A survey sent (or to be sent) to a customer, usually after a ticket is resolved. The token is
 * the secret part of the public survey link and is unique across tenants, since the public page
 * finds the request (and so the tenant) by it.
 */
export const SurveyRequest = defineEntity({
  name: 'SurveyRequest',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    ticket: p.manyToOne(Ticket).ref().nullable().deleteRule('set null'),
    customer: p.manyToOne(Customer).ref().deleteRule('cascade'),
    kind: p.enum([...SURVEY_KINDS]).$type<SurveyKind>(),
    channel: p.enum([...SURVEY_CHANNELS]).$type<SurveyChannel>(),
    token: p.string().length(100).unique(),
    status: p
      .enum([...SURVEY_REQUEST_STATUSES])
      .$type<SurveyRequestStatus>()
      .default('pending'),
    sentAt: p.datetime().nullable(),
    remindedAt: p.datetime().nullable(),
    expiresAt: p.datetime(),
    /** The survey workflow running this request; answers signal it. */
    workflowId: p.string().length(200).nullable(),
    updatedAt: updatedAtProperty(),
  },
  indexes: [{ properties: ['customer', 'createdAt'] }, { properties: ['ticket'] }],
  uniques: [{ properties: ['tenant', 'workflowId'] }],
});
export type SurveyRequest = InferEntity<typeof SurveyRequest>;
