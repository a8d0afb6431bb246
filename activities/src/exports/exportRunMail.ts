import { EXPORT_FILE_CONTENT_TYPES, type ExportFileFormat } from '@c360/domain';
import { resolveExportFile, type ExportSchedule, type SegmentExport } from '@c360/store';
import type { ExportMail } from './exportMailer';

export const exportDownloadLink = (exportId: string): string => `/api/v1/exports/${exportId}/download`;

const LIST_TEMPLATES = ['segment_members', 'customer_list'];

/** What the file holds, as a person says it: `7 customers`, `16 rows`. */
export const rowsLabel = (record: SegmentExport): string =>
  `${record.rowCount ?? 0} ${LIST_TEMPLATES.includes(record.reportTemplate) ? 'customers' : 'rows'}`;

export const fileFormatOf = (record: SegmentExport): ExportFileFormat =>
  record.format === 'json' || record.format === 'pdf' ? record.format : 'csv';

/**
 * The mail of a scheduled run: every file of the run attached while they stay under the size
 * limit together, else links only. The Message-ID is stable per run, so a resend after a retry
 * can be recognised by the recipient's server.
 */
export const exportRunMail = (
  schedule: ExportSchedule,
  records: SegmentExport[],
  options: { exportDir: string; maxAttachmentBytes: number },
): ExportMail => {
  const first = records[0]!;
  const title = first.title ?? schedule.name;
  const total = records.reduce((n, r) => n + (r.byteSize ?? 0), 0);
  const attach = total <= options.maxAttachmentBytes;
  const formats = records.map((r) => fileFormatOf(r).toUpperCase()).join(' and ');
  return {
    to: schedule.recipients,
    subject: `Scheduled export: ${title} (${rowsLabel(first)})`,
    text: [
      `The scheduled export "${schedule.name}" has run.`,
      `${rowsLabel(first)}, ${formats}.`,
      attach
        ? records.length > 1
          ? 'The files are attached.'
          : 'The file is attached.'
        : 'The files are too large to attach.',
      ...records.map(
        (r) => `Download ${fileFormatOf(r).toUpperCase()} (sign-in needed): ${exportDownloadLink(r.id)}`,
      ),
    ].join('\n'),
    messageId: `<export-${first.id}@c360.local>`,
    ...(attach
      ? {
          attachments: records
            .filter((r) => r.filePath)
            .map((r) => ({
              fileName: r.fileName ?? `${r.id}.${fileFormatOf(r)}`,
              path: resolveExportFile(options.exportDir, r.filePath!),
              contentType: EXPORT_FILE_CONTENT_TYPES[fileFormatOf(r)],
            })),
        }
      : {}),
  };
};
