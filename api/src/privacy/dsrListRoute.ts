import type { Client } from '@temporalio/client';
import { z } from 'zod';
import { notFound, workflowIds } from '@c360/domain';
import { Customer, exportFileKept, forTenant } from '@c360/store';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import { idParamsSchema, pageInfoFields, pageQueryFields, userRefSchema } from '../openapi/commonSchemas';
import { temporalUnavailable } from '../segments/segmentExportRoutes';
import { DSR_HANDLERS, type DsrRouteDeps } from './dsrRoutes';
import { listDsrRequests, type DsrRequestRecord } from './dsrRequestRecords';

export const dsrRequestSchema = z
  .object({
    requestId: z.string(),
    kind: z.enum(['export', 'erase']),
    workflowId: z.string(),
    status: z.string().meta({
      description:
        'COMPLETED once the workflow recorded its outcome; otherwise as Temporal has it (RUNNING, FAILED, ' +
        'CANCELED, TERMINATED, TIMED_OUT), or UNKNOWN when Temporal no longer holds the run',
    }),
    requestedBy: userRefSchema
      .nullable()
      .meta({ description: 'the admin who asked (name empty once the user is deleted)' }),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    downloadUrl: z
      .string()
      .nullable()
      .meta({ description: 'a completed export whose archive is still stored (an erasure deletes it)' }),
  })
  .meta({ id: 'DsrRequest' });

const dsrRequestListSchema = z
  .object({ items: z.array(dsrRequestSchema), ...pageInfoFields })
  .meta({ id: 'DsrRequestList' });

type Live = { status: string; finishedAt: Date | null };

/** The run's state in Temporal, for a request that has recorded no outcome yet. */
const liveStatus = async (temporal: Client, workflowId: string): Promise<Live> => {
  try {
    const described = await temporal.workflow.getHandle(workflowId).describe();
    return { status: described.status.name, finishedAt: described.closeTime ?? null };
  } catch (error) {
    if ((error as { name?: string }).name === 'WorkflowNotFoundError')
      return { status: 'UNKNOWN', finishedAt: null };
    throw temporalUnavailable(error);
  }
};

/**
 * `GET /customers/:id/dsr`. After an erasure the customer is gone but the audit log keeps the
 * requests (ids only): the list still answers for them, so the admin sees the erasure completed.
 * An id with neither a customer nor a request in this tenant is a 404.
 */
export const dsrListRoute = (deps: DsrRouteDeps): ApiRoute =>
  defineRoute({
    method: 'get',
    path: '/api/v1/customers/:id/dsr',
    operationId: 'listDsrRequests',
    summary: "A customer's data-subject requests, newest first",
    description:
      'Every access export and erasure asked for this customer, with its status and, for a completed export ' +
      'whose archive is still stored, the download link. Kept in the audit log, so the list outlives an ' +
      'erasure: once the customer is erased it still answers with their requests (the erasure COMPLETED, ' +
      'earlier exports without a download link, their archives deleted). 404 when this tenant has neither ' +
      'the customer nor any request about that id.',
    tags: ['customers', 'privacy'],
    access: DSR_HANDLERS,
    params: idParamsSchema,
    query: z.object(pageQueryFields),
    responses: { 200: { description: 'One page of requests', schema: dsrRequestListSchema } },
    errors: [404, 503],
    handler: async ({ principal, params, query }) => {
      const { tenantId } = principal;
      const records = await listDsrRequests(deps.em, tenantId, params.id);
      if (!records.length && !(await forTenant(deps.em.fork(), tenantId).count(Customer, { id: params.id })))
        throw notFound('customer', params.id);
      const start = (query.page - 1) * query.pageSize;
      const page = records.slice(start, start + query.pageSize);
      const view = async (r: DsrRequestRecord) => {
        const workflowId = workflowIds.dsr(r.kind, tenantId, params.id, r.requestId);
        const live: Live = r.completedAt
          ? { status: 'COMPLETED', finishedAt: r.completedAt }
          : await liveStatus(deps.exports.temporal, workflowId);
        const downloadable =
          r.kind === 'export' &&
          r.fileName !== null &&
          (await exportFileKept(deps.exports.exportDir, r.fileName));
        return {
          requestId: r.requestId,
          kind: r.kind,
          workflowId,
          status: live.status,
          requestedBy: r.requestedBy,
          createdAt: r.createdAt.toISOString(),
          finishedAt: live.finishedAt?.toISOString() ?? null,
          downloadUrl: downloadable
            ? `/api/v1/customers/${params.id}/dsr/export/${r.requestId}/download`
            : null,
        };
      };
      return {
        status: 200,
        body: {
          items: await Promise.all(page.map(view)),
          page: query.page,
          pageSize: query.pageSize,
          total: records.length,
        },
      };
    },
  });
