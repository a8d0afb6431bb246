import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AppError,
  DEFAULT_EXPORT_COLUMNS,
  EXPORT_CONTENT_TYPES,
  EXPORT_FILE_CONTENT_TYPES,
  exportFileName,
  notFound,
  TASK_QUEUE,
  workflowIds,
  type Role,
} from '@c360/domain';
import {
  countSegmentMembers,
  forTenant,
  resolveExportFile,
  SegmentExport,
  segmentExportSource,
  writeSegmentExport,
} from '@c360/store';
import { startSegmentExport } from '@c360/workflows';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import { idParamsSchema } from '../openapi/commonSchemas';
import type { SegmentExportDeps } from './segmentExportPorts';
import { exportAcceptedSchema, exportQuerySchema, segmentExportSchema } from './segmentExportSchemas';

/** Exports carry every member's personal data: marketers, managers and admins only. */
export const SEGMENT_EXPORTERS = ['marketer', 'manager', 'admin'] as const satisfies readonly Role[];

/** `attachment` with an ASCII name and its UTF-8 form (RFC 6266), so every browser saves it right. */
const attachment = (fileName: string): string =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

// A client that goes away mid-download is not a server fault.
const closedByClient = (res: Response, error: unknown): boolean =>
  (error as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE' ||
  (res.destroyed && !res.writableFinished);

/** Temporal refusing or unreachable: the caller can retry; anything else stays a 500. */
export const temporalUnavailable = (error: unknown): unknown =>
  ['ServiceError', 'ConnectionError', 'TransportError'].includes((error as { name?: string }).name ?? '')
    ? new AppError('unavailable', 'the workflow service is unavailable; try again shortly')
    : error;

const exportView = (e: SegmentExport) => ({
  id: e.id,
  segmentId: e.segment?.id ?? null,
  scheduleId: e.schedule?.id ?? null,
  template: e.reportTemplate,
  title: e.title ?? null,
  format: e.format,
  columns: e.columns,
  status: e.status,
  fileName: e.fileName ?? null,
  rowCount: e.rowCount ?? null,
  byteSize: e.byteSize ?? null,
  error: e.error ?? null,
  createdAt: e.createdAt.toISOString(),
  completedAt: e.completedAt?.toISOString() ?? null,
  downloadUrl: e.status === 'done' ? `/api/v1/exports/${e.id}/download` : null,
});

export type SegmentExportRouteDeps = { em: EntityManager; now: () => Date; exports: SegmentExportDeps };

/** Segment exports: streamed in the request when small, a workflow writing a file when large. */
export const segmentExportRoutes = (deps: SegmentExportRouteDeps): ApiRoute[] => [
  defineRoute({
    method: 'get',
    path: '/api/v1/segments/:id/export',
    operationId: 'exportSegment',
    summary: 'Export the members of a segment',
    description:
      'Streams every member as a download (CSV per RFC 4180 with formula-starting text neutralised by a leading ' +
      'apostrophe, or JSON as one array with one object per line), read from one point in time of the index. ' +
      `A segment with more members than the server's limit is exported by a workflow instead: the answer is 202, ` +
      'and the requester gets an in-app notification with the download link when the file is ready.',
    tags: ['segments'],
    access: SEGMENT_EXPORTERS,
    params: idParamsSchema,
    query: exportQuerySchema,
    responses: {
      200: {
        description: 'The export file',
        mediaType: 'text/csv',
        headers: { 'Content-Disposition': 'attachment; filename=...' },
      },
      202: { description: 'Too large for a request: exported by a workflow', schema: exportAcceptedSchema },
    },
    errors: [404, 503],
    handler: async ({ principal, params, query, res }) => {
      const now = deps.now();
      const em = forTenant(deps.em, principal.tenantId);
      const source = await segmentExportSource(em, {
        tenantId: principal.tenantId,
        segmentId: params.id,
        indexPrefix: deps.exports.indexPrefix,
        now,
      });
      const columns = query.columns ?? [...DEFAULT_EXPORT_COLUMNS];
      const members = await countSegmentMembers(deps.exports.search, source.query);

      if (members > deps.exports.syncMaxRows) {
        // The export's id is the workflow's business id, and the row exists before the workflow
        // starts, so the answer can name it; the workflow's first activity finds it by workflow id.
        const exportId = randomUUID();
        const workflowId = workflowIds.segmentExport(principal.tenantId, exportId);
        const record = em.create(SegmentExport, {
          id: exportId,
          tenant: principal.tenantId,
          segment: source.segment.id,
          requestedBy: principal.userId,
          params: { segmentId: source.segment.id, columns },
          format: query.format,
          columns,
          status: 'running',
          workflowId,
        });
        await em.flush();
        try {
          await startSegmentExport(deps.exports.temporal, {
            requestId: exportId,
            tenantId: principal.tenantId,
            segmentId: source.segment.id,
            format: query.format,
            columns,
            requestedByUserId: principal.userId,
            taskQueue: deps.exports.taskQueue ?? TASK_QUEUE,
          });
        } catch (error) {
          // Nothing will run it: no record of an export that never started.
          await em.remove(record).flush();
          throw temporalUnavailable(error);
        }
        return {
          status: 202,
          headers: { Location: `/api/v1/exports/${record.id}` },
          body: {
            exportId: record.id,
            workflowId,
            status: 'running',
            members,
            statusUrl: `/api/v1/exports/${record.id}`,
          },
        };
      }

      res.status(200);
      res.setHeader('Content-Type', EXPORT_CONTENT_TYPES[query.format]);
      res.setHeader(
        'Content-Disposition',
        attachment(exportFileName(source.segment.name, query.format, now)),
      );
      try {
        await writeSegmentExport(deps.exports.search, source.query, { format: query.format, columns }, res);
      } catch (error) {
        if (!closedByClient(res, error)) throw error;
      }
      return { status: 200, streamed: true };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/exports/:id',
    operationId: 'getSegmentExport',
    summary: 'Get an export written by a workflow',
    tags: ['segments'],
    access: SEGMENT_EXPORTERS,
    params: idParamsSchema,
    responses: { 200: { description: 'The export', schema: segmentExportSchema } },
    errors: [404],
    handler: async ({ principal, params }) => {
      const record = await forTenant(deps.em, principal.tenantId).findOne(SegmentExport, { id: params.id });
      if (!record) throw notFound('export', params.id);
      return { status: 200, body: exportView(record) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/exports/:id/download',
    operationId: 'downloadSegmentExport',
    summary: 'Download an export file',
    description:
      'A segment export or a report run (CSV, JSON or PDF). Only within the tenant that made it; an export of ' +
      'another tenant is not found.',
    tags: ['segments'],
    access: SEGMENT_EXPORTERS,
    params: idParamsSchema,
    responses: {
      200: {
        description: 'The export file',
        mediaType: 'text/csv',
        headers: { 'Content-Disposition': 'attachment; filename=...' },
      },
    },
    errors: [404, 409],
    handler: async ({ principal, params, res }) => {
      const record = await forTenant(deps.em, principal.tenantId).findOne(SegmentExport, { id: params.id });
      if (!record) throw notFound('export', params.id);
      if (record.status !== 'done' || !record.filePath)
        throw new AppError('conflict', `export ${params.id} is ${record.status}, not ready to download`);
      const file = resolveExportFile(deps.exports.exportDir, record.filePath);
      const size = await stat(file).then(
        (s) => s.size,
        () => null,
      );
      if (size === null) throw new AppError('not_found', `the file of export ${params.id} is no longer kept`);
      const format = record.format === 'json' || record.format === 'pdf' ? record.format : 'csv';
      res.status(200);
      res.setHeader('Content-Type', EXPORT_FILE_CONTENT_TYPES[format]);
      res.setHeader('Content-Length', String(size));
      res.setHeader('Content-Disposition', attachment(record.fileName ?? `${record.id}.${format}`));
      try {
        await pipeline(createReadStream(file), res);
      } catch (error) {
        if (!closedByClient(res, error)) throw error;
      }
      return { status: 200, streamed: true };
    },
  }),
];
