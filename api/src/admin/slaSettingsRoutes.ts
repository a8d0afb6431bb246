import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { AppError, slaSettingsSchema } from '@c360/domain';
import { forTenant, loadSlaSettings, saveSlaSettings } from '@c360/store';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import { fieldProblems } from '../http/validateRequest';

const SETTINGS_PATH = '/api/v1/admin/sla-settings';

// The domain schema (with its defaults) validates; the document shows the settings as an object.
const settingsSchema = z.record(z.string(), z.unknown()).meta({
  id: 'SlaSettings',
  description:
    'policies: {<name>: {firstResponseMinutes, resolutionMinutes, businessHoursOnly}} (default standard 240/2880, vip 60/480); ' +
    'defaultPolicy (default standard: applies to a ticket whose policy is not defined); riskThreshold (share of the time used ' +
    'at which the `sla` notification goes out, default 0.8); businessHours: {timeZone (IANA, default the tenant zone), ' +
    'week: {mon..sun: [{from: "HH:MM", to: "HH:MM"}]}, holidays: ["YYYY-MM-DD"]}.',
});

const parseSettings = (body: unknown) => {
  const parsed = slaSettingsSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const fields = fieldProblems('body', parsed.error);
  throw new AppError('validation', `invalid request: ${[...new Set(fields.map((f) => f.path))].join(', ')}`, {
    fields,
  });
};

/**
 * The tenant's SLA policies: read with defaults, replaced as a whole. A change applies to the
 * clocks that start afterwards and, through `sla.settings_changed`, to the running ones.
 */
export const slaSettingsRoutes = (em: EntityManager): ApiRoute[] => [
  defineRoute({
    method: 'get',
    path: SETTINGS_PATH,
    operationId: 'getSlaSettings',
    summary: "The tenant's SLA policies, defaults filled in",
    tags: ['admin', 'sla'],
    access: ['admin', 'manager'],
    responses: { 200: { description: 'The settings', schema: settingsSchema } },
    handler: async ({ principal }) => ({
      status: 200,
      body: await loadSlaSettings(forTenant(em, principal.tenantId), principal.tenantId),
    }),
  }),
  defineRoute({
    method: 'put',
    path: SETTINGS_PATH,
    operationId: 'replaceSlaSettings',
    summary: "Replace the tenant's SLA policies",
    description:
      'Missing fields take their defaults. Announced as `sla.settings_changed`: running clocks reload their policy ' +
      '(new targets and risk threshold, applied to the time already used).',
    tags: ['admin', 'sla'],
    access: ['admin'],
    body: settingsSchema,
    responses: { 200: { description: 'The stored settings', schema: settingsSchema } },
    handler: async ({ principal, body }) => ({
      status: 200,
      body: await saveSlaSettings(forTenant(em, principal.tenantId), principal.tenantId, parseSettings(body)),
    }),
  }),
];
