import { useMemo } from 'react';
import { FormattedMessage, FormattedNumber, IntlProvider, useIntl } from 'react-intl';
import {
  isLocale,
  textDirection,
  type ApiAccess,
  type Locale,
  ErrorNotice,
  badge,
  card,
  muted,
  row,
} from '@c360/mfe-kit';
import { createCustomersApi } from '../api/customersApi';
import { useAsync } from '@c360/mfe-kit';
import { messages } from '../i18n/messages';
import { MiniBar } from '../ui/MiniBar';
import { SlaMarkers } from '../profile/SignalsRow';

export type CustomerSummaryProps = {
  customerId: string;
  /** The host area's API access (the summary reads the 360 with the signed-in user's token). */
  api: ApiAccess;
  /** Defaults to the locale of the host's IntlProvider. */
  locale?: Locale;
  /** Opens the full profile through the shell's router, when given. */
  navigate?: (path: string) => void;
};

const SummaryBody = ({ customerId, api, navigate }: CustomerSummaryProps) => {
  const client = useMemo(() => createCustomersApi(api), [api]);
  const intl = useIntl();
  const profile = useAsync(() => client.getProfile360(customerId), [client, customerId]);
  if (!profile.data) return <ErrorNotice error={profile.error} />;
  const p = profile.data;
  return (
    <aside
      style={card}
      data-testid="customer-summary"
      aria-label={intl.formatMessage({ id: 'customers.summary.label', defaultMessage: 'Customer summary' })}
    >
      <div style={row}>
        <strong>{`${p.customer.firstName} ${p.customer.lastName}`.trim()}</strong>
        {p.vip.isVip && <span style={badge('info')}>VIP</span>}
      </div>
      <div style={muted}>{p.customer.emails[0]}</div>
      <dl style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '2px 8px', margin: '8px 0' }}>
        <dt>
          <FormattedMessage id="customers.summary.health" defaultMessage="Health" />
        </dt>
        <dd style={{ margin: 0 }} data-testid="summary-health">
          {p.health.score}
          <MiniBar value={p.health.score / 100} label="health" />
        </dd>
        <dt>
          <FormattedMessage id="customers.summary.churn" defaultMessage="Churn risk" />
        </dt>
        <dd style={{ margin: 0 }}>
          <FormattedNumber value={p.churn.probability} style="percent" />
        </dd>
        <dt>
          <FormattedMessage id="customers.summary.clv" defaultMessage="CLV" />
        </dt>
        <dd style={{ margin: 0 }}>
          <FormattedNumber value={p.clv.total} maximumFractionDigits={0} />
        </dd>
        <dt>
          <FormattedMessage id="customers.summary.orders" defaultMessage="Orders" />
        </dt>
        <dd style={{ margin: 0 }}>
          <FormattedNumber value={p.orders.count} />
        </dd>
        {p.rfm && (
          <>
            <dt>RFM</dt>
            <dd style={{ margin: 0 }}>{p.rfm.segment}</dd>
          </>
        )}
        {p.surveys.csat !== null && (
          <>
            <dt>CSAT</dt>
            <dd style={{ margin: 0 }}>
              <FormattedNumber value={p.surveys.csat} maximumFractionDigits={1} />
            </dd>
          </>
        )}
      </dl>
      <SlaMarkers risks={p.slaRisks} />
      {p.insights[0] && <p style={muted}>{p.insights[0].title}</p>}
      {navigate && (
        <button type="button" onClick={() => navigate(`/customers/${p.customer.id}`)}>
          <FormattedMessage id="customers.summary.open" defaultMessage="Open 360 profile" />
        </button>
      )}
    </aside>
  );
};

/**
 * The customer's 360 summary, exposed as `customers/CustomerSummary` for other areas (the inbox
 * shows it beside a thread through the shell's `remoteComponent`). It brings its own messages and
 * follows the host's locale.
 */
const CustomerSummary = (props: CustomerSummaryProps) => {
  const hostLocale = useIntl().locale;
  const locale: Locale = props.locale ?? (isLocale(hostLocale) ? hostLocale : 'en');
  return (
    <IntlProvider locale={locale} messages={messages[locale]} defaultLocale="en">
      <div dir={textDirection(locale)}>
        <SummaryBody {...props} />
      </div>
    </IntlProvider>
  );
};

export default CustomerSummary;
