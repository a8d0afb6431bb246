import { untypedMessages } from '@c360/mfe-kit';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import type { Cohorts } from '../api/analyticsTypes';

const messages = untypedMessages(
  defineMessages({
    cohort: { id: 'analytics.cohorts.cohort', defaultMessage: 'First purchase' },
    size: { id: 'analytics.cohorts.size', defaultMessage: 'Customers' },
    month: { id: 'analytics.cohorts.month', defaultMessage: 'Month {k}' },
    empty: { id: 'analytics.cohorts.empty', defaultMessage: 'No first purchases in this period.' },
  }),
);

/** Darker is better retained: the rate (0-100) sets the cell's lightness. */
export const heatColor = (rate: number): string =>
  `hsl(214 70% ${Math.round(96 - Math.min(100, Math.max(0, rate)) * 0.56)}%)`;

/** Retention by first-purchase month: one row per cohort, one cell per month after it. */
export const CohortHeatmap = ({ cohorts }: { cohorts: Cohorts }) => {
  const intl = useIntl();
  if (cohorts.cohorts.length === 0)
    return (
      <p>
        <FormattedMessage {...messages.empty} />
      </p>
    );
  const months = Math.max(...cohorts.cohorts.map((c) => c.rates.length));
  return (
    <div className="c360-scroll">
      <table className="c360-heatmap" data-testid="cohort-heatmap">
        <thead>
          <tr>
            <th scope="col">
              <FormattedMessage {...messages.cohort} />
            </th>
            <th scope="col">
              <FormattedMessage {...messages.size} />
            </th>
            {Array.from({ length: months }, (_, k) => (
              <th key={k} scope="col">
                <FormattedMessage {...messages.month} values={{ k }} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cohorts.cohorts.map((row) => (
            <tr key={row.cohort}>
              <th scope="row">
                {intl.formatDate(`${row.cohort}-01T12:00:00Z`, { year: 'numeric', month: 'short' })}
              </th>
              <td>{intl.formatNumber(row.size)}</td>
              {row.rates.map((rate, k) => (
                <td
                  key={k}
                  style={{ background: heatColor(rate), color: rate > 55 ? '#fff' : '#123' }}
                  title={`${intl.formatNumber(row.retained[k] ?? 0)} / ${intl.formatNumber(row.size)}`}
                >
                  {intl.formatNumber(rate / 100, { style: 'percent', maximumFractionDigits: 0 })}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
