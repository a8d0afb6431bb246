import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, notFound, TASK_QUEUE } from '@c360/domain';
import { ExportSchedule, forTenant, Segment, Tenant } from '@c360/store';
import {
  createExportSchedule,
  deleteExportSchedule,
  describeExportSchedule,
  pauseExportSchedule,
  resumeExportSchedule,
  triggerExportSchedule,
} from '@c360/workflows';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import { idParamsSchema } from '../openapi/commonSchemas';
import type { SegmentExportDeps } from './segmentExportPorts';
import { SEGMENT_EXPORTERS, temporalUnavailable } from './segmentExportRoutes';
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

  const setPaused = (paused: boolean) =>
    defineRoute({
      method: 'post',
      path: `/api/v1/segments/:id/schedules/:scheduleId/${paused ? 'pause' : 'resume'}`,
      operationId: paused ? 'pauseExportSchedule' : 'resumeExportSchedule',
      summary: paused ? 'Pause an export schedule' : 'Resume an export schedule',
      tags: ['segments'],
      access: SEGMENT_EXPORTERS,
      params: scheduleParamsSchema,
      responses: { 200: { description: 'The schedule', schema: scheduleSchema } },
      errors: [404, 503],
      handler: async ({ principal, params }) => {
        const { em, schedule } = await load(principal.tenantId, params.id, params.scheduleId);
        const note = `${paused ? 'paused' : 'resumed'} by user ${principal.userId} through the API`;
        try {
          if (paused) await pauseExportSchedule(temporal, principal.tenantId, schedule.id, note);
          else await resumeExportSchedule(temporal, principal.tenantId, schedule.id, note);
        } catch (error) {
          throw temporalUnavailable(error);
        }
        schedule.enabled = !paused;
        await em.flush();
        return { status: 200, body: await view(schedule, principal.tenantId) };
      },
    });

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
        try {
          schedule.temporalScheduleId = await createExportSchedule(temporal, {
            tenantId: principal.tenantId,
            scheduleId: schedule.id,
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
        } catch (error) {
          if ((error as { code?: number }).code === 3 /* INVALID_ARGUMENT */)
            throw new AppError('validation', 'the schedule was refused by Temporal', {
              fields: [{ path: 'body.cron', message: (error as Error).message }],
            });
          throw temporalUnavailable(error);
        }
        try {
          await em.flush();
        } catch (error) {
          await deleteExportSchedule(temporal, principal.tenantId, schedule.id);
          throw error;
        }
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
    setPaused(true),
    setPaused(false),
    defineRoute({
      method: 'post',
      path: '/api/v1/segments/:id/schedules/:scheduleId/trigger',
      operationId: 'triggerExportSchedule',
      summary: 'Run an export schedule now',
      description: 'One run now, delivered like a scheduled one; the cron is unchanged.',
      tags: ['segments'],
      access: SEGMENT_EXPORTERS,
      params: scheduleParamsSchema,
      responses: { 202: { description: 'A run was started' } },
      errors: [404, 503],
      handler: async ({ principal, params }) => {
        const { schedule } = await load(principal.tenantId, params.id, params.scheduleId);
        try {
          await triggerExportSchedule(temporal, principal.tenantId, schedule.id);
        } catch (error) {
          throw temporalUnavailable(error);
        }
        return { status: 202 };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/api/v1/segments/:id/schedules/:scheduleId',
      operationId: 'deleteExportSchedule',
      summary: 'Delete an export schedule',
      description: 'Deletes the Temporal Schedule, then the row; exports already written stay.',
      tags: ['segments'],
      access: SEGMENT_EXPORTERS,
      params: scheduleParamsSchema,
      responses: { 204: { description: 'Deleted' } },
      errors: [404, 503],
      handler: async ({ principal, params }) => {
        const { em, schedule } = await load(principal.tenantId, params.id, params.scheduleId);
        try {
          await deleteExportSchedule(temporal, principal.tenantId, schedule.id);
        } catch (error) {
          throw temporalUnavailable(error);
        }
        await em.remove(schedule).flush();
        return { status: 204 };
      },
    }),
  ];
};
