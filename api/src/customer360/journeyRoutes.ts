import type { EntityManager } from '@mikro-orm/postgresql';
import { JOURNEY_STAGES, loadJourneyByStage, loadJourneyPage } from '@c360/store';
import { CUSTOMER_READERS } from '../customers/customerRoutes';
import { FEATURE_CUSTOMER_360, requireFeature } from '../features/featureFlags';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import { idParamsSchema } from '../openapi/commonSchemas';
import { findCustomerOr404 } from './customerGuard';
import { encodeJourneyCursor } from './journeyCursor';
import {
  journeyPageSchema,
  journeyQuerySchema,
  journeyStagesQuerySchema,
  journeyStagesSchema,
} from './journeySchemas';
import { toJourneyEventView } from './journeyView';

export type JourneyRouteDeps = { em: EntityManager };

const STAGE_DOC =
  'Stages by event: awareness = conversion visit/ad_click/impression/referral_visit; consideration = ' +
  'signup, trial_started, add_to_cart, checkout_started and any other conversion type, and messages in a thread ' +
  'without a ticket; purchase = conversion purchase/order_completed/subscription_started; service = tickets ' +
  'opened and resolved, calls, knowledge-article views, and messages in a ticket’s thread; loyalty = surveys ' +
  'sent and answered, conversion renewal/repeat_purchase/referral/upgrade. A won deal appears as its purchase event.';

/** The customer's journey: every touchpoint, newest first, or grouped by stage. */
export const journeyRoutes = (deps: JourneyRouteDeps): ApiRoute[] => [
  defineRoute({
    method: 'get',
    path: '/api/v1/customers/:id/journey',
    operationId: 'getCustomerJourney',
    summary: "A customer's journey timeline, newest first",
    description: `Cursor-paginated. Filter by \`stage\` or \`kinds\`. ${STAGE_DOC}`,
    tags: ['customer360'],
    access: CUSTOMER_READERS,
    params: idParamsSchema,
    query: journeyQuerySchema,
    responses: { 200: { description: 'One page of events', schema: journeyPageSchema } },
    errors: [404],
    handler: async ({ principal, params, query }) => {
      await requireFeature(deps.em, principal.tenantId, FEATURE_CUSTOMER_360);
      await findCustomerOr404(deps.em, principal.tenantId, params.id);
      const rows = await loadJourneyPage(deps.em, principal.tenantId, {
        customerId: params.id,
        limit: query.limit,
        cursor: query.cursor,
        stage: query.stage,
        kinds: query.kinds,
      });
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      return {
        status: 200,
        body: {
          customerId: params.id,
          items: page.map(toJourneyEventView),
          nextCursor: rows.length > query.limit && last ? encodeJourneyCursor(last) : null,
        },
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/customers/:id/journey/stages',
    operationId: 'getCustomerJourneyByStage',
    summary: "A customer's journey grouped by stage",
    description: `Each stage with its number of events, first and last time, and its newest events. ${STAGE_DOC}`,
    tags: ['customer360'],
    access: CUSTOMER_READERS,
    params: idParamsSchema,
    query: journeyStagesQuerySchema,
    responses: { 200: { description: 'The stages in journey order', schema: journeyStagesSchema } },
    errors: [404],
    handler: async ({ principal, params, query }) => {
      await requireFeature(deps.em, principal.tenantId, FEATURE_CUSTOMER_360);
      await findCustomerOr404(deps.em, principal.tenantId, params.id);
      const groups = await loadJourneyByStage(deps.em, principal.tenantId, params.id, query.perStage);
      const byStage = new Map(groups.map((g) => [g.stage, g]));
      const stages = JOURNEY_STAGES.map((stage) => {
        const g = byStage.get(stage);
        const events = (g?.events ?? []).slice(0, query.perStage);
        const last = events[events.length - 1];
        return {
          stage,
          count: g?.count ?? 0,
          firstAt: g?.firstAt?.toISOString() ?? null,
          lastAt: g?.lastAt?.toISOString() ?? null,
          events: events.map(toJourneyEventView),
          nextCursor: g && g.events.length > query.perStage && last ? encodeJourneyCursor(last) : null,
        };
      });
      return { status: 200, body: { customerId: params.id, stages } };
    },
  }),
];
