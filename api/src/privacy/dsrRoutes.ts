import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, notFound, TASK_QUEUE, type DsrKind, type Role } from '@c360/domain';
import { exportFileKept, resolveExportFile } from '@c360/store';
import { getDsrStatus, startDsr, type DsrArchive } from '@c360/workflows';
import { findCustomerOr404 } from '../customer360/customerGuard';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import { idParamsSchema } from '../openapi/commonSchemas';
import { temporalUnavailable } from '../segments/segmentExportRoutes';
import type { SegmentExportDeps } from '../segments/segmentExportPorts';
import { dsrListRoute } from './dsrListRoute';
import { recordDsrRequested, recordedArchive } from './dsrRequestRecords';
import { dsrAcceptedSchema, dsrKindParamsSchema, dsrParamsSchema, dsrStatusSchema } from './privacySchemas';

/** Data-subject requests hand over or destroy everything about a person: admins only. */
export const DSR_HANDLERS = ['admin'] as const satisfies readonly Role[];

export type DsrRouteDeps = {
  em: EntityManager;
  exports: Pick<SegmentExportDeps, 'temporal' | 'exportDir' | 'taskQueue'>;
};

const base = (customerId: string, kind: DsrKind) => `/api/v1/customers/${customerId}/dsr/${kind}`;

const startRoute = (deps: DsrRouteDeps, kind: DsrKind): ApiRoute =>
  defineRoute({
    method: 'post',
    path: `/api/v1/customers/:id/dsr/${kind}`,
    operationId: kind === 'export' ? 'startDsrExport' : 'startDsrErasure',
    summary:
      kind === 'export'
        ? 'Start a data-subject access request (one archive of everything held about the customer)'
        : 'Start a data-subject erasure (every trace of the customer, in every store)',
    description:
      kind === 'export'
        ? 'A workflow writes one JSON archive: profile, preferences, consent log, conversations and messages, tickets, ' +
          'calls, surveys, deals, conversions, segment memberships, timeline events, knowledge views, scores and the ' +
          'files they sent. Poll the status; download the archive once it is COMPLETED.'
        : "A workflow cancels the customer's running workflows, removes them from export files and deletes their " +
          'archives and attachments, deletes their rows and erases their details where other rows quote them (audit ' +
          'rows stay), removes their search document, and writes an audit record holding no personal data.',
    tags: ['customers', 'privacy'],
    access: DSR_HANDLERS,
    params: idParamsSchema,
    responses: { 202: { description: 'Started', schema: dsrAcceptedSchema } },
    errors: [404, 503],
    handler: async ({ principal, params }) => {
      await findCustomerOr404(deps.em, principal.tenantId, params.id);
      const requestId = randomUUID();
      let started;
      try {
        started = await startDsr(deps.exports.temporal, kind, {
          tenantId: principal.tenantId,
          customerId: params.id,
          requestId,
          requestedByUserId: principal.userId,
          taskQueue: deps.exports.taskQueue ?? TASK_QUEUE,
        });
      } catch (error) {
        throw temporalUnavailable(error);
      }
      // After the start: a request that never started is not listed as asked for.
      if (started.started)
        await recordDsrRequested(deps.em, {
          tenantId: principal.tenantId,
          customerId: params.id,
          requestId,
          userId: principal.userId,
          kind,
          workflowId: started.workflowId,
        });
      const statusUrl = `${base(params.id, kind)}/${requestId}`;
      return {
        status: 202,
        headers: { Location: statusUrl },
        body: { requestId, workflowId: started.workflowId, statusUrl },
      };
    },
  });

/** Data-subject requests: start, follow, and download the access archive. */
export const dsrRoutes = (deps: DsrRouteDeps): ApiRoute[] => [
  startRoute(deps, 'export'),
  startRoute(deps, 'erase'),
  dsrListRoute(deps),
  defineRoute({
    method: 'get',
    path: '/api/v1/customers/:id/dsr/:kind/:requestId',
    operationId: 'getDsrStatus',
    summary: 'The state of a data-subject request',
    description: 'Still answers after an erasure, when the customer is gone.',
    tags: ['customers', 'privacy'],
    access: DSR_HANDLERS,
    params: dsrKindParamsSchema,
    responses: { 200: { description: 'The request', schema: dsrStatusSchema } },
    errors: [404, 503],
    handler: async ({ principal, params }) => {
      const ref = { tenantId: principal.tenantId, customerId: params.id, requestId: params.requestId };
      const status = await getDsrStatus(deps.exports.temporal, params.kind, ref).catch((e: unknown) => {
        throw temporalUnavailable(e);
      });
      if (!status) throw notFound('data-subject request', params.requestId);
      const done = status.status === 'COMPLETED';
      return {
        status: 200,
        body: {
          requestId: params.requestId,
          kind: params.kind,
          workflowId: status.workflowId,
          status: status.status,
          step: status.progress?.step ?? null,
          result: status.result,
          failure: status.failure,
          downloadUrl:
            done && params.kind === 'export'
              ? `${base(params.id, 'export')}/${params.requestId}/download`
              : null,
        },
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/customers/:id/dsr/export/:requestId/download',
    operationId: 'downloadDsrArchive',
    summary: 'Download the access archive of a completed export',
    tags: ['customers', 'privacy'],
    access: DSR_HANDLERS,
    params: dsrParamsSchema,
    responses: {
      200: {
        description: 'The archive (JSON)',
        headers: { 'Content-Disposition': 'attachment; filename=...' },
      },
    },
    errors: [404, 409],
    handler: async ({ principal, params, res }) => {
      const ref = { tenantId: principal.tenantId, customerId: params.id, requestId: params.requestId };
      // The audit record first: it outlives the run in Temporal (the namespace's retention).
      let fileName = await recordedArchive(deps.em, principal.tenantId, ref);
      if (!fileName) {
        const status = await getDsrStatus(deps.exports.temporal, 'export', ref);
        if (!status) throw notFound('data-subject request', params.requestId);
        if (status.status !== 'COMPLETED')
          throw new AppError(
            'conflict',
            `request ${params.requestId} is ${status.status}, not ready to download`,
          );
        fileName = (status.result as DsrArchive).fileName;
      }
      // An erasure since then deleted the archive.
      if (!(await exportFileKept(deps.exports.exportDir, fileName)))
        throw notFound('archive', params.requestId);
      const file = resolveExportFile(deps.exports.exportDir, fileName);
      res.status(200);
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="customer-${params.id}-${params.requestId}.json"`,
      );
      await pipeline(createReadStream(file), res);
      return { status: 200, streamed: true };
    },
  }),
];
