import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import type { JourneyEvent } from '../api/types';
import { useArea } from '../area/AreaContext';
import { useAsync, ErrorNotice, card, muted } from '@c360/mfe-kit';
import { markerOf, sentimentOf, summaryOf } from './journeyEventView';

const MARKER_ICON = { slaBreach: '⚠', purchase: '🛒' } as const;

/** The customer's journey grouped by stage, newest events first in each. */
export const JourneyTimeline = ({ customerId }: { customerId: string }) => {
  const { api } = useArea();
  const intl = useIntl();
  const journey = useAsync(() => api.getJourneyStages(customerId, 10), [api, customerId]);
  return (
    <div style={{ display: 'grid', gap: 12 }} data-testid="journey">
      <ErrorNotice error={journey.error} />
      {journey.data?.stages.map((s) => (
        <section key={s.stage} style={card} aria-label={s.stage} data-testid={`stage-${s.stage}`}>
          <h3 style={{ marginTop: 0 }}>
            {intl.formatMessage(
              {
                id: 'customers.journey.stage',
                defaultMessage:
                  '{stage, select, awareness {Awareness} consideration {Consideration} purchase {Purchase} service {Service} loyalty {Loyalty} other {{stage}}}',
              },
              { stage: s.stage },
            )}{' '}
            <span style={muted}>({s.count})</span>
          </h3>
          {s.events.length === 0 ? (
            <p style={muted}>
              <FormattedMessage id="customers.journey.empty" defaultMessage="Nothing in this stage yet." />
            </p>
          ) : (
            <ol style={{ listStyle: 'none', padding: 0, borderInlineStart: '2px solid #d8dce3' }}>
              {s.events.map((e) => (
                <TimelineItem key={e.id} event={e} />
              ))}
            </ol>
          )}
        </section>
      ))}
    </div>
  );
};

const TimelineItem = ({ event }: { event: JourneyEvent }) => {
  const intl = useIntl();
  const marker = markerOf(event);
  const sentiment = sentimentOf(event);
  const tooltip = sentiment
    ? intl.formatMessage(
        {
          id: 'customers.journey.sentiment',
          defaultMessage:
            'Sentiment: {band, select, negative {negative} positive {positive} other {neutral}} ({score, number, ::.00})',
        },
        { band: sentiment.band, score: sentiment.score },
      )
    : undefined;
  return (
    <li
      style={{ paddingInlineStart: 10, margin: '6px 0' }}
      data-testid="journey-event"
      data-kind={event.kind}
      title={tooltip}
    >
      {marker && (
        <span
          role="img"
          data-testid={`marker-${marker}`}
          aria-label={intl.formatMessage(
            {
              id: 'customers.journey.marker',
              defaultMessage: '{marker, select, slaBreach {SLA breached} other {Purchase}}',
            },
            { marker },
          )}
        >
          {MARKER_ICON[marker]}{' '}
        </span>
      )}
      <strong>{event.kind.replace(/_/g, ' ')}</strong>{' '}
      <span style={muted}>
        <FormattedDate value={event.at} dateStyle="medium" timeStyle="short" />
      </span>
      <div>{summaryOf(event)}</div>
      {sentiment && (
        <span style={muted} data-testid="sentiment" aria-label={tooltip}>
          {sentiment.band === 'negative' ? '☹' : sentiment.band === 'positive' ? '☺' : '•'}
        </span>
      )}
    </li>
  );
};
