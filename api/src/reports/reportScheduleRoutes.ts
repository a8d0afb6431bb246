import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound, TASK_QUEUE } from '@c360/domain';
import { ExportSchedule, forTenant, Tenant, type ReportTemplate } from '@c360/store';
import { describeExportSchedule, type ReportFileFormat } from '@c360/workflows';
import { defineRoute, type ApiRoute, type ErrorStatus } from '../http/defineRoute';
import type { SegmentExportDeps } from '../segments/segmentExportPorts';
import { temporalUnavailable } from '../segments/segmentExportRoutes';
import { scheduleControlRoutes, startScheduleRecord } from './scheduleControlRoutes';
import { checkReportParams } from './reportParamsCheck';
import { REPORT_MANAGERS } from './reportRoutes';
import {
  REPORT_OVERLAP_POLICIES,
  reportScheduleCreateSchema,
  reportScheduleListSchema,
  reportScheduleParamsSchema,
  reportScheduleSchema,
} from './reportSchemas';

export type ReportScheduleRouteDeps = { em: EntityManager; exports: SegmentExportDeps };

/**
 * Report schedules: a row here (what the product lists) and a Temporal Schedule (what runs, in
 * the tenant's zone, visible and pausable in Temporal UI as `export-schedule-<tenant>-<id>`).
 * Segment export schedules are the same rows with the `segment_members` template, so they are
 * listed and driven here too.
 */
export const reportScheduleRoutes = (deps: ReportScheduleRouteDeps): ApiRoute[] => {
  const temporal = deps.exports.temporal;
  const errors: ErrorStatus[] = [404, 503];
  const common = { tags: ['reports'], access: REPORT_MANAGERS, errors };

  const view = async (s: ExportSchedule, tenantId: string) => {
    const state = await describeExportSchedule(temporal, tenantId, s.id).catch((error: unknown) => {
      throw temporalUnavailable(error);
    });
    const legacySegment =
      s.reportTemplate === 'segment_members' && Object.keys(s.filters).length === 0 && s.segment
        ? { segmentId: s.segment.id, ...(s.columns.length ? { columns: s.columns } : {}) }
        : null;
    return {
      id: s.id,
      name: s.name,
      template: s.reportTemplate,
      params: legacySegment ?? s.filters,
      formats: s.formats.length > 0 ? s.formats : [s.format],
      cron: s.cron,
      timeZone: s.timeZone,
      recipients: s.recipients,
      overlapPolicy: s.overlapPolicy.toLowerCase(),
      catchupWindowSeconds: s.catchupWindowSeconds,
      // A row without a Temporal Schedule (demo data, or one deleted in Temporal UI) runs nothing.
      paused: state ? state.paused : true,
      nextRunAt: state?.nextRunAt ?? null,
      lastRunAt: s.lastRunAt?.toISOString() ?? null,
      temporalScheduleId: s.temporalScheduleId ?? null,
      createdAt: s.createdAt.toISOString(),
    };
  };

  const load = async (tenantId: string, id: string) => {
    const em = forTenant(deps.em, tenantId);
    const schedule = await em.findOne(ExportSchedule, { id });
    if (!schedule) throw notFound('report schedule', id);
    return { em, schedule };
  };

  return [
    defineRoute({
      ...common,
      method: 'post',
      path: '/api/v1/report-schedules',
      operationId: 'createReportSchedule',
      summary: 'Schedule a report',
      description:
        "Runs on the cron in the given time zone (the tenant's by default), writes the report in each format, " +
        'e-mails the files to the recipients and announces them in the app to the creator with a download link. ' +
        '`overlapPolicy` says what a tick does while the previous run still goes; `catchupWindowSeconds` how far ' +
        'back ticks missed while Temporal was down are still run.',
      body: reportScheduleCreateSchema,
      responses: {
        201: {
          description: 'Created',
          schema: reportScheduleSchema,
          headers: { Location: 'the new schedule' },
        },
      },
      handler: async ({ principal, body }) => {
        const params = await checkReportParams(deps.em, principal.tenantId, body.template, body.params);
        const em = forTenant(deps.em, principal.tenantId);
        const tenant = await em.findOneOrFail(Tenant, { id: principal.tenantId });
        const segmentId = typeof params['segmentId'] === 'string' ? params['segmentId'] : null;
        const schedule = em.create(ExportSchedule, {
          tenant: principal.tenantId,
          name: body.name,
          owner: principal.userId,
          reportTemplate: body.template,
          format: body.formats[0]!,
          formats: body.formats,
          segment: segmentId,
          filters: params,
          cron: body.cron,
          timeZone: body.timeZone ?? tenant.timeZone,
          recipients: body.recipients,
          columns: Array.isArray(params['columns']) ? (params['columns'] as string[]) : [],
          overlapPolicy: REPORT_OVERLAP_POLICIES[body.overlapPolicy],
          catchupWindowSeconds: body.catchupWindowSeconds,
          enabled: true,
        });
        await startScheduleRecord(temporal, em, schedule, {
          tenantId: principal.tenantId,
          template: body.template as ReportTemplate,
          params,
          formats: body.formats as ReportFileFormat[],
          ownerUserId: principal.userId,
          cron: schedule.cron,
          timeZone: schedule.timeZone,
          overlap: REPORT_OVERLAP_POLICIES[body.overlapPolicy],
          catchupWindowSeconds: body.catchupWindowSeconds,
          note: `created by user ${principal.userId} through the API`,
          taskQueue: deps.exports.taskQueue ?? TASK_QUEUE,
        });
        return {
          status: 201,
          headers: { Location: `/api/v1/report-schedules/${schedule.id}` },
          body: await view(schedule, principal.tenantId),
        };
      },
    }),
    defineRoute({
      ...common,
      method: 'get',
      path: '/api/v1/report-schedules',
      operationId: 'listReportSchedules',
      summary: "List the tenant's report schedules",
      responses: { 200: { description: 'The schedules', schema: reportScheduleListSchema } },
      handler: async ({ principal }) => {
        const em = forTenant(deps.em, principal.tenantId);
        const rows = await em.find(ExportSchedule, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });
        const items = [];
        for (const row of rows) items.push(await view(row, principal.tenantId));
        return { status: 200, body: { items } };
      },
    }),
    defineRoute({
      ...common,
      method: 'get',
      path: '/api/v1/report-schedules/:id',
      operationId: 'getReportSchedule',
      summary: 'Get a report schedule',
      params: reportScheduleParamsSchema,
      responses: { 200: { description: 'The schedule', schema: reportScheduleSchema } },
      handler: async ({ principal, params }) => {
        const { schedule } = await load(principal.tenantId, params.id);
        return { status: 200, body: await view(schedule, principal.tenantId) };
      },
    }),
    ...scheduleControlRoutes({
      temporal,
      path: '/api/v1/report-schedules/:id',
      operation: 'ReportSchedule',
      noun: 'a report schedule',
      tags: common.tags,
      access: REPORT_MANAGERS,
      params: reportScheduleParamsSchema,
      schema: reportScheduleSchema,
      load: (tenantId, params) => load(tenantId, params.id),
      view,
      kept: 'files already written stay downloadable',
    }),
  ];
};
