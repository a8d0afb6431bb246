import { useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import type { ExportFormat } from '../api/customersApi';
import { useArea } from '../area/AreaContext';
import { useAsync, ErrorNotice, muted, row } from '@c360/mfe-kit';

/** A segment's export schedules (pause, resume) and a form to add one. */
export const SchedulePanel = ({ segmentId }: { segmentId: string }) => {
  const { api, user } = useArea();
  const intl = useIntl();
  const schedules = useAsync(() => api.listSchedules(segmentId), [api, segmentId]);
  const [cron, setCron] = useState('0 8 * * MON');
  const [recipients, setRecipients] = useState(user.email);
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [error, setError] = useState<unknown>();

  const run = async (action: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await action();
      schedules.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div data-testid="schedules" style={{ marginTop: 8 }}>
      <ul style={{ paddingInlineStart: 18 }}>
        {schedules.data?.items.map((s) => (
          <li key={s.id}>
            <code>{s.cron}</code> {s.timeZone} · {s.format}{' '}
            {s.nextRunAt && (
              <span style={muted}>
                <FormattedMessage id="customers.schedules.next" defaultMessage="next" />{' '}
                <FormattedDate value={s.nextRunAt} dateStyle="short" timeStyle="short" />
              </span>
            )}{' '}
            <button
              type="button"
              onClick={() => void run(() => api.setSchedulePaused(segmentId, s.id, !s.paused))}
            >
              {s.paused ? (
                <FormattedMessage id="customers.schedules.resume" defaultMessage="Resume" />
              ) : (
                <FormattedMessage id="customers.schedules.pause" defaultMessage="Pause" />
              )}
            </button>
          </li>
        ))}
      </ul>
      <div style={row}>
        <input
          aria-label={intl.formatMessage({
            id: 'customers.schedules.cron',
            defaultMessage: 'Cron (minute hour day month weekday)',
          })}
          value={cron}
          onChange={(e) => setCron(e.target.value)}
          size={12}
        />
        <input
          aria-label={intl.formatMessage({
            id: 'customers.schedules.recipients',
            defaultMessage: 'Recipients (comma-separated)',
          })}
          value={recipients}
          onChange={(e) => setRecipients(e.target.value)}
        />
        <select
          value={format}
          onChange={(e) => setFormat(e.target.value as ExportFormat)}
          aria-label="format"
        >
          <option value="csv">CSV</option>
          <option value="json">JSON</option>
        </select>
        <button
          type="button"
          onClick={() =>
            void run(() =>
              api.createSchedule(segmentId, {
                name: `${cron} ${format}`,
                cron,
                format,
                recipients: recipients
                  .split(',')
                  .map((r) => r.trim())
                  .filter(Boolean),
              }),
            )
          }
        >
          <FormattedMessage id="customers.schedules.add" defaultMessage="Add schedule" />
        </button>
      </div>
      <ErrorNotice error={error ?? schedules.error} />
    </div>
  );
};
