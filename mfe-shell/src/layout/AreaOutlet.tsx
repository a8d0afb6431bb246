import { untypedMessages } from '@c360/mfe-kit';
import { useSyncExternalStore } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { triggerAppChange } from 'single-spa';
import type { AreaName } from '../remotes/manifest';
import type { AreaStatusStore } from '../areas/areaStatus';
import { areaContainerId } from '../areas/registerAreas';
import { AreaErrorBoundary } from './AreaErrorBoundary';

const messages = untypedMessages(
  defineMessages({
    customers: { id: 'shell.area.customers', defaultMessage: 'Customers' },
    analytics: { id: 'shell.area.analytics', defaultMessage: 'Analytics' },
    inbox: { id: 'shell.area.inbox', defaultMessage: 'Inbox' },
    unavailable: {
      id: 'shell.area.unavailable',
      defaultMessage: '{area} is unavailable right now. The rest of the dashboard keeps working.',
    },
    retry: { id: 'shell.area.retry', defaultMessage: 'Try again' },
    loading: { id: 'shell.area.loading', defaultMessage: 'Loading {area}…' },
  }),
);

export const areaLabel = (area: AreaName) => messages[area];

type Props = { area: AreaName; active: boolean; status: AreaStatusStore };

/**
 * Where single-spa mounts an area: an empty element React never renders into, and above it the
 * area's state (loading, or a clear message when its remote is down).
 */
export const AreaOutlet = ({ area, active, status }: Props) => {
  const intl = useIntl();
  const state = useSyncExternalStore(status.subscribe, () => status.get(area));
  const name = intl.formatMessage(messages[area]);
  return (
    <section hidden={!active} data-area={area} aria-label={name}>
      <AreaErrorBoundary
        fallback={() => <p role="alert">{intl.formatMessage(messages.unavailable, { area: name })}</p>}
      >
        {active && state.kind === 'unavailable' && (
          <div role="alert" className="c360-area-down" data-testid={`area-unavailable-${area}`}>
            <p>
              <FormattedMessage {...messages.unavailable} values={{ area: name }} />
            </p>
            <button type="button" onClick={() => void triggerAppChange()}>
              <FormattedMessage {...messages.retry} />
            </button>
          </div>
        )}
        {active && state.kind === 'loading' && (
          <p aria-busy="true">
            <FormattedMessage {...messages.loading} values={{ area: name }} />
          </p>
        )}
      </AreaErrorBoundary>
      <div id={areaContainerId(area)} />
    </section>
  );
};
