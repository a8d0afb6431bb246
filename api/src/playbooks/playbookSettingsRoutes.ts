import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import {
  AppError,
  PLAYBOOK_NAMES,
  playbookSettingsSchema,
  type FieldProblem,
  type PlaybookSettings,
} from '@c360/domain';
import { forTenant, loadPlaybookSettings, savePlaybookSettings, Segment } from '@c360/store';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import { fieldProblems } from '../http/validateRequest';

const PLAYBOOKS_PATH = '/api/v1/admin/playbooks';

// The domain schema (defaults through `prefault`) is what validates; the OpenAPI generator does
// not read `prefault`, so the document shows each playbook as {enabled, params} and the handler parses.
const playbookEntrySchema = z
  .object({
    enabled: z.boolean().optional().meta({ description: 'On or off for the tenant; on by default.' }),
    params: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({
    id: 'PlaybookSetting',
    description:
      'healthDrop.params: minDrop (points), factorMinChange (points). ' +
      'vip.params: tag, ticketPriority (high|urgent), welcome {channel, content}. ' +
      'lowCsat.params: priority (high|urgent), teamLeadUserId (uuid or null: first active manager), resolveWithinHours. ' +
      'churnWinback.params: engagementWaitDays, outcomeWaitDays, message {channel, content}. ' +
      'segmentEntered.params: attachments, one per segment: [{segmentId, playbook: vip|churnWinback, reentry: {kind: never} | {kind: afterDays, days}} ' +
      '| {segmentId, message: {channel, content, purpose: marketing|service}, reentry}]. ' +
      'content: {type: text, text} | {type: template, name, language, parameters} | {type: email, subject, html?, text?}. ' +
      'Every field has a default.',
  });
const allSchema = z
  .object(Object.fromEntries(PLAYBOOK_NAMES.map((n) => [n, playbookEntrySchema])))
  .meta({ id: 'PlaybookSettings', description: 'Every default playbook of the tenant, defaults filled in.' });
const nameParams = z.object({ name: z.enum(PLAYBOOK_NAMES) });

const invalid = (fields: FieldProblem[]): AppError =>
  new AppError('validation', `invalid request: ${[...new Set(fields.map((f) => f.path))].join(', ')}`, {
    fields,
  });

/** Validates one playbook's entry with the domain schema; the paths name the request's body. */
const parseEntry = <N extends keyof PlaybookSettings>(name: N, body: unknown): PlaybookSettings[N] => {
  const parsed = playbookSettingsSchema.shape[name].safeParse(body);
  if (parsed.success) return parsed.data as PlaybookSettings[N];
  throw invalid(fieldProblems('body', parsed.error));
};

/** Attachments must name segments of this tenant: a typo would otherwise never start anything. */
const checkSegments = async (em: EntityManager, settings: PlaybookSettings): Promise<void> => {
  const attachments = settings.segmentEntered.params.attachments;
  if (attachments.length === 0) return;
  const found = await em.find(
    Segment,
    { id: { $in: attachments.map((a) => a.segmentId) } },
    { fields: ['id'] },
  );
  const known = new Set(found.map((s) => s.id));
  const fields = attachments.flatMap((a, i) =>
    known.has(a.segmentId)
      ? []
      : [{ path: `body.params.attachments.${i}.segmentId`, message: 'is not a segment of this tenant' }],
  );
  if (fields.length > 0) throw invalid(fields);
};

/**
 * The tenant's default playbooks: each one's on/off flag and parameters, read with defaults and
 * changed one playbook at a time. A change applies to playbooks started afterwards; a running
 * playbook keeps the parameters it started with.
 */
export const playbookSettingsRoutes = (em: EntityManager): ApiRoute[] => [
  defineRoute({
    method: 'get',
    path: PLAYBOOKS_PATH,
    operationId: 'getPlaybookSettings',
    summary: "The tenant's default playbooks, defaults filled in",
    tags: ['admin', 'playbooks'],
    access: ['admin', 'manager'],
    responses: { 200: { description: 'Every playbook', schema: allSchema } },
    handler: async ({ principal }) => ({
      status: 200,
      body: await loadPlaybookSettings(forTenant(em, principal.tenantId), principal.tenantId),
    }),
  }),
  defineRoute({
    method: 'put',
    path: `${PLAYBOOKS_PATH}/:name`,
    operationId: 'replacePlaybookSetting',
    summary: "Replace one playbook's flag and parameters",
    description: 'Missing fields take their defaults. Applies to playbooks started from now on.',
    tags: ['admin', 'playbooks'],
    access: ['admin', 'manager'],
    params: nameParams,
    body: playbookEntrySchema,
    responses: { 200: { description: 'The stored playbook setting', schema: playbookEntrySchema } },
    handler: async ({ principal, params, body }) => {
      const scoped = forTenant(em, principal.tenantId);
      const entry = parseEntry(params.name, body);
      const current = await loadPlaybookSettings(scoped, principal.tenantId);
      const next = { ...current, [params.name]: entry } as PlaybookSettings;
      await checkSegments(scoped, next);
      const saved = await savePlaybookSettings(scoped, principal.tenantId, next);
      return { status: 200, body: saved[params.name] };
    },
  }),
];
