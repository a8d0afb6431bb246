import type { EntityManager } from '@mikro-orm/postgresql';
import { CUSTOMER_READERS, CUSTOMER_WRITERS } from '../customers/customerRoutes';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import { idParamsSchema } from '../openapi/commonSchemas';
import { customerScoreRecords } from './customerScoreRecords';
import {
  healthScoreViewSchema,
  lifetimeValueQuerySchema,
  lifetimeValueViewSchema,
  rescoreResultSchema,
} from './scoreSchemas';

export type CustomerScoreRouteDeps = { em: EntityManager; now: () => Date };

/** A customer's health score (with its factors) and lifetime value, and an on-demand recompute. */
export const customerScoreRoutes = (deps: CustomerScoreRouteDeps): ApiRoute[] => [
  defineRoute({
    method: 'get',
    path: '/api/v1/customers/:id/health-score',
    operationId: 'getCustomerHealthScore',
    summary: "A customer's health score with the factors behind it",
    description:
      'The stored score, kept current by the worker whenever a deal, ticket, survey answer or message of the customer changes.',
    tags: ['customers', 'scores'],
    access: CUSTOMER_READERS,
    params: idParamsSchema,
    responses: { 200: { description: 'The health score', schema: healthScoreViewSchema } },
    errors: [404],
    handler: async ({ principal, params }) => ({
      status: 200,
      body: await customerScoreRecords(deps.em, principal.tenantId, deps.now).health(params.id),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/customers/:id/health-score/rescore',
    operationId: 'rescoreCustomer',
    summary: "Recompute a customer's scores now",
    description:
      'Recomputes every score of the customer synchronously and answers with the new health score, its factors and the previous score. ' +
      'Stores and announces (customer.health_score_updated, customer.vip_detected, customer.churn_risk_high) only what changed.',
    tags: ['customers', 'scores'],
    access: CUSTOMER_WRITERS,
    params: idParamsSchema,
    responses: { 200: { description: 'The recomputed score', schema: rescoreResultSchema } },
    errors: [404],
    handler: async ({ principal, params }) => ({
      status: 200,
      body: await customerScoreRecords(deps.em, principal.tenantId, deps.now).rescore(params.id),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/customers/:id/lifetime-value',
    operationId: 'getCustomerLifetimeValue',
    summary: "A customer's lifetime value, its formula and inputs, and its trend per period",
    tags: ['customers', 'scores'],
    access: CUSTOMER_READERS,
    params: idParamsSchema,
    query: lifetimeValueQuerySchema,
    responses: { 200: { description: 'The lifetime value', schema: lifetimeValueViewSchema } },
    errors: [404],
    handler: async ({ principal, params, query }) => ({
      status: 200,
      body: await customerScoreRecords(deps.em, principal.tenantId, deps.now).lifetimeValue(params.id, query),
    }),
  }),
];
