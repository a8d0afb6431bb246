import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { AppError, analyticsSettingsSchema } from '@c360/domain';
import { forTenant, loadAnalyticsSettings, saveAnalyticsSettings } from '@c360/store';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import { fieldProblems } from '../http/validateRequest';

const SETTINGS_PATH = '/api/v1/admin/score-settings';

// The domain schema (defaults through `prefault`) is what validates; the OpenAPI generator does
// not read `prefault`, so the document shows the settings as an object and the handler parses it.
const settingsSchema = z.record(z.string(), z.unknown()).meta({
  id: 'ScoreSettings',
  description:
    'rfm.windowDays; clv.expectedLifetimeYears, minObservationDays, trendDays; engagement.windowDays, saturation, channels; ' +
    'health.weights (recency, engagement, satisfaction, openTickets, slaBreaches, orderTrend), recencyHorizonDays, openTicketLimit, ' +
    'slaBreachLimit, windowDays, bands {healthy, atRisk}, eventDelta; churn.churnAfterDays, bands {medium, high}, minPerClass, l2; ' +
    'vip.rule: {kind: topPercentClv, percent} | {kind: tag, tag} | {kind: minLifetimeValue, amount}, or a list of them (any matches). ' +
    'Every field has a default.',
});

const parseSettings = (body: unknown) => {
  const parsed = analyticsSettingsSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const fields = fieldProblems('body', parsed.error);
  throw new AppError('validation', `invalid request: ${[...new Set(fields.map((f) => f.path))].join(', ')}`, {
    fields,
  });
};

/**
 * The tenant's score settings: read with defaults, replaced as a whole. A change takes effect at
 * the next recompute (the cached tenant model is rebuilt for the new settings); a full rescore
 * (POST /admin/rescore) applies it to every customer.
 */
export const scoreSettingsRoutes = (em: EntityManager): ApiRoute[] => [
  defineRoute({
    method: 'get',
    path: SETTINGS_PATH,
    operationId: 'getScoreSettings',
    summary: "The tenant's score settings, defaults filled in",
    tags: ['admin', 'scores'],
    access: ['admin', 'manager'],
    responses: { 200: { description: 'The settings', schema: settingsSchema } },
    handler: async ({ principal }) => ({
      status: 200,
      body: await loadAnalyticsSettings(forTenant(em, principal.tenantId), principal.tenantId),
    }),
  }),
  defineRoute({
    method: 'put',
    path: SETTINGS_PATH,
    operationId: 'replaceScoreSettings',
    summary: "Replace the tenant's score settings",
    description:
      'Missing fields take their defaults. Rescore the tenant to apply the change to every customer at once.',
    tags: ['admin', 'scores'],
    access: ['admin'],
    body: settingsSchema,
    responses: { 200: { description: 'The stored settings', schema: settingsSchema } },
    handler: async ({ principal, body }) => ({
      status: 200,
      body: await saveAnalyticsSettings(
        forTenant(em, principal.tenantId),
        principal.tenantId,
        parseSettings(body),
      ),
    }),
  }),
];
