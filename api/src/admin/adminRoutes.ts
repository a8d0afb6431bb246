import type { Request } from 'express';
import { z } from 'zod';
import { AppError } from '@c360/domain';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import type { ReindexService } from './reindexPort';

const REINDEX_PATH = '/api/v1/admin/reindex';

const reindexStartedSchema = z
  .object({
    workflowId: z.string().meta({
      description: 'Temporal workflow id; find it in Temporal UI by TenantId',
      example: 'reindex-3f6c2b1e-6a1d-4c1e-9f8a-2b7d7e0c1a55-9b1d...',
    }),
    runId: z.string(),
    statusUrl: z.string().meta({ description: 'where to follow its progress' }),
  })
  .meta({ id: 'ReindexStarted' });

const reindexStatusSchema = z
  .object({
    workflowId: z.string(),
    status: z.string().meta({
      description: 'Temporal execution status: RUNNING, COMPLETED, FAILED, CANCELLED, TERMINATED, TIMED_OUT',
    }),
    progress: z
      .object({
        phase: z.string().meta({ description: 'starting, indexing, cleaning or done' }),
        total: z.number().int(),
        indexed: z.number().int(),
        stale: z.number().int(),
        removed: z.number().int(),
        startedAt: z.string().nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'ReindexStatus' });

const workflowIdParams = z.object({
  workflowId: z
    .string()
    .max(300)
    .regex(/^reindex-[A-Za-z0-9._:-]+$/, 'must be a reindex workflow id'),
});

// A Temporal outage must read as 503, not 500; the cause still reaches the log.
const temporalCall = async <T>(req: Request, call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    if (error instanceof AppError) throw error;
    // Workflow ids embed the request id: a retried request with the same X-Request-Id does not start a second run.
    if ((error as { name?: unknown }).name === 'WorkflowExecutionAlreadyStartedError') {
      throw new AppError('conflict', 'a reindex was already started by this request id');
    }
    req.log.warn({ err: error }, 'temporal call failed');
    throw new AppError('unavailable', 'the workflow service is unavailable; try again shortly');
  }
};

/** Tenant administration: a full reindex of the tenant's customers, as a Temporal workflow. */
export const adminRoutes = (reindex: ReindexService): ApiRoute[] => [
  defineRoute({
    method: 'post',
    path: REINDEX_PATH,
    operationId: 'startReindex',
    summary: "Rebuild the tenant's customer search index from PostgreSQL",
    description:
      'Starts the reindex workflow and answers at once; follow it with the status URL or in Temporal UI.',
    tags: ['admin'],
    access: ['admin'],
    responses: {
      202: { description: 'Started', schema: reindexStartedSchema, headers: { Location: 'the status URL' } },
    },
    errors: [409, 503],
    handler: async ({ principal, requestId, req }) => {
      const started = await temporalCall(req, () =>
        reindex.start({ tenantId: principal.tenantId, requestId }),
      );
      const statusUrl = `${REINDEX_PATH}/${encodeURIComponent(started.workflowId)}`;
      return { status: 202, headers: { Location: statusUrl }, body: { ...started, statusUrl } };
    },
  }),
  defineRoute({
    method: 'get',
    path: `${REINDEX_PATH}/:workflowId`,
    operationId: 'getReindexStatus',
    summary: 'Progress of a reindex',
    tags: ['admin'],
    access: ['admin'],
    params: workflowIdParams,
    responses: { 200: { description: 'Its status and progress', schema: reindexStatusSchema } },
    errors: [404, 503],
    handler: async ({ principal, params, req }) => {
      const status = await temporalCall(req, () => reindex.status(principal.tenantId, params.workflowId));
      if (!status) throw new AppError('not_found', `reindex ${params.workflowId} not found`);
      return { status: 200, body: status };
    },
  }),
];
