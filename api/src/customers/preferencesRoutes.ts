import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import { idParamsSchema, pageQueryFields } from '../openapi/commonSchemas';
import { CUSTOMER_READERS, CUSTOMER_WRITERS } from './customerRoutes';
import { preferencesRecords } from './preferencesRecords';
import {
  consentChangeSchema,
  consentLogSchema,
  preferencesChangedSchema,
  preferencesChangeSchema,
  preferencesResponseSchema,
} from './preferencesSchemas';

export type PreferencesRouteDeps = { em: EntityManager; now: () => Date };

/** Marketing preferences and consent, stored in `customFields.marketingPreferences`, audited per channel. */
export const preferencesRoutes = (deps: PreferencesRouteDeps): ApiRoute[] => [
  defineRoute({
    method: 'get',
    path: '/api/v1/customers/:id/preferences',
    operationId: 'getCustomerPreferences',
    summary: "A customer's marketing preferences",
    tags: ['preferences'],
    access: CUSTOMER_READERS,
    params: idParamsSchema,
    responses: { 200: { description: 'The preferences', schema: preferencesResponseSchema } },
    errors: [404],
    handler: async ({ principal, params }) => ({
      status: 200,
      body: {
        customerId: params.id,
        preferences: await preferencesRecords(deps.em, principal.tenantId, deps.now).get(params.id),
      },
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/customers/:id/preferences',
    operationId: 'changeCustomerPreferences',
    summary: "Change a customer's marketing preferences",
    description:
      'Only the fields given change. Each channel whose opt-in changes appends a consent event ' +
      '(consent.granted or consent.revoked) with the actor, reason, source and time, in the same transaction.',
    tags: ['preferences'],
    access: CUSTOMER_WRITERS,
    params: idParamsSchema,
    body: preferencesChangeSchema,
    responses: { 200: { description: 'The preferences after the change', schema: preferencesChangedSchema } },
    errors: [404],
    handler: async ({ principal, params, body, requestId }) => {
      const { reason, source, ...patch } = body;
      const result = await preferencesRecords(deps.em, principal.tenantId, deps.now).change(
        params.id,
        patch,
        {
          actor: principal,
          requestId,
          reason: reason ?? null,
          source,
        },
      );
      return { status: 200, body: { customerId: params.id, ...result } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/customers/:id/consent',
    operationId: 'recordCustomerConsent',
    summary: "Record a customer's consent (or its withdrawal) for one channel",
    description:
      'Sets the channel opt-in and always appends a consent event, even when the state does not change: ' +
      'a renewed consent is evidence too.',
    tags: ['preferences'],
    access: CUSTOMER_WRITERS,
    params: idParamsSchema,
    body: consentChangeSchema,
    responses: { 201: { description: 'Recorded', schema: preferencesChangedSchema } },
    errors: [404],
    handler: async ({ principal, params, body, requestId }) => {
      const result = await preferencesRecords(deps.em, principal.tenantId, deps.now).change(
        params.id,
        { channels: { [body.channel]: { optedIn: body.granted } } },
        { actor: principal, requestId, reason: body.reason, source: body.source },
        body.channel,
      );
      return { status: 201, body: { customerId: params.id, ...result } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/customers/:id/consent/logs',
    operationId: 'listCustomerConsentLog',
    summary: "A customer's consent history, newest first",
    tags: ['preferences'],
    access: CUSTOMER_READERS,
    params: idParamsSchema,
    query: z.object(pageQueryFields),
    responses: { 200: { description: 'One page of consent events', schema: consentLogSchema } },
    errors: [404],
    handler: async ({ principal, params, query }) => {
      const { items, total } = await preferencesRecords(deps.em, principal.tenantId, deps.now).consentLog(
        params.id,
        query.page,
        query.pageSize,
      );
      return { status: 200, body: { items, page: query.page, pageSize: query.pageSize, total } };
    },
  }),
];
