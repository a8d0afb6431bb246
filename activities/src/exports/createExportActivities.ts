import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { MikroORM } from '@mikro-orm/postgresql';
import { DEFAULT_EXPORT_COLUMNS, exportFileName, isExportColumn, type ExportColumn } from '@c360/domain';
import {
  ExportSchedule,
  exportRelativePath,
  forTenant,
  resolveExportFile,
  Segment,
  SegmentExport,
  segmentExportSource,
  writeSegmentExport,
  type SearchClient,
} from '@c360/store';
import type { ExportActivities, NotificationActivities } from '@c360/workflows';
import type { ExportMailer } from './exportMailer';
import { exportDownloadLink, exportRunMail, fileFormatOf, rowsLabel } from './exportRunMail';

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
  /** The notification activity's `notify`: every in-app notice goes through it. */
  notify: NotificationActivities['notify'];
};

export { exportDownloadLink };

const columnsOf = (names: string[]): ExportColumn[] => {
  const bad = names.filter((n) => !isExportColumn(n));
  if (bad.length > 0)
    throw ApplicationFailure.nonRetryable(`unknown export columns: ${bad.join(', ')}`, 'InvalidInput');
  return names.length > 0 ? (names as ExportColumn[]) : [...DEFAULT_EXPORT_COLUMNS];
};

/** Activities of the segment export workflow: the export record, the file, the notices. */
export const createExportActivities = (deps: ExportActivityDeps): ExportActivities => {
  const clock = deps.clock ?? (() => new Date());
  const mailOptions = {
    exportDir: deps.exportDir,
    maxAttachmentBytes: deps.maxAttachmentBytes ?? 10 * 1024 * 1024,
  };
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
        params: { segmentId: segment.id, columns },
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
      record.title = source.segment.name;
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
      const title = record.title ?? record.segment?.getEntity().name ?? 'a deleted segment';
      // Through `notify`: the user's delivery preference and the digest rules apply, and the key
      // of the run and format makes a retry after a lost acknowledgement notify nobody twice.
      return deps.notify({
        tenantId: input.tenantId,
        category: 'export',
        audience: { userIds: [userId] },
        title: `Export of "${title}" is ready`,
        body: `${rowsLabel(record)}, ${fileFormatOf(record).toUpperCase()} (${record.fileName ?? ''})`,
        link: exportDownloadLink(record.id),
        dedupeKey: `export-ready:${record.workflowId}:${record.format}`,
      });
    },

    async emailScheduledExport(input) {
      if (!input.scheduleId) return { recipients: [], messageId: null };
      const { em, record } = await loadExport(input.tenantId, input.exportId);
      const schedule = await em.findOne(ExportSchedule, { id: input.scheduleId });
      if (!schedule || schedule.recipients.length === 0 || !record.filePath)
        return { recipients: [], messageId: null };
      const sent = await deps.mailer.send(exportRunMail(schedule, [record], mailOptions));
      return { recipients: schedule.recipients, messageId: sent.messageId };
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
