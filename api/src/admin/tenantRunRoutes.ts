import type { Request } from 'express';
import { z } from 'zod';
import { AppError } from '@c360/domain';
import { defineRoute, type ApiRoute } from '../http/defineRoute';

/** What the routes of a tenant-wide workflow need from Temporal (bound by the composition root). */
export type TenantRunService = {
  /** Starts a run for the tenant; the workflow id embeds the tenant and the request id. */
  start: (input: { tenantId: string; requestId: string }) => Promise<{ workflowId: string; runId: string }>;
  /** `null` when no such workflow exists for this tenant (another tenant's id included). */
  status: (tenantId: string, workflowId: string) => Promise<unknown>;
};

/** One tenant-wide workflow (reindex, rescore) as the admin API starts and follows it. */
export type TenantRunRoutesSpec = {
  /** The workflow id prefix and the word in messages: `reindex`, `rescore`. */
  name: string;
  /** `/api/v1/admin/<name>`. */
  path: string;
  operationIds: { start: string; status: string };
  summaries: { start: string; status: string };
  description: string;
  tags: string[];
  startedSchema: z.ZodType;
  statusSchema: z.ZodType;
};

/** The answer to a start: the same shape for every tenant-wide workflow, under its own schema id. */
export const tenantRunStartedSchema = (id: string, workflowIdExample?: string) =>
  z
    .object({
      workflowId: z.string().meta({
        description: 'Temporal workflow id; find it in Temporal UI by TenantId',
        ...(workflowIdExample ? { example: workflowIdExample } : {}),
      }),
      runId: z.string(),
      statusUrl: z.string().meta({ description: 'where to follow its progress' }),
    })
    .meta({ id });

/** The answer to a status read: Temporal's status and the workflow's own progress query (or null). */
export const tenantRunStatusSchema = (id: string, progress: z.ZodType) =>
  z
    .object({
      workflowId: z.string(),
      status: z.string().meta({
        description:
          'Temporal execution status: RUNNING, COMPLETED, FAILED, CANCELLED, TERMINATED, TIMED_OUT',
      }),
      progress: progress.nullable(),
    })
    .meta({ id });

// A Temporal outage must read as 503, not 500; the cause still reaches the log.
const temporalCall = async <T>(name: string, req: Request, call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    if (error instanceof AppError) throw error;
    // Workflow ids embed the request id: a retried request with the same X-Request-Id does not start a second run.
    if ((error as { name?: unknown }).name === 'WorkflowExecutionAlreadyStartedError') {
      throw new AppError('conflict', `a ${name} was already started by this request id`);
    }
    req.log.warn({ err: error }, 'temporal call failed');
    throw new AppError('unavailable', 'the workflow service is unavailable; try again shortly');
  }
};

/** POST `<path>` starts a run of the caller's tenant (202 + status URL); GET `<path>/:workflowId` follows it. */
export const tenantRunRoutes = (spec: TenantRunRoutesSpec, service: TenantRunService): ApiRoute[] => {
  const { name, path } = spec;
  const workflowIdParams = z.object({
    workflowId: z
      .string()
      .max(300)
      .regex(new RegExp(`^${name}-[A-Za-z0-9._:-]+$`), `must be a ${name} workflow id`),
  });
  return [
    defineRoute({
      method: 'post',
      path,
      operationId: spec.operationIds.start,
      summary: spec.summaries.start,
      description: spec.description,
      tags: spec.tags,
      access: ['admin'],
      responses: {
        202: { description: 'Started', schema: spec.startedSchema, headers: { Location: 'the status URL' } },
      },
      errors: [409, 503],
      handler: async ({ principal, requestId, req }) => {
        const started = await temporalCall(name, req, () =>
          service.start({ tenantId: principal.tenantId, requestId }),
        );
        const statusUrl = `${path}/${encodeURIComponent(started.workflowId)}`;
        return { status: 202, headers: { Location: statusUrl }, body: { ...started, statusUrl } };
      },
    }),
    defineRoute({
      method: 'get',
      path: `${path}/:workflowId`,
      operationId: spec.operationIds.status,
      summary: spec.summaries.status,
      tags: spec.tags,
      access: ['admin'],
      params: workflowIdParams,
      responses: { 200: { description: 'Its status and progress', schema: spec.statusSchema } },
      errors: [404, 503],
      handler: async ({ principal, params, req }) => {
        const status = await temporalCall(name, req, () =>
          service.status(principal.tenantId, params.workflowId),
        );
        if (!status) throw new AppError('not_found', `${name} ${params.workflowId} not found`);
        return { status: 200, body: status };
      },
    }),
  ];
};
