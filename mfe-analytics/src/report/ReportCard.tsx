import { untypedMessages } from '@c360/mfe-kit';
import type { ReactNode } from 'react';
import { defineMessages, FormattedMessage } from 'react-intl';
import type { ReportState } from './useReport';

const messages = untypedMessages(
  defineMessages({
    loading: { id: 'analytics.report.loading', defaultMessage: 'Loading…' },
    failed: { id: 'analytics.report.failed', defaultMessage: 'This report could not be loaded: {message}' },
  }),
);

/** A titled section that shows its report, a loading line, or the API's reason it failed. */
export const ReportCard = <T,>({
  title,
  state,
  testId,
  actions,
  children,
}: {
  title: ReactNode;
  state: ReportState<T>;
  testId: string;
  actions?: ReactNode;
  children: (data: T) => ReactNode;
}) => (
  <section className="c360-card" data-testid={testId} aria-busy={state.status === 'loading'}>
    <header className="c360-card-header">
      <h2>{title}</h2>
      {actions}
    </header>
    {state.status === 'loading' && (
      <p>
        <FormattedMessage {...messages.loading} />
      </p>
    )}
    {state.status === 'failed' && (
      <p role="alert">
        <FormattedMessage {...messages.failed} values={{ message: state.message }} />
      </p>
    )}
    {state.status === 'ready' && children(state.data)}
  </section>
);
