import { FormattedDate, FormattedMessage, FormattedNumber, useIntl } from 'react-intl';
import type { Profile360 } from '../api/types';
import { MiniBar } from '../ui/MiniBar';
import { Sparkline } from '../ui/Sparkline';
import { badge, card, muted, row } from '@c360/mfe-kit';

const Money = ({ value, currency }: { value: number; currency: string | null }) =>
  currency ? (
    <FormattedNumber value={value} style="currency" currency={currency} maximumFractionDigits={0} />
  ) : (
    <FormattedNumber value={value} maximumFractionDigits={0} />
  );

/** Won orders: count, total, average, last order and the latest few. */
export const OrdersCard = ({ orders }: { orders: Profile360['orders'] }) => (
  <div style={card} data-testid="orders-card">
    <h3 style={{ margin: 0 }}>
      <FormattedMessage id="customers.orders.title" defaultMessage="Orders" />
    </h3>
    <div style={row}>
      <strong style={{ fontSize: 22 }}>
        <FormattedNumber value={orders.count} />
      </strong>
      <span>
        <Money value={orders.total} currency={orders.currency} />
      </span>
    </div>
    <div style={muted}>
      {orders.averageOrderValue !== null && (
        <div>
          <FormattedMessage id="customers.orders.average" defaultMessage="Average order" />{' '}
          <Money value={orders.averageOrderValue} currency={orders.currency} />
        </div>
      )}
      {orders.lastOrderAt && (
        <div>
          <FormattedMessage id="customers.orders.last" defaultMessage="Last order" />{' '}
          <FormattedDate value={orders.lastOrderAt} dateStyle="medium" />
        </div>
      )}
      <div>
        <FormattedMessage
          id="customers.orders.openDeals"
          defaultMessage="{count, plural, =0 {No open deal} one {# open deal} other {# open deals}}"
          values={{ count: orders.openDeals }}
        />
      </div>
    </div>
  </div>
);

/** RFM scores (1-5 each) and the segment label they make. */
export const RfmCard = ({ rfm }: { rfm: Profile360['rfm'] }) => (
  <div style={card} data-testid="rfm-card">
    <h3 style={{ margin: 0 }}>
      <FormattedMessage id="customers.rfm.title" defaultMessage="RFM" />
    </h3>
    {rfm ? (
      <>
        <div style={row}>
          <strong style={{ fontSize: 22 }} data-testid="rfm-score">{`${rfm.r}${rfm.f}${rfm.m}`}</strong>
          <span style={badge('info')}>{rfm.segment}</span>
        </div>
        <div style={muted}>
          <FormattedMessage
            id="customers.rfm.detail"
            defaultMessage="Recency {r} · Frequency {f} · Monetary {m}"
            values={{ r: rfm.r, f: rfm.f, m: rfm.m }}
          />
        </div>
      </>
    ) : (
      <p style={muted}>
        <FormattedMessage id="customers.rfm.none" defaultMessage="No purchase yet" />
      </p>
    )}
  </div>
);

/** Customer lifetime value, its change, and its monthly trend as a mini chart. */
export const ClvCard = ({ clv, currency }: { clv: Profile360['clv']; currency: string | null }) => {
  const intl = useIntl();
  return (
    <div style={card} data-testid="clv-card">
      <h3 style={{ margin: 0 }}>
        <FormattedMessage id="customers.clv.title" defaultMessage="Lifetime value" />
      </h3>
      <div style={row}>
        <strong style={{ fontSize: 22 }}>
          <Money value={clv.total} currency={currency} />
        </strong>
        {clv.change.changePercent !== null && (
          <span style={badge(clv.change.changePercent >= 0 ? 'good' : 'bad')}>
            <FormattedNumber
              value={clv.change.changePercent / 100}
              style="percent"
              signDisplay="always"
              maximumFractionDigits={1}
            />
          </span>
        )}
      </div>
      <Sparkline
        values={clv.trend.map((p) => p.total)}
        label={intl.formatMessage({
          id: 'customers.clv.trend',
          defaultMessage: 'Lifetime value, last 12 months',
        })}
      />
      <div style={muted}>
        <FormattedMessage id="customers.clv.historical" defaultMessage="Historical" />{' '}
        <Money value={clv.historical} currency={currency} /> ·{' '}
        <FormattedMessage id="customers.clv.predicted" defaultMessage="Predicted" />{' '}
        <Money value={clv.predicted} currency={currency} />
      </div>
    </div>
  );
};

/** CSAT now and its answers over time (oldest first). */
export const CsatCard = ({ surveys, scores }: { surveys: Profile360['surveys']; scores: number[] }) => {
  const intl = useIntl();
  return (
    <div style={card} data-testid="csat-card">
      <h3 style={{ margin: 0 }}>
        <FormattedMessage id="customers.csat.title" defaultMessage="CSAT" />
      </h3>
      {surveys.csat === null ? (
        <p style={muted}>
          <FormattedMessage id="customers.csat.none" defaultMessage="No survey answer yet" />
        </p>
      ) : (
        <div style={row}>
          <strong style={{ fontSize: 22 }} data-testid="csat-value">
            <FormattedNumber value={surveys.csat} maximumFractionDigits={1} />
          </strong>
          <span style={muted}>
            <FormattedMessage
              id="customers.csat.answers"
              defaultMessage="{count, plural, one {# answer} other {# answers}}"
              values={{ count: surveys.csatAnswers }}
            />
          </span>
        </div>
      )}
      <Sparkline
        values={scores}
        label={intl.formatMessage({ id: 'customers.csat.trend', defaultMessage: 'CSAT answers over time' })}
      />
      {surveys.nps !== null && (
        <div style={muted}>
          <FormattedMessage
            id="customers.csat.nps"
            defaultMessage="NPS {nps}"
            values={{ nps: surveys.nps }}
          />
        </div>
      )}
    </div>
  );
};

/** Churn probability, its band, and the drivers that pushed it most. */
export const ChurnCard = ({ churn }: { churn: Profile360['churn'] }) => {
  const intl = useIntl();
  const drivers = [...churn.drivers].sort((a, b) => b.contribution - a.contribution).slice(0, 4);
  const max = Math.max(...drivers.map((d) => Math.abs(d.contribution)), 0.0001);
  return (
    <div style={card} data-testid="churn-card">
      <h3 style={{ margin: 0 }}>
        <FormattedMessage id="customers.churn.title" defaultMessage="Churn risk" />
      </h3>
      <div style={row}>
        <strong style={{ fontSize: 22 }}>
          <FormattedNumber value={churn.probability} style="percent" />
        </strong>
        <span style={badge(churn.band === 'high' ? 'bad' : churn.band === 'medium' ? 'warn' : 'good')}>
          {intl.formatMessage(
            {
              id: 'customers.churn.band',
              defaultMessage: '{band, select, low {Low} medium {Medium} high {High} other {{band}}}',
            },
            { band: churn.band },
          )}
        </span>
      </div>
      <ul
        style={{ listStyle: 'none', padding: 0 }}
        aria-label={intl.formatMessage({ id: 'customers.churn.drivers', defaultMessage: 'Drivers' })}
      >
        {drivers.map((d) => (
          <li key={d.feature} style={{ margin: '4px 0' }}>
            <span style={muted}>{d.feature}</span>
            <MiniBar
              value={Math.abs(d.contribution) / max}
              label={d.feature}
              tone={d.contribution > 0 ? '#c0262d' : '#1b7f3b'}
            />
          </li>
        ))}
      </ul>
    </div>
  );
};
