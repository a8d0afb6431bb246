import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  DEFAULT_EXPORT_COLUMNS,
  exportFileName,
  toCsv,
  type ExportColumn,
  type ReportDocument,
} from '@c360/domain';
import {
  buildCustomerSearchQuery,
  customerIndexName,
  customerListSearch,
  customerSortFields,
  ExportSchedule,
  exportRelativePath,
  forTenant,
  loadTenantContext,
  parseReportParams,
  REPORT_TEMPLATES,
  REPORT_TITLES,
  resolveExportFile,
  Segment,
  SegmentExport,
  segmentExportSource,
  streamSegmentMembers,
  writeSegmentExport,
  type ReportTemplate,
  type SearchClient,
  type SegmentMembersQuery,
  User,
} from '@c360/store';
import type { ReportActivities } from '@c360/workflows';
import type { ExportMailer } from './exportMailer';
import { exportRunMail } from './exportRunMail';
import { readingDirection } from './pdf/readingDirection';
import { renderReportPdf, type RenderPdfOptions } from './renderReportPdf';
import {
  analyticsOverviewDocument,
  csatDocument,
  customerListCollector,
  listSourceFields,
  type ReportContext,
} from './reportDocuments';

export type ReportActivityDeps = {
  orm: MikroORM;
  search: SearchClient;
  indexPrefix: string;
  /** The folder export files are written to (C360_DATA/exports in development). */
  exportDir: string;
  mailer: ExportMailer;
  /** A run's files go as attachments up to this size together; larger ones as links only. */
  maxAttachmentBytes?: number;
  clock?: () => Date;
};

const invalid = (message: string) => ApplicationFailure.nonRetryable(message, 'InvalidInput');

const templateOf = (name: string): ReportTemplate => {
  if (!(REPORT_TEMPLATES as readonly string[]).includes(name))
    throw invalid(`unknown report template ${name}`);
  return name as ReportTemplate;
};

const paramsOf = <T extends ReportTemplate>(template: T, params: unknown) => {
  try {
    return parseReportParams(template, params);
  } catch (error) {
    throw invalid(`invalid ${template} parameters: ${(error as Error).message}`);
  }
};

