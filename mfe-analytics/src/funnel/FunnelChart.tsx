import { untypedMessages } from '@c360/mfe-kit';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import type { Funnel } from '../api/analyticsTypes';

const messages = untypedMessages(
  defineMessages({
    window: { id: 'analytics.funnel.window', defaultMessage: 'Later steps within {days} days of the first.' },
    fromPrevious: { id: 'analytics.funnel.fromPrevious', defaultMessage: '{rate} of the previous step' },
  }),
);

/** Bars whose length is the share of the first step that reached each step; steps read in order. */
export const FunnelChart = ({ funnel }: { funnel: Funnel }) => {
  const intl = useIntl();
  return (
    <div data-testid="funnel">
      <ol className="c360-funnel">
        {funnel.steps.map((step) => {
          const share = step.fromFirst ?? (step.count > 0 ? 100 : 0);
          return (
            <li key={step.step}>
              <span className="c360-funnel-label">{step.step.replace(/_/g, ' ')}</span>
              <span className="c360-funnel-bar" style={{ inlineSize: `${Math.max(1, share)}%` }} />
              <span>
                {intl.formatNumber(step.count)}
                {step.fromPrevious !== null && (
                  <>
                    {' · '}
                    <FormattedMessage
                      {...messages.fromPrevious}
                      values={{
                        rate: intl.formatNumber(step.fromPrevious / 100, {
                          style: 'percent',
                          maximumFractionDigits: 1,
                        }),
                      }}
                    />
                  </>
                )}
              </span>
            </li>
          );
        })}
      </ol>
      <small>
        <FormattedMessage {...messages.window} values={{ days: funnel.windowDays }} />
      </small>
    </div>
  );
};
