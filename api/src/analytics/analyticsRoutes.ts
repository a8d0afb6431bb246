import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '@c360/domain';
import { FEATURE_ANALYTICS, requireFeature } from '../features/featureFlags';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import { checkDailyRange, filterView, resolveFilter, type AnalyticsFilterQuery } from './analyticsParams';
import {
  channelsQuerySchema,
  channelsSchema,
  cohortsQuerySchema,
  cohortsSchema,
  funnelQuerySchema,
  funnelSchema,
  overviewQuerySchema,
  overviewSchema,
  trendsQuerySchema,
  trendsSchema,
} from './analyticsSchemas';
import { loadTenantContext, overviewReport, trendsReport } from '@c360/store';
import { channelsReport, cohortsReport, funnelReport } from './segmentReports';

/** Managers and marketers read the dashboards; agents work customer by customer. */
export const ANALYTICS_READERS = ['marketer', 'manager', 'admin'] as const satisfies readonly Role[];

export type AnalyticsRouteDeps = { em: EntityManager; now: () => Date };

const FILTER_DOC =
  'Filters: `from` (inclusive) and `to` (exclusive), at most 731 days apart; `segment` (members of a saved segment); ' +
  '`channel` (customers who have a conversation on it). Answers 403 when the tenant has turned off `area.analytics`.';

/** The analytics dashboards: KPIs, trends, cohorts, funnel and channels, per tenant. */
export const analyticsRoutes = (deps: AnalyticsRouteDeps): ApiRoute[] => {
  const prepare = async (tenantId: string, query: AnalyticsFilterQuery, defaultDays: number) => {
    await requireFeature(deps.em, tenantId, FEATURE_ANALYTICS);
    const [filter, tenant] = await Promise.all([
      resolveFilter(deps.em, tenantId, query, deps.now(), defaultDays),
      loadTenantContext(deps.em, tenantId),
    ]);
    return { filter, tenant };
  };
  const common = { tags: ['analytics'], access: ANALYTICS_READERS };
  return [
    defineRoute({
      ...common,
      method: 'get',
      path: '/api/v1/analytics/overview',
      operationId: 'getAnalyticsOverview',
      summary: 'KPIs of a period beside the period before it',
      description: `Default range: the last 30 days. ${FILTER_DOC}`,
      query: overviewQuerySchema,
      responses: { 200: { description: 'The KPIs', schema: overviewSchema } },
      handler: async ({ principal, query }) => {
        const { filter, tenant } = await prepare(principal.tenantId, query, 30);
        const report = await overviewReport(deps.em, filter, tenant.settings);
        return { status: 200, body: { filter: filterView(filter), ...report } };
      },
    }),
    defineRoute({
      ...common,
      method: 'get',
      path: '/api/v1/analytics/trends',
      operationId: 'getAnalyticsTrends',
      summary: 'CSAT, NPS, CLV or engagement per day, week or month',
      description: `Buckets follow the tenant's time zone; empty buckets are present with a null value. Default range: the last 90 days; day buckets cover at most 366 days. ${FILTER_DOC}`,
      query: trendsQuerySchema,
      responses: { 200: { description: 'The series', schema: trendsSchema } },
      handler: async ({ principal, query }) => {
        const { filter, tenant } = await prepare(principal.tenantId, query, 90);
        checkDailyRange(filter, query.interval);
        const points = await trendsReport(
          deps.em,
          filter,
          query.metric,
          query.interval,
          tenant.timeZone,
          tenant.settings,
        );
        return {
          status: 200,
          body: {
            filter: filterView(filter),
            metric: query.metric,
            interval: query.interval,
            timeZone: tenant.timeZone,
            points,
          },
        };
      },
    }),
    defineRoute({
      ...common,
      method: 'get',
      path: '/api/v1/analytics/cohorts',
      operationId: 'getAnalyticsCohorts',
      summary: 'Retention by first-purchase month',
      description: `Cohorts whose first purchase falls in the range (months in the tenant's time zone). Default range: the last 365 days. ${FILTER_DOC}`,
      query: cohortsQuerySchema,
      responses: { 200: { description: 'The cohort matrix', schema: cohortsSchema } },
      handler: async ({ principal, query }) => {
        const { filter, tenant } = await prepare(principal.tenantId, query, 365);
        const cohorts = await cohortsReport(deps.em, filter, tenant.timeZone);
        return { status: 200, body: { filter: filterView(filter), timeZone: tenant.timeZone, cohorts } };
      },
    }),
    defineRoute({
      ...common,
      method: 'get',
      path: '/api/v1/analytics/funnel',
      operationId: 'getAnalyticsFunnel',
      summary: 'Conversion funnel over ordered steps',
      description: `Customers whose first step happened in the range, and how far they went, in order, within the window. Counts never rise along the funnel. Default range: the last 30 days. ${FILTER_DOC}`,
      query: funnelQuerySchema,
      responses: { 200: { description: 'The funnel', schema: funnelSchema } },
      handler: async ({ principal, query }) => {
        const { filter } = await prepare(principal.tenantId, query, 30);
        const steps = await funnelReport(deps.em, filter, query.steps, query.windowDays);
        return { status: 200, body: { filter: filterView(filter), windowDays: query.windowDays, steps } };
      },
    }),
    defineRoute({
      ...common,
      method: 'get',
      path: '/api/v1/analytics/channels',
      operationId: 'getAnalyticsChannels',
      summary: 'Volume, response and resolution times, and CSAT per channel',
      description: `Conversations started in the range; CSAT of the answers about a ticket, attributed to the channel of the ticket's conversation. Default range: the last 30 days. ${FILTER_DOC}`,
      query: channelsQuerySchema,
      responses: { 200: { description: 'One row per channel', schema: channelsSchema } },
      handler: async ({ principal, query }) => {
        const { filter } = await prepare(principal.tenantId, query, 30);
        return {
          status: 200,
          body: { filter: filterView(filter), channels: await channelsReport(deps.em, filter) },
        };
      },
    }),
  ];
};
