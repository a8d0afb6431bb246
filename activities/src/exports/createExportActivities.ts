import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  DEFAULT_EXPORT_COLUMNS,
  EXPORT_CONTENT_TYPES,
  exportFileName,
  isExportColumn,
  type ExportColumn,
} from '@c360/domain';
import {
  ExportSchedule,
  exportRelativePath,
  forTenant,
  Notification,
  resolveExportFile,
  Segment,
  SegmentExport,
  segmentExportSource,
  writeSegmentExport,
  type SearchClient,
} from '@c360/store';
import type { ExportActivities } from '@c360/workflows';
import type { ExportMailer } from './exportMailer';

export type ExportActivityDeps = {
  orm: MikroORM;
  search: SearchClient;
  indexPrefix: string;
  /** The folder export files are written to (C360_DATA/exports in development). */
  exportDir: string;
  mailer: ExportMailer;
  /** Files up to this size go as an attachment; larger ones are sent as a link only. */
  maxAttachmentBytes?: number;
  clock?: () => Date;
};

export const exportDownloadLink = (exportId: string): string => `/api/v1/exports/${exportId}/download`;

const columnsOf = (names: string[]): ExportColumn[] => {
  const bad = names.filter((n) => !isExportColumn(n));
  if (bad.length > 0)
    throw ApplicationFailure.nonRetryable(`unknown export columns: ${bad.join(', ')}`, 'InvalidInput');
  return names.length > 0 ? (names as ExportColumn[]) : [...DEFAULT_EXPORT_COLUMNS];
};

/** Activities of the segment export workflow: the export record, the file, the notices. */
export const createExportActivities = (deps: ExportActivityDeps): ExportActivities => {
  const clock = deps.clock ?? (() => new Date());
  const scoped = (tenantId: string) => forTenant(deps.orm.em.fork(), tenantId);

  const loadExport = async (tenantId: string, exportId: string) => {
    const em = scoped(tenantId);
    const record = await em.findOne(SegmentExport, { id: exportId }, { populate: ['segment'] });
    if (!record) throw ApplicationFailure.nonRetryable(`export ${exportId} not found`, 'NotFound');
    return { em, record };
  };

  return {
    async beginSegmentExport(input) {
      const columns = columnsOf(input.columns);
      const em = scoped(input.tenantId);
      // A retried activity finds the row its first attempt wrote: one export per workflow run.
      const existing = await em.findOne(SegmentExport, { workflowId: input.workflowId });
      if (existing) return { exportId: existing.id };
      const segment = await em.findOne(Segment, { id: input.segmentId });
      if (!segment) throw ApplicationFailure.nonRetryable(`segment ${input.segmentId} not found`, 'NotFound');
      const record = em.create(SegmentExport, {
        tenant: input.tenantId,
        segment: segment.id,
        schedule: input.scheduleId ?? null,
        requestedBy: input.requestedByUserId ?? null,
        format: input.format,
        columns,
        status: 'running',
        workflowId: input.workflowId,
      });
      if (input.scheduleId) {
        const schedule = await em.findOne(ExportSchedule, { id: input.scheduleId });
        if (schedule) schedule.lastRunAt = clock();
      }
      await em.flush();
      return { exportId: record.id };
    },

    async writeSegmentExportFile(input) {
      const now = clock();
      const columns = columnsOf(input.columns);
      const { em, record } = await loadExport(input.tenantId, input.exportId);
      const source = await segmentExportSource(em, {
        tenantId: input.tenantId,
        segmentId: input.segmentId,
        indexPrefix: deps.indexPrefix,
        now,
      });
      const relative = exportRelativePath(input.tenantId, record.id, input.format);
      const target = resolveExportFile(deps.exportDir, relative);
      await mkdir(path.dirname(target), { recursive: true });
      // Written beside the target and renamed when complete: a reader never sees half a file.
      const partial = `${target}.part`;
      let written;
      try {
        written = await writeSegmentExport(
          deps.search,
          source.query,
          {
            format: input.format,
            columns,
            onPage: (rows) => Context.current().heartbeat({ rows }),
          },
          createWriteStream(partial),
        );
        await rename(partial, target);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
      const fileName = exportFileName(source.segment.name, input.format, now);
      record.status = 'done';
      record.fileName = fileName;
      record.filePath = relative;
      record.rowCount = written.rows;
      record.byteSize = written.bytes;
      record.completedAt = clock();
      await em.flush();
      return { exportId: record.id, fileName, rows: written.rows, bytes: written.bytes };
    },

    async notifyExportReady(input) {
      const { em, record } = await loadExport(input.tenantId, input.exportId);
      let userId = input.requestedByUserId ?? null;
      if (!userId && input.scheduleId) {
        const schedule = await em.findOne(ExportSchedule, { id: input.scheduleId });
        userId = schedule?.owner?.id ?? null;
      }
      if (!userId) return { notified: 0 };
      const link = exportDownloadLink(record.id);
      // A retry after a lost acknowledgement must not notify twice.
      if (await em.findOne(Notification, { user: userId, link })) return { notified: 1 };
      em.create(Notification, {
        tenant: input.tenantId,
        user: userId,
        category: 'export',
        title: `Export of "${record.segment?.getEntity().name ?? 'a deleted segment'}" is ready`,
        body: `${record.rowCount ?? 0} customers, ${record.format.toUpperCase()} (${record.fileName ?? ''})`,
        link,
      });
      await em.flush();
      return { notified: 1 };
    },

    async emailScheduledExport(input) {
      if (!input.scheduleId) return { recipients: [], messageId: null };
      const { em, record } = await loadExport(input.tenantId, input.exportId);
      const schedule = await em.findOne(ExportSchedule, { id: input.scheduleId });
      const recipients = schedule?.recipients ?? [];
      if (recipients.length === 0 || !record.filePath) return { recipients: [], messageId: null };
      const segmentName = record.segment?.getEntity().name ?? 'segment';
      const small = (record.byteSize ?? 0) <= (deps.maxAttachmentBytes ?? 10 * 1024 * 1024);
      const format = record.format === 'json' ? 'json' : 'csv';
      const sent = await deps.mailer.send({
        to: recipients,
        subject: `Scheduled export: ${segmentName} (${record.rowCount ?? 0} customers)`,
        text: [
          `The scheduled export "${schedule?.name ?? segmentName}" has run.`,
          `${record.rowCount ?? 0} customers, ${format.toUpperCase()}.`,
          small ? 'The file is attached.' : 'The file is too large to attach.',
          `Download (sign-in needed): ${exportDownloadLink(record.id)}`,
        ].join('\n'),
        messageId: `<export-${record.id}@c360.local>`,
        ...(small
          ? {
              attachment: {
                fileName: record.fileName ?? `${record.id}.${format}`,
                path: resolveExportFile(deps.exportDir, record.filePath),
                contentType: EXPORT_CONTENT_TYPES[format],
              },
            }
          : {}),
      });
      return { recipients, messageId: sent.messageId };
    },

    async failSegmentExport(input) {
      const { em, record } = await loadExport(input.tenantId, input.exportId);
      record.status = 'failed';
      record.error = input.reason.slice(0, 2000);
      record.completedAt = clock();
      await em.flush();
    },
  };
};
