import type { EntityManager } from '@mikro-orm/postgresql';
import { CUSTOMER_READERS } from '../customers/customerRoutes';
import { FEATURE_CUSTOMER_360, requireFeature } from '../features/featureFlags';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import { idParamsSchema } from '../openapi/commonSchemas';
import { findCustomerOr404 } from './customerGuard';
import { buildProfile360 } from './profile360';
import { insightsSchema, profile360Schema } from './profile360Schemas';
import { loadTenantContext } from '@c360/store';

export type Profile360RouteDeps = { em: EntityManager; now: () => Date };

/** The Customer 360 view and its insight cards. */
export const profile360Routes = (deps: Profile360RouteDeps): ApiRoute[] => {
  const build = async (tenantId: string, customerId: string) => {
    await requireFeature(deps.em, tenantId, FEATURE_CUSTOMER_360);
    const customer = await findCustomerOr404(deps.em, tenantId, customerId);
    const tenant = await loadTenantContext(deps.em, tenantId);
    return buildProfile360({ em: deps.em, tenantId, tenant, now: deps.now() }, customer);
  };
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/customers/:id/360',
      operationId: 'getCustomer360',
      summary: 'The Customer 360 view',
      description:
        'Profile, orders summary, RFM with its segment, CLV with its formula and monthly trend, health with its ' +
        'factors and previous score, VIP verdict, churn risk with its drivers, insight cards with the numbers ' +
        'behind them, SLA badges of open tickets, the latest call summary and the preferences. Scores are the ' +
        'ones the scoring worker stored; a customer without stored scores gets them computed for the answer. ' +
        'Answers 403 when the tenant has turned off the `customers.360` feature.',
      tags: ['customer360'],
      access: CUSTOMER_READERS,
      params: idParamsSchema,
      responses: { 200: { description: 'The 360 view', schema: profile360Schema } },
      errors: [404],
      handler: async ({ principal, params }) => ({
        status: 200,
        body: await build(principal.tenantId, params.id),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/customers/:id/insights',
      operationId: 'getCustomerInsights',
      summary: "A customer's insight cards",
      description:
        'The cards of the 360 view alone, most severe first, each with the numbers it was made from. ' +
        'Answers 403 when the tenant has turned off the `customers.360` feature.',
      tags: ['customer360'],
      access: CUSTOMER_READERS,
      params: idParamsSchema,
      responses: { 200: { description: 'The cards', schema: insightsSchema } },
      errors: [404],
      handler: async ({ principal, params }) => {
        const view = await build(principal.tenantId, params.id);
        return {
          status: 200,
          body: { customerId: params.id, generatedAt: deps.now().toISOString(), cards: view.insights },
        };
      },
    }),
  ];
};
