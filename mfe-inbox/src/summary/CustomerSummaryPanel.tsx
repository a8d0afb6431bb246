import { Component, lazy, Suspense, useMemo, type ComponentType, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { useArea } from '../area/AreaContext';
import { loadShellModule } from './loadShellModule';
import { muted } from '@c360/mfe-kit';

type RemoteComponentProps = {
  area: 'customers';
  module: string;
  props: Record<string, unknown>;
  loading?: ReactNode;
  unavailable?: ReactNode;
};

class Contained extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

const Unavailable = () => (
  <p style={muted} data-testid="summary-unavailable">
    <FormattedMessage
      id="inbox.summary.unavailable"
      defaultMessage="The customer summary is unavailable right now."
    />
  </p>
);

/**
 * The customer's 360 summary beside the thread: the customers area's `./CustomerSummary`, shown
 * through the shell's `./remoteComponent` (never a copy). If either is down, only this box says so.
 */
export const CustomerSummaryPanel = ({ customerId }: { customerId: string }) => {
  const { access, locale, navigate } = useArea();
  const Remote = useMemo(
    () =>
      lazy(async () => {
        const loaded = await loadShellModule<{ default: ComponentType<RemoteComponentProps> }>(
          './remoteComponent',
        );
        return { default: loaded.default };
      }),
    [],
  );
  return (
    <Contained fallback={<Unavailable />}>
      <Suspense fallback={<p style={muted}>…</p>}>
        <Remote
          area="customers"
          module="./CustomerSummary"
          props={{ customerId, api: access, locale, navigate }}
          unavailable={<Unavailable />}
        />
      </Suspense>
    </Contained>
  );
};
