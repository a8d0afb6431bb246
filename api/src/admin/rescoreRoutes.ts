import type { Request } from 'express';
import { z } from 'zod';
import { AppError } from '@c360/domain';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import type { RescoreService } from './rescorePort';

const RESCORE_PATH = '/api/v1/admin/rescore';

const rescoreStartedSchema = z
  .object({
    workflowId: z.string().meta({ description: 'Temporal workflow id; find it in Temporal UI by TenantId' }),
    runId: z.string(),
    statusUrl: z.string().meta({ description: 'where to follow its progress' }),
  })
  .meta({ id: 'RescoreStarted' });

const rescoreStatusSchema = z
  .object({
    workflowId: z.string(),
    status: z.string().meta({
      description: 'Temporal execution status: RUNNING, COMPLETED, FAILED, CANCELLED, TERMINATED, TIMED_OUT',
    }),
    progress: z
      .object({
        phase: z.string().meta({ description: 'starting, model, scoring or done' }),
        total: z.number().int(),
        scored: z.number().int(),
        changed: z.number().int().meta({ description: 'customers whose stored scores changed' }),
        events: z.number().int().meta({ description: 'edge-triggered score events raised' }),
        startedAt: z.string().nullable(),
        churnModelSource: z
          .string()
          .nullable()
          .meta({ description: "trained (on the tenant's history) or default (too few churned customers)" }),
      })
      .nullable(),
  })
  .meta({ id: 'RescoreStatus' });

const workflowIdParams = z.object({
  workflowId: z
    .string()
    .max(300)
    .regex(/^rescore-[A-Za-z0-9._:-]+$/, 'must be a rescore workflow id'),
});

// A Temporal outage must read as 503, not 500; the cause still reaches the log.
const temporalCall = async <T>(req: Request, call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    if (error instanceof AppError) throw error;
    if ((error as { name?: unknown }).name === 'WorkflowExecutionAlreadyStartedError') {
      throw new AppError('conflict', 'a rescore was already started by this request id');
    }
    req.log.warn({ err: error }, 'temporal call failed');
    throw new AppError('unavailable', 'the workflow service is unavailable; try again shortly');
  }
};

/** Tenant administration: a full rescore of the tenant's customers, as a Temporal workflow. */
export const rescoreRoutes = (rescore: RescoreService): ApiRoute[] => [
  defineRoute({
    method: 'post',
    path: RESCORE_PATH,
    operationId: 'startRescore',
    summary: "Recompute the tenant's score model and every customer's scores",
    description:
      'Starts the rescore workflow and answers at once: first the tenant-level inputs (RFM quintiles, VIP CLV cut-offs, churn model), ' +
      'then every customer in batches. Follow it with the status URL or in Temporal UI.',
    tags: ['admin', 'scores'],
    access: ['admin'],
    responses: {
      202: { description: 'Started', schema: rescoreStartedSchema, headers: { Location: 'the status URL' } },
    },
    errors: [409, 503],
    handler: async ({ principal, requestId, req }) => {
      const started = await temporalCall(req, () =>
        rescore.start({ tenantId: principal.tenantId, requestId }),
      );
      const statusUrl = `${RESCORE_PATH}/${encodeURIComponent(started.workflowId)}`;
      return { status: 202, headers: { Location: statusUrl }, body: { ...started, statusUrl } };
    },
  }),
  defineRoute({
    method: 'get',
    path: `${RESCORE_PATH}/:workflowId`,
    operationId: 'getRescoreStatus',
    summary: 'Progress of a rescore',
    tags: ['admin', 'scores'],
    access: ['admin'],
    params: workflowIdParams,
    responses: { 200: { description: 'Its status and progress', schema: rescoreStatusSchema } },
    errors: [404, 503],
    handler: async ({ principal, params, req }) => {
      const status = await temporalCall(req, () => rescore.status(principal.tenantId, params.workflowId));
      if (!status) throw new AppError('not_found', `rescore ${params.workflowId} not found`);
      return { status: 200, body: status };
    },
  }),
];
