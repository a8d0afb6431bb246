import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { useArea } from '../area/AreaContext';
import { useAsync, ErrorNotice, badge, card, muted } from '@c360/mfe-kit';

/** The consent history, newest first: who changed which channel, when, why and from where. */
export const ConsentLog = ({ customerId, version }: { customerId: string; version: number }) => {
  const { api } = useArea();
  const intl = useIntl();
  const log = useAsync(() => api.consentLog(customerId), [api, customerId, version]);
  return (
    <section style={card} aria-labelledby="consent-log-title">
      <h3 id="consent-log-title" style={{ marginTop: 0 }}>
        <FormattedMessage id="customers.consent.title" defaultMessage="Consent log" />
      </h3>
      <ErrorNotice error={log.error} />
      {log.data && log.data.items.length === 0 && (
        <p style={muted}>
          <FormattedMessage id="customers.consent.empty" defaultMessage="No consent recorded yet." />
        </p>
      )}
      <ol style={{ paddingInlineStart: 18 }}>
        {log.data?.items.map((e) => (
          <li
            key={e.id}
            data-testid="consent-entry"
            data-channel={e.channel}
            data-granted={String(e.granted)}
          >
            <span style={badge(e.granted ? 'good' : 'bad')}>
              {intl.formatMessage(
                {
                  id: 'customers.consent.action',
                  defaultMessage: '{granted, select, true {{channel} granted} other {{channel} revoked}}',
                },
                { granted: String(e.granted), channel: e.channel },
              )}
            </span>{' '}
            <FormattedDate value={e.at} dateStyle="medium" timeStyle="short" />{' '}
            <span style={muted}>{[e.source, e.reason, e.actorType].filter(Boolean).join(' · ')}</span>
          </li>
        ))}
      </ol>
    </section>
  );
};
