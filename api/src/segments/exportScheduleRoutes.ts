import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound, TASK_QUEUE } from '@c360/domain';
import { ExportSchedule, forTenant, Segment, Tenant } from '@c360/store';
import { describeExportSchedule } from '@c360/workflows';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import { idParamsSchema } from '../openapi/commonSchemas';
import type { SegmentExportDeps } from './segmentExportPorts';
import { scheduleControlRoutes, startScheduleRecord } from '../reports/scheduleControlRoutes';
import { SEGMENT_EXPORTERS } from './segmentExportRoutes';
import {
  scheduleCreateSchema,
  scheduleListSchema,
  scheduleParamsSchema,
  scheduleSchema,
} from './segmentExportSchemas';

export type ExportScheduleRouteDeps = { em: EntityManager; exports: SegmentExportDeps };

const REPORT_TEMPLATE = 'segment_members';

/**
 * Scheduled exports of a segment. Each is a row here (what the product lists) and a Temporal
 * Schedule (what runs, visible and pausable in Temporal UI as `export-schedule-<tenant>-<id>`).
 */
export const exportScheduleRoutes = (deps: ExportScheduleRouteDeps): ApiRoute[] => {
  const temporal = deps.exports.temporal;

  const view = async (s: ExportSchedule, tenantId: string) => {
    const state = await describeExportSchedule(temporal, tenantId, s.id);
    return {
      id: s.id,
      segmentId: s.segment!.id,
      name: s.name,
      cron: s.cron,
      timeZone: s.timeZone,
      format: s.format,
      columns: s.columns,
      recipients: s.recipients,
      overlapPolicy: s.overlapPolicy,
      catchupWindowSeconds: s.catchupWindowSeconds,
      // A row without a Temporal Schedule (demo data, or one deleted in Temporal UI) runs nothing.
      paused: state ? state.paused : true,
      temporalScheduleId: s.temporalScheduleId ?? null,
      nextRunAt: state?.nextRunAt ?? null,
      lastRunAt: s.lastRunAt?.toISOString() ?? null,
      createdAt: s.createdAt.toISOString(),
    };
  };

  const load = async (tenantId: string, segmentId: string, scheduleId: string) => {
    const em = forTenant(deps.em, tenantId);
    const schedule = await em.findOne(ExportSchedule, { id: scheduleId, segment: segmentId });
    if (!schedule) throw notFound('export schedule', scheduleId);
    return { em, schedule };
  };

  return [
    defineRoute({
      method: 'post',
      path: '/api/v1/segments/:id/schedules',
      operationId: 'createExportSchedule',
      summary: 'Schedule an export of a segment',
      description:
        "Runs on the cron in the given time zone (the tenant's by default), exports the segment and delivers the " +
        'file by e-mail to the recipients and by in-app notification to the creator. `overlapPolicy` says what a ' +
        'tick does while the previous run still goes; `catchupWindowSeconds` how far back missed ticks are run ' +
        'after an outage.',
      tags: ['segments'],
      access: SEGMENT_EXPORTERS,
      params: idParamsSchema,
      body: scheduleCreateSchema,
      responses: {
        201: { description: 'Created', schema: scheduleSchema, headers: { Location: 'the new schedule' } },
      },
      errors: [404, 503],
      handler: async ({ principal, params, body }) => {
        const em = forTenant(deps.em, principal.tenantId);
        const segment = await em.findOne(Segment, { id: params.id });
        if (!segment) throw notFound('segment', params.id);
        const tenant = await em.findOneOrFail(Tenant, { id: principal.tenantId });
        const schedule = em.create(ExportSchedule, {
          tenant: principal.tenantId,
          name: body.name,
          owner: principal.userId,
          reportTemplate: REPORT_TEMPLATE,
          format: body.format,
          formats: [body.format],
          segment: segment.id,
          filters: { segmentId: segment.id, ...(body.columns.length > 0 ? { columns: body.columns } : {}) },
          cron: body.cron,
          timeZone: body.timeZone ?? tenant.timeZone,
          recipients: body.recipients,
          columns: body.columns,
          overlapPolicy: body.overlapPolicy,
          catchupWindowSeconds: body.catchupWindowSeconds,
          enabled: true,
        });
        await startScheduleRecord(temporal, em, schedule, {
          tenantId: principal.tenantId,
          template: REPORT_TEMPLATE,
          params: schedule.filters,
          formats: [body.format],
          ownerUserId: principal.userId,
          cron: schedule.cron,
          timeZone: schedule.timeZone,
          overlap: body.overlapPolicy,
          catchupWindowSeconds: body.catchupWindowSeconds,
          note: `created by user ${principal.userId} through the API`,
          taskQueue: deps.exports.taskQueue ?? TASK_QUEUE,
        });
        return {
          status: 201,
          headers: { Location: `/api/v1/segments/${segment.id}/schedules/${schedule.id}` },
          body: await view(schedule, principal.tenantId),
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/segments/:id/schedules',
      operationId: 'listExportSchedules',
      summary: "List a segment's export schedules",
      tags: ['segments'],
      access: SEGMENT_EXPORTERS,
      params: idParamsSchema,
      responses: { 200: { description: 'The schedules', schema: scheduleListSchema } },
      errors: [404, 503],
      handler: async ({ principal, params }) => {
        const em = forTenant(deps.em, principal.tenantId);
        if (!(await em.findOne(Segment, { id: params.id }))) throw notFound('segment', params.id);
        const rows = await em.find(ExportSchedule, { segment: params.id }, { orderBy: { createdAt: 'asc' } });
        const items = [];
        for (const row of rows) items.push(await view(row, principal.tenantId));
        return { status: 200, body: { items } };
      },
    }),
    ...scheduleControlRoutes({
      temporal,
      path: '/api/v1/segments/:id/schedules/:scheduleId',
      operation: 'ExportSchedule',
      noun: 'an export schedule',
      tags: ['segments'],
      access: SEGMENT_EXPORTERS,
      params: scheduleParamsSchema,
      schema: scheduleSchema,
      load: (tenantId, params) => load(tenantId, params.id, params.scheduleId),
      view,
      kept: 'exports already written stay',
    }),
  ];
};
