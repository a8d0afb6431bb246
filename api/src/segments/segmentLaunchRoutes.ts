import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, notFound } from '@c360/domain';
import { forTenant, Segment } from '@c360/store';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import { idParamsSchema } from '../openapi/commonSchemas';
import { SEGMENT_EXPORTERS } from './segmentExportRoutes';
import { launchBodySchema } from './segmentExportSchemas';

/**
 * What a launch needs and this build does not have yet. Said in the answer, word for word, so
 * nobody mistakes a 501 for a launch that happened.
 */
export const LAUNCH_MISSING =
  'launching a segment needs the campaign workflow (issue "durable operations": a `campaign` workflow that ' +
  'snapshots the segment with a point in time and fans out in batches of child workflows, and the playbook ' +
  'registry it starts from); neither is registered on the worker in this build, so nothing was started';

export type SegmentLaunchRouteDeps = { em: EntityManager };

export const segmentLaunchRoutes = (deps: SegmentLaunchRouteDeps): ApiRoute[] => [
  defineRoute({
    method: 'post',
    path: '/api/v1/segments/:id/launch',
    operationId: 'launchSegment',
    summary: 'Start a campaign or playbook for every member of a segment (not available yet)',
    description:
      'Validates the request and the segment, then answers 501: the campaign workflow this starts is not in this ' +
      'build yet. The answer names what is missing.',
    tags: ['segments'],
    access: SEGMENT_EXPORTERS,
    params: idParamsSchema,
    body: launchBodySchema,
    responses: {},
    errors: [404, 501],
    handler: async ({ principal, params }) => {
      const segment = await forTenant(deps.em, principal.tenantId).findOne(Segment, { id: params.id });
      if (!segment) throw notFound('segment', params.id);
      throw new AppError('not_implemented', LAUNCH_MISSING, {
        missing: ['workflow:campaign', 'playbook registry'],
      });
    },
  }),
];