/** Written beside the target and renamed when complete: a reader never sees half a file. */
const writeAtomically = async <T>(target: string, write: (partial: string) => Promise<T>): Promise<T> => {
  await mkdir(path.dirname(target), { recursive: true });
  const partial = `${target}.part`;
  try {
    const result = await write(partial);
    await rename(partial, target);
    return result;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
};

/**
 * Activities of the report export workflow: the export rows of a run, each file (a list streamed
 * from the search index, or a report computed by the analytics functions the API answers with),
 * and the run's mail. The in-app notice is `notifyExportReady` (createExportActivities).
 */
export const createReportActivities = (
  deps: ReportActivityDeps,
): Pick<ReportActivities, 'beginReportExport' | 'writeReportFile' | 'emailReportRun'> => {
  const clock = deps.clock ?? (() => new Date());
  const scoped = (tenantId: string) => forTenant(deps.orm.em.fork(), tenantId);

  /** The members query and title of a list template, read within the tenant. */
  const listSource = async (
    em: ReturnType<typeof scoped>,
    tenantId: string,
    template: 'customer_list' | 'segment_members',
    params: Record<string, unknown>,
    now: Date,
  ): Promise<{
    title: string;
    query: SegmentMembersQuery;
    sort?: Record<string, unknown>[];
    columns: ExportColumn[];
  }> => {
    if (template === 'segment_members') {
      const p = paramsOf('segment_members', params);
      const source = await segmentExportSource(em, {
        tenantId,
        segmentId: p.segmentId,
        indexPrefix: deps.indexPrefix,
        now,
      });
      return {
        title: source.segment.name,
        query: source.query,
        columns: p.columns ?? [...DEFAULT_EXPORT_COLUMNS],
      };
    }
    const p = paramsOf('customer_list', params);
    const search = customerListSearch(p);
    const built = buildCustomerSearchQuery(tenantId, { ...search, page: 1, pageSize: 1 });
    return {
      title: REPORT_TITLES.customer_list,
      query: {
        index: customerIndexName(deps.indexPrefix),
        tenantId,
        clause: built['query'] as Record<string, unknown>,
      },
      sort: customerSortFields(search.sort ?? 'relevance'),
      columns: p.columns ?? [...DEFAULT_EXPORT_COLUMNS],
    };
  };

  const listParameters = (template: ReportTemplate, params: Record<string, unknown>): [string, string][] =>
    Object.entries(params)
      .filter(([key]) => key !== 'columns' || template === 'customer_list')
      .map(([key, value]) => [key, Array.isArray(value) ? value.join(', ') : String(value)]);

  return {
    async beginReportExport(input) {
      const template = templateOf(input.template);
      const params = paramsOf(template, input.params) as Record<string, unknown>;
      const em = scoped(input.tenantId);
      const segmentId = typeof params['segmentId'] === 'string' ? params['segmentId'] : null;
      if (segmentId && !(await em.findOne(Segment, { id: segmentId })))
        throw ApplicationFailure.nonRetryable(`segment ${segmentId} not found`, 'NotFound');
      // A retried activity, or a run the API recorded before starting it, finds its rows: one
      // export per format of each workflow run.
      const existing = await em.find(SegmentExport, { workflowId: input.workflowId });
      const ids: string[] = [];
      for (const format of input.formats) {
        const found = existing.find((e) => e.format === format);
        if (found) {
          // A row the API recorded before the start carries what this run was asked for.
          found.reportTemplate = template;
          found.params = params;
          ids.push(found.id);
          continue;
        }
        const record = em.create(SegmentExport, {
          tenant: input.tenantId,
          segment: segmentId,
          schedule: input.scheduleId ?? null,
          requestedBy: input.requestedByUserId ?? null,
          reportTemplate: template,
          params,
          format,
          columns: Array.isArray(params['columns']) ? (params['columns'] as string[]) : [],
          status: 'running',
          workflowId: input.workflowId,
        });
        ids.push(record.id);
      }
      if (input.scheduleId) {
        const schedule = await em.findOne(ExportSchedule, { id: input.scheduleId });
        if (schedule) schedule.lastRunAt = clock();
      }
      await em.flush();
      return { exportIds: ids };
    },

    async writeReportFile(input) {
      const now = clock();
      const em = scoped(input.tenantId);
      const record = await em.findOne(SegmentExport, { id: input.exportId });
      if (!record) throw ApplicationFailure.nonRetryable(`export ${input.exportId} not found`, 'NotFound');
      const template = templateOf(record.reportTemplate);
      const format = record.format === 'pdf' || record.format === 'json' ? record.format : 'csv';
      const ctx: ReportContext = { tenant: await loadTenantContext(em, input.tenantId), now };
      const relative = exportRelativePath(input.tenantId, record.id, format);
      const target = resolveExportFile(deps.exportDir, relative);
      const heartbeat = (rows: number) => Context.current().heartbeat({ rows });
      // A PDF is laid out for the one who asked for it (a schedule's owner): right to left in Arabic.
      const reader = record.requestedBy ? await em.findOne(User, { id: record.requestedBy.id }) : null;
      const pdfOptions: RenderPdfOptions = { direction: readingDirection(reader?.settings.locale) };

      let title: string;
      let written: { rows: number; bytes: number };
      if (template === 'customer_list' || template === 'segment_members') {
        const source = await listSource(em, input.tenantId, template, record.params, now);
        title = source.title;
        if (format === 'pdf') {
          const collector = customerListCollector(source.columns);
          for await (const page of streamSegmentMembers(deps.search, source.query, {
            sourceFields: listSourceFields(source.columns),
            ...(source.sort ? { sort: source.sort } : {}),
          })) {
            collector.add(page as never);
            heartbeat(collector.total);
          }
          const doc = collector.document(title, listParameters(template, record.params), ctx);
          const bytes = await writeAtomically(target, (partial) => renderReportPdf(doc, partial, pdfOptions));
          written = { rows: collector.total, bytes };
        } else {
          written = await writeAtomically(target, (partial) =>
            writeSegmentExport(
              deps.search,
              source.query,
              {
                format,
                columns: source.columns,
                onPage: heartbeat,
                ...(source.sort ? { sort: source.sort } : {}),
              },
              createWriteStream(partial),
            ),
          );
        }
      } else {
        if (format === 'json') throw invalid(`${template} is written as csv or pdf`);
        const doc: ReportDocument =
          template === 'analytics_overview'
            ? await analyticsOverviewDocument(em, input.tenantId, paramsOf(template, record.params), ctx)
            : await csatDocument(em, input.tenantId, paramsOf('csat', record.params), ctx);
        title = doc.title;
        const table = doc.tables[0]!;
        if (format === 'pdf') {
          const bytes = await writeAtomically(target, (partial) => renderReportPdf(doc, partial, pdfOptions));
          written = { rows: table.rows.length, bytes };
        } else {
          // The same RFC 4180 writer, formula neutralisation included, as every other export.
          const text = toCsv(table.columns, table.rows);
          await writeAtomically(target, (partial) => writeFile(partial, text, 'utf8'));
          written = { rows: table.rows.length, bytes: Buffer.byteLength(text) };
        }
      }

      const fileName = exportFileName(title, format, now);
      record.status = 'done';
      record.title = title;
      record.fileName = fileName;
      record.filePath = relative;
      record.rowCount = written.rows;
      record.byteSize = written.bytes;
      record.completedAt = clock();
      await em.flush();
      return { exportId: record.id, format, fileName, rows: written.rows, bytes: written.bytes };
    },

    async emailReportRun(input) {
      const em = scoped(input.tenantId);
      const schedule = await em.findOne(ExportSchedule, { id: input.scheduleId });
      const records = (await em.find(SegmentExport, { id: { $in: input.exportIds } })).sort(
        (a, b) => input.exportIds.indexOf(a.id) - input.exportIds.indexOf(b.id),
      );
      if (!schedule || schedule.recipients.length === 0 || records.length === 0)
        return { recipients: [], messageId: null };
      const sent = await deps.mailer.send(
        exportRunMail(schedule, records, {
          exportDir: deps.exportDir,
          maxAttachmentBytes: deps.maxAttachmentBytes ?? 10 * 1024 * 1024,
        }),
      );
      return { recipients: schedule.recipients, messageId: sent.messageId };
    },
  };
};
