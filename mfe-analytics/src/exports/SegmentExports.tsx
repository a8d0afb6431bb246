import { useState, type FormEvent } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { createApiClient, type ApiAccess, untypedMessages } from '@c360/mfe-kit';
import type { AnalyticsApi } from '../api/analyticsApi';
import type { ExportSchedule } from '../api/analyticsTypes';
import { useReport } from '../report/useReport';
import { exportSegmentFile } from './exportSegmentFile';

const messages = untypedMessages(
  defineMessages({
    pickSegment: {
      id: 'analytics.exports.pickSegment',
      defaultMessage: 'Exports and schedules work on a segment: choose one in the filters.',
    },
    exportCsv: { id: 'analytics.exports.csv', defaultMessage: 'Export CSV' },
    exportJson: { id: 'analytics.exports.json', defaultMessage: 'Export JSON' },
    exported: { id: 'analytics.exports.done', defaultMessage: 'Downloaded {file}' },
    failed: { id: 'analytics.exports.failed', defaultMessage: 'Failed: {message}' },
    schedules: { id: 'analytics.exports.schedules', defaultMessage: 'Scheduled exports' },
    none: { id: 'analytics.exports.noSchedules', defaultMessage: 'No scheduled export for this segment.' },
    paused: { id: 'analytics.exports.paused', defaultMessage: 'Paused' },
    active: { id: 'analytics.exports.active', defaultMessage: 'Active' },
    pause: { id: 'analytics.exports.pause', defaultMessage: 'Pause' },
    resume: { id: 'analytics.exports.resume', defaultMessage: 'Resume' },
    next: { id: 'analytics.exports.next', defaultMessage: 'Next run: {when}' },
    never: { id: 'analytics.exports.never', defaultMessage: 'none' },
    schedule: { id: 'analytics.exports.schedule', defaultMessage: 'Schedule' },
    name: { id: 'analytics.exports.name', defaultMessage: 'Name' },
    cron: { id: 'analytics.exports.cron', defaultMessage: 'When (cron)' },
    recipients: { id: 'analytics.exports.recipients', defaultMessage: 'Recipients (comma-separated)' },
    format: { id: 'analytics.exports.format', defaultMessage: 'Format' },
  }),
);

type Props = { api: AnalyticsApi; access: ApiAccess; segmentId: string };

/** A segment's member exports (CSV, JSON) and its export schedules with pause and resume. */
export const SegmentExports = ({ api, access, segmentId }: Props) => {
  const intl = useIntl();
  const [version, setVersion] = useState(0);
  const [note, setNote] = useState<string | null>(null);
  const schedules = useReport(`${segmentId}:${version}`, () =>
    segmentId ? api.schedules(segmentId) : Promise.resolve({ items: [] as ExportSchedule[] }),
  );
  const fail = (error: unknown) =>
    setNote(
      intl.formatMessage(messages.failed, {
        message: error instanceof Error ? error.message : String(error),
      }),
    );

  if (!segmentId)
    return (
      <p>
        <FormattedMessage {...messages.pickSegment} />
      </p>
    );

  const exportAs = (format: 'csv' | 'json') =>
    exportSegmentFile(createApiClient(access), segmentId, format).then(
      (file) => setNote(intl.formatMessage(messages.exported, { file })),
      fail,
    );

  const toggle = (schedule: ExportSchedule) =>
    api.setPaused(segmentId, schedule.id, !schedule.paused).then(() => setVersion((v) => v + 1), fail);

  const create = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      await api.createSchedule(segmentId, {
        name: String(form.get('name') ?? ''),
        cron: String(form.get('cron') ?? ''),
        format: form.get('format') === 'json' ? 'json' : 'csv',
        recipients: String(form.get('recipients') ?? '')
          .split(',')
          .map((r) => r.trim())
          .filter(Boolean),
      });
      setVersion((v) => v + 1);
    } catch (error) {
      fail(error);
    }
  };

  return (
    <div data-testid="segment-exports">
      <div className="c360-actions">
        <button type="button" onClick={() => void exportAs('csv')}>
          <FormattedMessage {...messages.exportCsv} />
        </button>
        <button type="button" onClick={() => void exportAs('json')}>
          <FormattedMessage {...messages.exportJson} />
        </button>
      </div>
      {note && <p role="status">{note}</p>}
      <h3>
        <FormattedMessage {...messages.schedules} />
      </h3>
      {schedules.status === 'ready' && schedules.data.items.length === 0 && (
        <p>
          <FormattedMessage {...messages.none} />
        </p>
      )}
      {schedules.status === 'failed' && <p role="alert">{schedules.message}</p>}
      {schedules.status === 'ready' && schedules.data.items.length > 0 && (
        <ul className="c360-schedules">
          {schedules.data.items.map((s) => (
            <li key={s.id} data-testid="schedule" data-paused={s.paused ? 'true' : 'false'}>
              <strong>{s.name}</strong> <code dir="ltr">{s.cron}</code> ({s.timeZone}, {s.format}){' '}
              <span className="c360-chip">
                <FormattedMessage {...(s.paused ? messages.paused : messages.active)} />
              </span>{' '}
              <FormattedMessage
                {...messages.next}
                values={{
                  when: s.nextRunAt
                    ? intl.formatDate(s.nextRunAt, { dateStyle: 'medium', timeStyle: 'short' })
                    : intl.formatMessage(messages.never),
                }}
              />{' '}
              <button type="button" onClick={() => void toggle(s)}>
                <FormattedMessage {...(s.paused ? messages.resume : messages.pause)} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="c360-schedule-form" aria-label="new schedule" onSubmit={(e) => void create(e)}>
        <label>
          <FormattedMessage {...messages.name} /> <input name="name" required />
        </label>
        <label>
          <FormattedMessage {...messages.cron} />{' '}
          <input name="cron" defaultValue="0 8 * * MON" dir="ltr" required />
        </label>
        <label>
          <FormattedMessage {...messages.recipients} />{' '}
          <input name="recipients" type="text" required dir="ltr" />
        </label>
        <label>
          <FormattedMessage {...messages.format} />{' '}
          <select name="format" defaultValue="csv">
            <option value="csv">CSV</option>
            <option value="json">JSON</option>
          </select>
        </label>
        <button type="submit">
          <FormattedMessage {...messages.schedule} />
        </button>
      </form>
    </div>
  );
};
