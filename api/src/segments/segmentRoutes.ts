import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { compileSegmentFilter, type Role } from '@c360/domain';
import { CUSTOMER_READERS } from '../customers/customerRoutes';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import { idParamsSchema } from '../openapi/commonSchemas';
import type { SegmentRecompute, SegmentSearch } from './segmentPorts';
import { searchCall, segmentRecords } from './segmentRecords';
import {
  customerSegmentsSchema,
  segmentCreateSchema,
  segmentListQuerySchema,
  segmentListSchema,
  segmentMembersSchema,
  segmentPatchSchema,
  segmentPreviewBodySchema,
  segmentPreviewSchema,
  segmentSavedSchema,
  segmentSchema,
} from './segmentSchemas';

/** Who builds and reads segments. */
export const SEGMENT_USERS = ['marketer', 'manager', 'admin'] as const satisfies readonly Role[];

export type SegmentRouteDeps = {
  em: EntityManager;
  search: SegmentSearch;
  recompute: SegmentRecompute;
  logger: Logger;
  now: () => Date;
  dropSchedule: (tenantId: string, scheduleId: string) => Promise<void>;
};

const SEGMENTS = '/api/v1/segments';

/** Saved segments (PostgreSQL), their live preview (OpenSearch) and membership both ways. */
export const segmentRoutes = (deps: SegmentRouteDeps): ApiRoute[] => {
  const records = (tenantId: string) => segmentRecords(deps, tenantId);
  // The segment is saved either way: a recompute that cannot start now is caught up by the sweep.
  const startRecompute = async (tenantId: string, segmentId: string, definitionVersion: number) => {
    try {
      return (await deps.recompute.start({ tenantId, segmentId, definitionVersion })).workflowId;
    } catch (error) {
      deps.logger.warn({ err: error, segmentId, definitionVersion }, 'segment recompute could not start');
      return null;
    }
  };

  return [
    defineRoute({
      method: 'post',
      path: `${SEGMENTS}/preview`,
      operationId: 'previewSegment',
      summary: 'Count and sample the customers of an unsaved filter',
      description:
        'For the live count while a filter is edited. Relative conditions are resolved at the time of the request.',
      tags: ['segments'],
      access: SEGMENT_USERS,
      body: segmentPreviewBodySchema,
      responses: { 200: { description: 'The count and a sample of members', schema: segmentPreviewSchema } },
      errors: [503],
      handler: async ({ principal, body }) => {
        const at = deps.now();
        const compiled = compileSegmentFilter(body.filter, at);
        const result = await searchCall('previewing a segment', () =>
          deps.search.preview(principal.tenantId, compiled, body.sampleSize),
        );
        return { status: 200, body: { ...result, evaluatedAt: at.toISOString() } };
      },
    }),
    defineRoute({
      method: 'get',
      path: SEGMENTS,
      operationId: 'listSegments',
      summary: 'List saved segments',
      tags: ['segments'],
      access: SEGMENT_USERS,
      query: segmentListQuerySchema,
      responses: { 200: { description: 'One page of segments, by name', schema: segmentListSchema } },
      handler: async ({ principal, query }) => ({
        status: 200,
        body: await records(principal.tenantId).list(query.page, query.pageSize),
      }),
    }),
    defineRoute({
      method: 'post',
      path: SEGMENTS,
      operationId: 'createSegment',
      summary: 'Save a segment',
      description:
        'The caller becomes its owner. Its membership is computed in the background (a workflow); from then on it follows every customer change in real time.',
      tags: ['segments'],
      access: SEGMENT_USERS,
      body: segmentCreateSchema,
      responses: {
        201: { description: 'Saved', schema: segmentSavedSchema, headers: { Location: 'the new segment' } },
      },
      errors: [409, 503],
      handler: async ({ principal, body }) => {
        const view = await records(principal.tenantId).create(body, principal.userId);
        const recomputeWorkflowId = await startRecompute(principal.tenantId, view.id, view.definitionVersion);
        return {
          status: 201,
          headers: { Location: `${SEGMENTS}/${view.id}` },
          body: { ...view, recomputeWorkflowId },
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: `${SEGMENTS}/:id`,
      operationId: 'getSegment',
      summary: 'Get a saved segment',
      tags: ['segments'],
      access: SEGMENT_USERS,
      params: idParamsSchema,
      responses: { 200: { description: 'The segment', schema: segmentSchema } },
      errors: [404],
      handler: async ({ principal, params }) => ({
        status: 200,
        body: await records(principal.tenantId).get(params.id),
      }),
    }),
    defineRoute({
      method: 'patch',
      path: `${SEGMENTS}/:id`,
      operationId: 'updateSegment',
      summary: 'Change a saved segment',
      description:
        'A new filter raises the definition version and recomputes the membership in the background.',
      tags: ['segments'],
      access: SEGMENT_USERS,
      params: idParamsSchema,
      body: segmentPatchSchema,
      responses: { 200: { description: 'The segment after the change', schema: segmentSavedSchema } },
      errors: [404, 409, 503],
      handler: async ({ principal, params, body }) => {
        const { view, filterChanged } = await records(principal.tenantId).update(params.id, body);
        const recomputeWorkflowId = filterChanged
          ? await startRecompute(principal.tenantId, view.id, view.definitionVersion)
          : null;
        return { status: 200, body: { ...view, recomputeWorkflowId } };
      },
    }),
    defineRoute({
      method: 'delete',
      path: `${SEGMENTS}/:id`,
      operationId: 'deleteSegment',
      summary: 'Delete a saved segment, its membership and its export schedules',
      description:
        'Its export schedules are deleted with it (their Temporal Schedules first: 503 and nothing deleted when ' +
        'Temporal is down). Its entry message or playbook attachment (segment-entered playbook settings) is ' +
        'removed in the same transaction. Exports already written stay; campaigns already launched run on their snapshot.',
      tags: ['segments'],
      access: SEGMENT_USERS,
      params: idParamsSchema,
      responses: { 204: { description: 'Deleted' } },
      errors: [404, 503],
      handler: async ({ principal, params }) => {
        await records(principal.tenantId).remove(params.id);
        return { status: 204 };
      },
    }),
    defineRoute({
      method: 'get',
      path: `${SEGMENTS}/:id/members`,
      operationId: 'listSegmentMembers',
      summary: 'The members of a segment, latest entries first',
      tags: ['segments'],
      access: SEGMENT_USERS,
      params: idParamsSchema,
      query: segmentListQuerySchema,
      responses: { 200: { description: 'One page of members', schema: segmentMembersSchema } },
      errors: [404],
      handler: async ({ principal, params, query }) => ({
        status: 200,
        body: await records(principal.tenantId).members(params.id, query.page, query.pageSize),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/customers/:id/segments',
      operationId: 'listCustomerSegments',
      summary: 'The segments a customer is in',
      tags: ['segments', 'customers'],
      access: CUSTOMER_READERS,
      params: idParamsSchema,
      responses: {
        200: { description: 'Its segments, latest entries first', schema: customerSegmentsSchema },
      },
      errors: [404],
      handler: async ({ principal, params }) => ({
        status: 200,
        body: await records(principal.tenantId).ofCustomer(params.id),
      }),
    }),
  ];
};
