import { untypedMessages } from '@c360/mfe-kit';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import type { Overview } from '../api/analyticsTypes';
import { changeTone, KPI_CARDS, numberOptions, type KpiKind } from './kpiFormat';
import { kpiLabel } from './kpiLabels';

const messages = untypedMessages(
  defineMessages({
    none: { id: 'analytics.kpi.none', defaultMessage: 'no data' },
    versus: { id: 'analytics.kpi.versus', defaultMessage: 'vs previous period: {previous}' },
    minutes: { id: 'analytics.kpi.minutes', defaultMessage: '{value} min' },
    percent: { id: 'analytics.kpi.percent', defaultMessage: '{value} %' },
    changeNew: { id: 'analytics.kpi.changeNew', defaultMessage: 'no previous value' },
  }),
);

/** One card per KPI: this period's value and its change against the period before. */
export const KpiCards = ({ overview }: { overview: Overview }) => {
  const intl = useIntl();
  const show = (value: number | null, kind: KpiKind): string => {
    if (value === null) return intl.formatMessage(messages.none);
    const number = intl.formatNumber(value, numberOptions(kind));
    if (kind === 'minutes') return intl.formatMessage(messages.minutes, { value: number });
    if (kind === 'percent') return intl.formatMessage(messages.percent, { value: number });
    return number;
  };
  return (
    <div className="c360-kpis">
      {KPI_CARDS.map(({ key, kind, lowerIsBetter }) => {
        const kpi = overview.kpis[key];
        const tone = changeTone(kpi.change, lowerIsBetter);
        return (
          <article key={key} className="c360-kpi" data-testid={`kpi-${key}`} data-tone={tone}>
            <h3>{intl.formatMessage(kpiLabel(key))}</h3>
            <p className="c360-kpi-value">{show(kpi.current, kind)}</p>
            <p className="c360-kpi-change">
              {kpi.changePercent !== null ? (
                <span data-testid={`kpi-${key}-change`}>
                  {tone === 'up' ? '▲' : tone === 'down' ? '▼' : '■'}{' '}
                  {intl.formatNumber(kpi.changePercent / 100, {
                    style: 'percent',
                    maximumFractionDigits: 1,
                    signDisplay: 'exceptZero',
                  })}
                </span>
              ) : (
                <FormattedMessage {...messages.changeNew} />
              )}{' '}
              <small>
                <FormattedMessage {...messages.versus} values={{ previous: show(kpi.previous, kind) }} />
              </small>
            </p>
          </article>
        );
      })}
    </div>
  );
};
