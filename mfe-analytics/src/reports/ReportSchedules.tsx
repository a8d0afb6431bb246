import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useAsync } from '@c360/mfe-kit';
import type { AnalyticsApi } from '../api/analyticsApi';
import {
  REPORT_FORMATS,
  type ReportFormat,
  type ReportSchedule,
  type ReportScheduleAction,
  type ReportTemplate,
} from '../api/reportTypes';
import type { AnalyticsFilter } from '../filters/analyticsFilter';
import { reportMessages as m } from './reportMessages';
import { reportParams, templateReady } from './reportParams';

const splitList = (text: string): string[] =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/**
 * Report schedules (Temporal Schedules run by the API): a form that schedules the chosen report
 * with the filters on screen, and the list of every schedule with pause/resume, run now and delete.
 */
export const ReportSchedules = ({
  api,
  filter,
  template,
  defaultRecipient,
}: {
  api: AnalyticsApi;
  filter: AnalyticsFilter;
  template: ReportTemplate;
  defaultRecipient: string;
}) => {
  const intl = useIntl();
  const [version, setVersion] = useState(0);
  const [note, setNote] = useState<{ text: string; failed: boolean } | null>(null);
  // The list stays on screen while it is read again after a change.
  const schedules = useAsync(() => api.reportSchedules(), [api, version]);
  const items = schedules.data?.items;
  const ready = templateReady(template, filter);
  const fail = (error: unknown) =>
    setNote({ text: error instanceof Error ? error.message : String(error), failed: true });

  const create = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name') ?? '').trim();
    const timeZone = String(form.get('timeZone') ?? '').trim();
    try {
      await api.createReportSchedule({
        name,
        template,
        params: reportParams(template, filter, 'schedule'),
        formats: REPORT_FORMATS.filter((f) => form.get(`format-${f}`) === 'on') as ReportFormat[],
        cron: String(form.get('cron') ?? ''),
        ...(timeZone ? { timeZone } : {}),
        recipients: splitList(String(form.get('recipients') ?? '')),
      });
      setNote({ text: intl.formatMessage(m.created, { name }), failed: false });
      setVersion((v) => v + 1);
    } catch (error) {
      fail(error);
    }
  };
  const act = (schedule: ReportSchedule, action: ReportScheduleAction | 'delete') =>
    (action === 'delete'
      ? api.deleteReportSchedule(schedule.id)
      : api.controlReportSchedule(schedule.id, action)
    ).then(() => {
      setNote(
        action === 'trigger'
          ? { text: intl.formatMessage(m.triggered, { name: schedule.name }), failed: false }
          : null,
      );
      setVersion((v) => v + 1);
    }, fail);
  const when = (at: string | null) =>
    at ? intl.formatDate(at, { dateStyle: 'medium', timeStyle: 'short' }) : intl.formatMessage(m.never);

  return (
    <div data-testid="report-schedules">
      <h3>
        <FormattedMessage {...m.schedules} />
      </h3>
      <form className="c360-schedule-form" onSubmit={(e) => void create(e)}>
        <label>
          <FormattedMessage {...m.name} /> <input name="name" required />
        </label>
        <fieldset>
          <legend>
            <FormattedMessage {...m.formats} />
          </legend>
          {REPORT_FORMATS.map((f) => (
            <label key={f}>
              <input type="checkbox" name={`format-${f}`} defaultChecked={f === 'pdf'} /> {f.toUpperCase()}
            </label>
          ))}
        </fieldset>
        <label>
          <FormattedMessage {...m.cron} /> <input name="cron" defaultValue="0 8 * * MON" dir="ltr" required />
        </label>
        <label>
          <FormattedMessage {...m.timeZone} /> <input name="timeZone" dir="ltr" />
        </label>
        <label>
          <FormattedMessage {...m.recipients} />{' '}
          <input name="recipients" defaultValue={defaultRecipient} dir="ltr" required />
        </label>
        <button type="submit" disabled={!ready}>
          <FormattedMessage {...m.create} />
        </button>
      </form>
      {note && <p role={note.failed ? 'alert' : 'status'}>{note.text}</p>}
      {schedules.error !== undefined && (
        <p role="alert">
          {schedules.error instanceof Error ? schedules.error.message : String(schedules.error)}
        </p>
      )}
      {items?.length === 0 && (
        <p>
          <FormattedMessage {...m.none} />
        </p>
      )}
      {items && items.length > 0 && (
        <ul className="c360-schedules">
          {items.map((s) => (
            <li key={s.id} data-testid="report-schedule" data-paused={s.paused ? 'true' : 'false'}>
              <strong>{s.name}</strong> · {intl.formatMessage(m.templateName, { template: s.template })} ·{' '}
              {s.formats.map((f) => f.toUpperCase()).join(', ')} · <code dir="ltr">{s.cron}</code> (
              {s.timeZone}){' '}
              <span className="c360-chip">
                <FormattedMessage {...(s.paused ? m.paused : m.active)} />
              </span>{' '}
              <span className="c360-hint">
                <FormattedMessage {...m.next} values={{ when: when(s.nextRunAt) }} /> ·{' '}
                <FormattedMessage {...m.last} values={{ when: when(s.lastRunAt) }} />
              </span>{' '}
              <button type="button" onClick={() => void act(s, s.paused ? 'resume' : 'pause')}>
                <FormattedMessage {...(s.paused ? m.resume : m.pause)} />
              </button>{' '}
              <button type="button" onClick={() => void act(s, 'trigger')}>
                <FormattedMessage {...m.trigger} />
              </button>{' '}
              <button type="button" onClick={() => void act(s, 'delete')}>
                <FormattedMessage {...m.remove} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};
