import type { EntityManager } from '@mikro-orm/postgresql';
import type { Client } from '@temporalio/client';
import type { z } from 'zod';
import { AppError } from '@c360/domain';
import type { ExportSchedule } from '@c360/store';
import {
  createExportSchedule,
  deleteExportSchedule,
  pauseExportSchedule,
  resumeExportSchedule,
  triggerExportSchedule,
  type ExportScheduleSpec,
} from '@c360/workflows';
import { defineRoute, type Access, type ApiRoute, type ErrorStatus } from '../http/defineRoute';
import { temporalUnavailable } from '../segments/segmentExportRoutes';

/**
 * Segment export schedules and report schedules are the same thing underneath: an
 * `ExportSchedule` row (what the product lists) and a Temporal Schedule (what runs). This module is
 * the one place that keeps the two in step; each family of routes only says where its schedules
 * live, who may drive them and how a schedule is shown.
 */

/**
 * Creates the Temporal Schedule of a new row, then stores the row; a schedule refused by Temporal
 * is a 400 on `body.cron`, an unreachable Temporal a 503, and a row that cannot be stored takes its
 * Temporal Schedule away again, so neither is left without the other.
 */
export const startScheduleRecord = async (
  temporal: Client,
  em: EntityManager,
  schedule: ExportSchedule,
  spec: Omit<ExportScheduleSpec, 'scheduleId'>,
): Promise<void> => {
  try {
    schedule.temporalScheduleId = await createExportSchedule(temporal, { ...spec, scheduleId: schedule.id });
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
    await deleteExportSchedule(temporal, spec.tenantId, schedule.id);
    throw error;
  }
};

export type ScheduleControlSpec<P extends z.ZodObject> = {
  temporal: Client;
  /** Express path of one schedule, e.g. `/api/v1/report-schedules/:id`. */
  path: string;
  /** Operation id stem: `ReportSchedule` gives `pauseReportSchedule`, `deleteReportSchedule`… */
  operation: string;
  /** How a summary names one: `a report schedule`. */
  noun: string;
  tags: string[];
  access: Exclude<Access, 'public'>;
  params: P;
  schema: z.ZodType;
  /** The caller's schedule named by the path (404 when it is not the tenant's). */
  load: (tenantId: string, params: z.infer<P>) => Promise<{ em: EntityManager; schedule: ExportSchedule }>;
  view: (schedule: ExportSchedule, tenantId: string) => Promise<unknown>;
  /** What stays after a delete, for its description. */
  kept: string;
};

/** Pause, resume, run now and delete: the same four routes for every family of schedules. */
export const scheduleControlRoutes = <P extends z.ZodObject>(spec: ScheduleControlSpec<P>): ApiRoute[] => {
  const errors: ErrorStatus[] = [404, 503];
  const common = { tags: spec.tags, access: spec.access, params: spec.params, errors };
  const temporalCall = async (call: () => Promise<unknown>): Promise<void> => {
    try {
      await call();
    } catch (error) {
      throw temporalUnavailable(error);
    }
  };

  const setPaused = (paused: boolean) =>
    defineRoute({
      ...common,
      method: 'post',
      path: `${spec.path}/${paused ? 'pause' : 'resume'}`,
      operationId: `${paused ? 'pause' : 'resume'}${spec.operation}`,
      summary: `${paused ? 'Pause' : 'Resume'} ${spec.noun}`,
      responses: { 200: { description: 'The schedule', schema: spec.schema } },
      handler: async ({ principal, params }) => {
        const { em, schedule } = await spec.load(principal.tenantId, params as z.infer<P>);
        const note = `${paused ? 'paused' : 'resumed'} by user ${principal.userId} through the API`;
        await temporalCall(() =>
          paused
            ? pauseExportSchedule(spec.temporal, principal.tenantId, schedule.id, note)
            : resumeExportSchedule(spec.temporal, principal.tenantId, schedule.id, note),
        );
        schedule.enabled = !paused;
        await em.flush();
        return { status: 200, body: await spec.view(schedule, principal.tenantId) };
      },
    });

  return [
    setPaused(true),
    setPaused(false),
    defineRoute({
      ...common,
      method: 'post',
      path: `${spec.path}/trigger`,
      operationId: `trigger${spec.operation}`,
      summary: `Run ${spec.noun} now`,
      description:
        'One run now, delivered like a scheduled one (files, mail, in-app notice); the cron is unchanged.',
      responses: { 202: { description: 'A run was started' } },
      handler: async ({ principal, params }) => {
        const { schedule } = await spec.load(principal.tenantId, params as z.infer<P>);
        await temporalCall(() => triggerExportSchedule(spec.temporal, principal.tenantId, schedule.id));
        return { status: 202 };
      },
    }),
    defineRoute({
      ...common,
      method: 'delete',
      path: spec.path,
      operationId: `delete${spec.operation}`,
      summary: `Delete ${spec.noun}`,
      description: `Deletes the Temporal Schedule, then the row; ${spec.kept}.`,
      responses: { 204: { description: 'Deleted' } },
      handler: async ({ principal, params }) => {
        const { em, schedule } = await spec.load(principal.tenantId, params as z.infer<P>);
        await temporalCall(() => deleteExportSchedule(spec.temporal, principal.tenantId, schedule.id));
        await em.remove(schedule).flush();
        return { status: 204 };
      },
    }),
  ];
};
