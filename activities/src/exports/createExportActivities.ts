import { ApplicationFailure } from '@temporalio/common';
import { ExportSchedule, forTenant, SegmentExport } from '@c360/store';
import type { ExportActivities, NotificationActivities, ReportActivities } from '@c360/workflows';
import { createReportActivities, type ReportActivityDeps } from './createReportActivities';
import { exportDownloadLink, exportRunMail, fileFormatOf, rowsLabel } from './exportRunMail';

export type ExportActivityDeps = ReportActivityDeps & {
  /** The notification activity's `notify`: every in-app notice goes through it. */
  notify: NotificationActivities['notify'];
};

export { exportDownloadLink };

/**
 * Activities of the export workflows: the report runs' (`exportReport`), the in-app notice and
 * mails of every export, and the steps of the older segment export workflow, made of the same.
 */
export const createExportActivities = (deps: ExportActivityDeps): ExportActivities & ReportActivities => {
  const report = createReportActivities(deps);
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
    ...report,

    // The segment export workflow of runs started before report templates: its steps are the
    // `segment_members` report's, so both write the same file the same way.
    async beginSegmentExport(input) {
      const { exportIds } = await report.beginReportExport({
        tenantId: input.tenantId,
        template: 'segment_members',
        params: {
          segmentId: input.segmentId,
          ...(input.columns.length > 0 ? { columns: input.columns } : {}),
        },
        formats: [input.format],
        requestedByUserId: input.requestedByUserId ?? null,
        scheduleId: input.scheduleId ?? null,
        workflowId: input.workflowId,
      });
      return { exportId: exportIds[0]! };
    },

    async writeSegmentExportFile(input) {
      const { exportId, fileName, rows, bytes } = await report.writeReportFile({
        tenantId: input.tenantId,
        exportId: input.exportId,
      });
      return { exportId, fileName, rows, bytes };
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
      record.completedAt = (deps.clock ?? (() => new Date()))();
      await em.flush();
    },
  };
};
