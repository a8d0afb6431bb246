import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { TASK_QUEUE, workflowIds, type Role } from '@c360/domain';
import { forTenant, REPORT_FORMATS, REPORT_TEMPLATES, REPORT_TITLES, SegmentExport } from '@c360/store';
import { startReportExport } from '@c360/workflows';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import type { SegmentExportDeps } from '../segments/segmentExportPorts';
import { temporalUnavailable } from '../segments/segmentExportRoutes';
import { checkReportParams, describeReportParams } from './reportParamsCheck';
import { reportRunAcceptedSchema, reportRunBodySchema, reportTemplateListSchema } from './reportSchemas';

/** Reports cover the whole tenant (every customer, every KPI): managers and admins. */
export const REPORT_MANAGERS = ['manager', 'admin'] as const satisfies readonly Role[];

export type ReportRouteDeps = { em: EntityManager; exports: SegmentExportDeps };

/** The report templates, and one run of a template written to a file by a workflow. */
export const reportRoutes = (deps: ReportRouteDeps): ApiRoute[] => [
  defineRoute({
    method: 'get',
    path: '/api/v1/reports/templates',
    operationId: 'listReportTemplates',
    summary: 'List the report templates and their parameters',
    tags: ['reports'],
    access: REPORT_MANAGERS,
    responses: { 200: { description: 'The templates', schema: reportTemplateListSchema } },
    handler: async () => ({
      status: 200,
      body: REPORT_TEMPLATES.map((template) => ({
        template,
        title: REPORT_TITLES[template],
        formats: [...REPORT_FORMATS],
        params: describeReportParams(template),
      })),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/reports/run',
    operationId: 'runReport',
    summary: 'Run a report now',
    description:
      'Renders the template as CSV (RFC 4180, formula-starting text neutralised) or PDF (title, parameters, ' +
      "generation time in the tenant's zone, a chart and the table) in a workflow. The answer names the export: " +
      '`GET /exports/{id}` gives its status, `GET /exports/{id}/download` the file when done, and the requester ' +
      'gets an in-app notification with the link.',
    tags: ['reports'],
    access: REPORT_MANAGERS,
    body: reportRunBodySchema,
    responses: {
      202: {
        description: 'The run was started',
        schema: reportRunAcceptedSchema,
        headers: { Location: 'its status' },
      },
    },
    errors: [404, 503],
    handler: async ({ principal, body }) => {
      const params = await checkReportParams(deps.em, principal.tenantId, body.template, body.params);
      const em = forTenant(deps.em, principal.tenantId);
      // The export's id is the run's business id, and its row exists before the workflow starts,
      // so the answer can name it; the workflow's first activity finds it by workflow id.
      const exportId = randomUUID();
      const workflowId = workflowIds.reportExport(principal.tenantId, exportId);
      const record = em.create(SegmentExport, {
        id: exportId,
        tenant: principal.tenantId,
        segment: typeof params['segmentId'] === 'string' ? params['segmentId'] : null,
        requestedBy: principal.userId,
        reportTemplate: body.template,
        params,
        format: body.format,
        columns: Array.isArray(params['columns']) ? (params['columns'] as string[]) : [],
        status: 'running',
        workflowId,
      });
      await em.flush();
      try {
        await startReportExport(deps.exports.temporal, {
          requestId: exportId,
          tenantId: principal.tenantId,
          template: body.template,
          params,
          formats: [body.format],
          requestedByUserId: principal.userId,
          taskQueue: deps.exports.taskQueue ?? TASK_QUEUE,
        });
      } catch (error) {
        // Nothing will run it: no record of a run that never started.
        await em.remove(record).flush();
        throw temporalUnavailable(error);
      }
      return {
        status: 202,
        headers: { Location: `/api/v1/exports/${exportId}` },
        body: {
          exportId,
          workflowId,
          statusUrl: `/api/v1/exports/${exportId}`,
          downloadUrl: `/api/v1/exports/${exportId}/download`,
        },
      };
    },
  }),
];
