import { untypedMessages } from '@c360/mfe-kit';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import type { Trends } from '../api/analyticsTypes';
import { trendGeometry } from './trendGeometry';

const messages = untypedMessages(
  defineMessages({
    empty: { id: 'analytics.trend.empty', defaultMessage: 'No answers in this period.' },
    range: { id: 'analytics.trend.range', defaultMessage: 'from {min} to {max}; latest {latest}' },
  }),
);

const WIDTH = 320;
const HEIGHT = 90;

/** A small line chart of one metric; time runs left to right in every locale, like the axis labels. */
export const TrendChart = ({ trends }: { trends: Trends }) => {
  const intl = useIntl();
  const plot = trendGeometry(trends.points, WIDTH, HEIGHT);
  const latest = [...trends.points].reverse().find((p) => p.value !== null);
  if (!latest) {
    return (
      <p data-testid={`trend-${trends.metric}-empty`}>
        <FormattedMessage {...messages.empty} />
      </p>
    );
  }
  const fmt = (n: number) => intl.formatNumber(n, { maximumFractionDigits: 1 });
  return (
    <figure className="c360-trend" data-testid={`trend-${trends.metric}`}>
      <div dir="ltr">
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          width="100%"
          height={HEIGHT}
          role="img"
          aria-label={trends.metric}
        >
          {plot.segments.map((points) => (
            <polyline key={points} points={points} fill="none" stroke="#2f6fde" strokeWidth="2" />
          ))}
          {plot.dots.map(({ x, y, point }) => (
            <circle key={point.key} cx={x} cy={y} r="2.5" fill="#2f6fde">
              <title>
                {`${intl.formatDate(point.start, { dateStyle: 'medium', timeZone: trends.timeZone })}: ${fmt(point.value ?? 0)} (n=${intl.formatNumber(point.count)})`}
              </title>
            </circle>
          ))}
        </svg>
      </div>
      <figcaption>
        <FormattedMessage
          {...messages.range}
          values={{ min: fmt(plot.min), max: fmt(plot.max), latest: fmt(latest.value ?? 0) }}
        />
      </figcaption>
    </figure>
  );
};
