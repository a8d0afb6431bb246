import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import type { Profile360 } from '../api/types';
import { badge, card, chip, muted, row } from '@c360/mfe-kit';

const SEVERITY_TONE = { positive: 'good', info: 'info', warning: 'warn', critical: 'bad' } as const;

/** Insight cards, each with the numbers it was made from. */
export const InsightCards = ({ insights }: { insights: Profile360['insights'] }) =>
  insights.length === 0 ? null : (
    <section aria-labelledby="insights-title">
      <h3 id="insights-title">
        <FormattedMessage id="customers.insights.title" defaultMessage="Insights" />
      </h3>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: 8 }}>
        {insights.map((card_, i) => (
          <div key={`${card_.kind}-${i}`} style={card} data-testid="insight-card">
            <span style={badge(SEVERITY_TONE[card_.severity])}>{card_.kind}</span>
            <p style={{ margin: '6px 0' }}>{card_.title}</p>
          </div>
        ))}
      </div>
    </section>
  );

/** One marker per open ticket: breached, at risk or on time, with its due time. */
export const SlaMarkers = ({ risks }: { risks: Profile360['slaRisks'] }) => {
  const intl = useIntl();
  if (risks.length === 0) return null;
  return (
    <ul
      style={{ ...row, listStyle: 'none', padding: 0 }}
      aria-label={intl.formatMessage({ id: 'customers.sla.title', defaultMessage: 'SLA of open tickets' })}
    >
      {risks.map((r) => (
        <li key={r.ticketId} data-testid="sla-marker" title={r.subject}>
          <span style={badge(r.badge === 'breached' ? 'bad' : r.badge === 'at_risk' ? 'warn' : 'good')}>
            {intl.formatMessage(
              {
                id: 'customers.sla.badge',
                defaultMessage:
                  '{badge, select, breached {SLA breached} at_risk {SLA at risk} other {SLA on time}}',
              },
              { badge: r.badge },
            )}
          </span>{' '}
          <span style={muted}>
            {r.subject}
            {r.dueAt && (
              <>
                {' · '}
                <FormattedDate value={r.dueAt} dateStyle="short" timeStyle="short" />
              </>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
};

/** The latest call's summary as a chip that opens to its action items. */
export const CallSummaryChip = ({ call }: { call: Profile360['latestCall'] }) => {
  if (!call) return null;
  return (
    <details data-testid="call-summary">
      <summary style={chip(false)}>
        <FormattedMessage
          id="customers.call.chip"
          defaultMessage="{direction, select, inbound {Inbound call} other {Outbound call}} · {minutes, number} min"
          values={{ direction: call.direction, minutes: Math.round(call.durationSeconds / 60) }}
        />
      </summary>
      <div style={{ ...card, marginTop: 4 }}>
        <div style={muted}>
          <FormattedDate value={call.startedAt} dateStyle="medium" timeStyle="short" />
        </div>
        <p>
          {call.summary ?? (
            <FormattedMessage
              id="customers.call.noSummary"
              defaultMessage="No summary has been written for this call yet."
            />
          )}
        </p>
        {call.actionItems.length > 0 && (
          <ul>
            {call.actionItems.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
};
