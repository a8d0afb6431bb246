import { useState } from 'react';
import { FormattedMessage, FormattedNumber, useIntl } from 'react-intl';
import type { Health } from '../api/types';
import { useArea } from '../area/AreaContext';
import { MiniBar } from '../ui/MiniBar';
import { ErrorNotice, badge, card, muted, row } from '@c360/mfe-kit';

const BAND_TONE = { healthy: 'good', neutral: 'warn', at_risk: 'bad' } as const;

/** Health score, its band and change, each factor as a mini bar, and a rescore that redraws them. */
export const HealthCard = ({ customerId, initial }: { customerId: string; initial: Health }) => {
  const { api } = useArea();
  const intl = useIntl();
  const [health, setHealth] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [changed, setChanged] = useState<boolean | null>(null);
  const rescore = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.rescoreHealth(customerId);
      setHealth(result.health);
      setChanged(result.changed);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={card} data-testid="health-card">
      <div style={{ ...row, justifyContent: 'space-between' }}>
        <h3 style={{ margin: 0 }}>
          <FormattedMessage id="customers.health.title" defaultMessage="Health score" />
        </h3>
        <button type="button" onClick={() => void rescore()} disabled={busy}>
          <FormattedMessage id="customers.health.rescore" defaultMessage="Rescore" />
        </button>
      </div>
      <div style={row}>
        <strong style={{ fontSize: 28 }} data-testid="health-score">
          <FormattedNumber value={health.score} />
        </strong>
        <span style={badge(BAND_TONE[health.band])}>
          {intl.formatMessage(
            {
              id: 'customers.health.band',
              defaultMessage:
                '{band, select, healthy {Healthy} neutral {Neutral} at_risk {At risk} other {{band}}}',
            },
            { band: health.band },
          )}
        </span>
        {health.change !== null && health.change !== 0 && (
          <span style={muted}>
            <FormattedMessage
              id="customers.health.change"
              defaultMessage="{change, number, ::sign-always} since last score"
              values={{ change: health.change }}
            />
          </span>
        )}
      </div>
      {changed === false && (
        <p style={muted} role="status">
          <FormattedMessage id="customers.health.unchanged" defaultMessage="Rescored: nothing changed." />
        </p>
      )}
      <ul
        style={{ listStyle: 'none', padding: 0 }}
        aria-label={intl.formatMessage({
          id: 'customers.health.factors',
          defaultMessage: 'Contributing factors',
        })}
      >
        {health.factors.map((f) => (
          <li key={f.name} data-testid={`health-factor-${f.name}`} style={{ margin: '6px 0' }}>
            <div style={{ ...row, justifyContent: 'space-between' }}>
              <span>
                {intl.formatMessage(
                  {
                    id: 'customers.health.factor',
                    defaultMessage:
                      '{name, select, recency {Recency} engagement {Engagement} satisfaction {Satisfaction} openTickets {Open tickets} slaBreaches {SLA breaches} orderTrend {Order trend} other {{name}}}',
                  },
                  { name: f.name },
                )}
              </span>
              <span style={muted} data-testid="factor-points">
                <FormattedMessage
                  id="customers.health.points"
                  defaultMessage="{points, number, ::.0} pts"
                  values={{ points: f.contribution }}
                />
              </span>
            </div>
            <MiniBar value={f.value} label={f.name} />
          </li>
        ))}
      </ul>
      <ErrorNotice error={error} />
    </div>
  );
};
