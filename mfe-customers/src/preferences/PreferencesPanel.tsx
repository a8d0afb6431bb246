import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import {
  CONSENT_CHANNELS,
  LANGUAGES,
  type ConsentChannel,
  type Preferences,
  type PreferencesChange,
} from '../api/types';
import { useArea } from '../area/AreaContext';
import { useAsync, ErrorNotice, card, muted, row } from '@c360/mfe-kit';
import { ConsentLog } from './ConsentLog';

const canEdit = (roles: readonly string[]) =>
  roles.some((r) => r === 'agent' || r === 'manager' || r === 'admin');

/** Channel opt-ins, quiet hours in a time zone, language; each change lands in the consent log. */
export const PreferencesPanel = ({ customerId }: { customerId: string }) => {
  const { api, user } = useArea();
  const intl = useIntl();
  const prefs = useAsync(() => api.getPreferences(customerId), [api, customerId]);
  const [logVersion, setLogVersion] = useState(0);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const editable = canEdit(user.roles);

  const apply = async (change: PreferencesChange) => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.changePreferences(customerId, change);
      prefs.setData({ customerId, preferences: result.preferences });
      setLogVersion((v) => v + 1);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const current = prefs.data?.preferences;
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <ErrorNotice error={prefs.error ?? error} />
      {current && (
        <div style={card} data-testid="preferences">
          <h3 style={{ marginTop: 0 }}>
            <FormattedMessage id="customers.prefs.channels" defaultMessage="Channels" />
          </h3>
          {CONSENT_CHANNELS.map((channel) => (
            <ChannelToggle
              key={channel}
              channel={channel}
              optedIn={current.channels[channel].optedIn}
              disabled={!editable || busy}
              onChange={(optedIn) =>
                void apply({
                  channels: { [channel]: { optedIn } },
                  reason: intl.formatMessage({
                    id: 'customers.prefs.reason',
                    defaultMessage: 'changed in the dashboard',
                  }),
                })
              }
            />
          ))}
          <QuietHoursForm
            preferences={current}
            disabled={!editable || busy}
            onSave={(quietHours) => void apply({ quietHours })}
          />
          <label style={{ ...row, marginTop: 8 }}>
            <FormattedMessage id="customers.prefs.language" defaultMessage="Language" />
            <select
              value={current.language}
              disabled={!editable || busy}
              onChange={(e) => void apply({ language: e.target.value })}
            >
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <ConsentLog customerId={customerId} version={logVersion} />
    </div>
  );
};

const ChannelToggle = ({
  channel,
  optedIn,
  disabled,
  onChange,
}: {
  channel: ConsentChannel;
  optedIn: boolean;
  disabled: boolean;
  onChange: (optedIn: boolean) => void;
}) => {
  const intl = useIntl();
  return (
    <label style={{ ...row, margin: '4px 0' }}>
      <input
        type="checkbox"
        role="switch"
        checked={optedIn}
        disabled={disabled}
        data-testid={`optin-${channel}`}
        onChange={(e) => onChange(e.target.checked)}
      />
      {intl.formatMessage(
        {
          id: 'customers.prefs.channel',
          defaultMessage: '{channel, select, whatsapp {WhatsApp} email {E-mail} sms {SMS} other {{channel}}}',
        },
        { channel },
      )}
      <span style={muted}>
        {optedIn ? (
          <FormattedMessage id="customers.prefs.optedIn" defaultMessage="opted in" />
        ) : (
          <FormattedMessage id="customers.prefs.optedOut" defaultMessage="opted out" />
        )}
      </span>
    </label>
  );
};

const QuietHoursForm = ({
  preferences,
  disabled,
  onSave,
}: {
  preferences: Preferences;
  disabled: boolean;
  onSave: (quietHours: Preferences['quietHours']) => void;
}) => {
  const q = preferences.quietHours;
  const [start, setStart] = useState(q?.start ?? '21:00');
  const [end, setEnd] = useState(q?.end ?? '08:00');
  const [timeZone, setTimeZone] = useState(q?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  return (
    <fieldset style={{ border: 'none', padding: 0, marginTop: 8 }} data-testid="quiet-hours">
      <legend>
        <FormattedMessage id="customers.prefs.quietHours" defaultMessage="Quiet hours" />
      </legend>
      <div style={row}>
        <label>
          <FormattedMessage id="customers.prefs.quietStart" defaultMessage="From" />{' '}
          <input type="time" value={start} disabled={disabled} onChange={(e) => setStart(e.target.value)} />
        </label>
        <label>
          <FormattedMessage id="customers.prefs.quietEnd" defaultMessage="To" />{' '}
          <input type="time" value={end} disabled={disabled} onChange={(e) => setEnd(e.target.value)} />
        </label>
        <label>
          <FormattedMessage id="customers.prefs.timeZone" defaultMessage="Time zone" />{' '}
          <input
            value={timeZone}
            disabled={disabled}
            onChange={(e) => setTimeZone(e.target.value)}
            size={18}
          />
        </label>
        <button type="button" disabled={disabled} onClick={() => onSave({ start, end, timeZone })}>
          <FormattedMessage id="customers.prefs.saveQuietHours" defaultMessage="Save quiet hours" />
        </button>
        {q && (
          <button type="button" disabled={disabled} onClick={() => onSave(null)}>
            <FormattedMessage id="customers.prefs.clearQuietHours" defaultMessage="No quiet hours" />
          </button>
        )}
      </div>
    </fieldset>
  );
};
