import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { downloadBlob } from '@c360/mfe-kit';
import type { AnalyticsApi } from '../api/analyticsApi';
import {
  REPORT_TEMPLATES,
  type ReportExport,
  type ReportFormat,
  type ReportTemplate,
} from '../api/reportTypes';
import type { AnalyticsFilter } from '../filters/analyticsFilter';
import { reportMessages as m } from './reportMessages';
import { reportParams, templateReady } from './reportParams';

/** How often a running report's status is read again. */
export const REPORT_POLL_MS = 1000;

type Run = { exportId: string; format: ReportFormat; record: ReportExport | null; error: string | null };

/**
 * Runs a report now from the filters on screen (CSV or PDF, written by a workflow), follows it
 * until its file is written, and downloads it.
 */
export const ReportExports = ({
  api,
  filter,
  template,
  onTemplate,
}: {
  api: AnalyticsApi;
  filter: AnalyticsFilter;
  template: ReportTemplate;
  onTemplate: (template: ReportTemplate) => void;
}) => {
  const intl = useIntl();
  const [runs, setRuns] = useState<Run[]>([]);
  const ready = templateReady(template, filter);
  const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

  const pending = runs.filter((r) => !r.error && (!r.record || r.record.status === 'running'));
  useEffect(() => {
    if (pending.length === 0) return undefined;
    let stopped = false;
    const timer = setTimeout(() => {
      void Promise.all(
        pending.map((r) =>
          api.getExport(r.exportId).then(
            (record) => ({ exportId: r.exportId, record, error: null }),
            (error: unknown) => ({ exportId: r.exportId, record: r.record, error: message(error) }),
          ),
        ),
      ).then((updates) => {
        if (stopped) return;
        setRuns((all) => all.map((r) => ({ ...r, ...updates.find((u) => u.exportId === r.exportId) })));
      });
    }, REPORT_POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, runs]);

  const run = (format: ReportFormat) =>
    api.runReport(template, format, reportParams(template, filter, 'run')).then(
      (accepted) =>
        setRuns((all) => [{ exportId: accepted.exportId, format, record: null, error: null }, ...all]),
      (error: unknown) =>
        setRuns((all) => [
          { exportId: `failed-${all.length}`, format, record: null, error: message(error) },
          ...all,
        ]),
    );
  const download = (r: Run) =>
    api.downloadExport(r.exportId).then(
      (file) => downloadBlob(file.blob, file.fileName ?? r.record?.fileName ?? `report.${r.format}`),
      (error: unknown) => setRuns((all) => all.map((x) => (x === r ? { ...x, error: message(error) } : x))),
    );

  return (
    <div data-testid="report-exports">
      <div className="c360-schedule-form">
        <label>
          <FormattedMessage {...m.template} />{' '}
          <select
            data-testid="report-template"
            value={template}
            onChange={(e) => onTemplate(e.target.value as ReportTemplate)}
          >
            {REPORT_TEMPLATES.map((t) => (
              <option key={t} value={t}>
                {intl.formatMessage(m.templateName, { template: t })}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={!ready} onClick={() => void run('csv')}>
          <FormattedMessage {...m.exportCsv} />
        </button>
        <button type="button" disabled={!ready} onClick={() => void run('pdf')}>
          <FormattedMessage {...m.exportPdf} />
        </button>
      </div>
      <p className="c360-hint">
        <FormattedMessage {...(ready ? m.scopeHint : m.needsSegment)} />
      </p>
      <ul className="c360-schedules">
        {runs.map((r) => {
          const format = r.format.toUpperCase();
          const status = r.error ? 'failed' : (r.record?.status ?? 'running');
          return (
            <li key={r.exportId} data-testid="report-run" data-status={status} data-format={r.format}>
              {status === 'running' && <FormattedMessage {...m.running} values={{ format }} />}
              {status === 'failed' && (
                <span role="alert">
                  <FormattedMessage {...m.failed} values={{ error: r.error ?? r.record?.error ?? '' }} />
                </span>
              )}
              {status === 'done' && r.record && (
                <>
                  <FormattedMessage
                    {...m.ready}
                    values={{ file: r.record.fileName ?? format, rows: r.record.rowCount ?? 0 }}
                  />{' '}
                  <button type="button" onClick={() => void download(r)}>
                    <FormattedMessage {...m.download} values={{ format }} />
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
};
