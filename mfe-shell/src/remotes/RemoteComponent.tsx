import { lazy, Suspense, useMemo, type ComponentType, type ReactNode } from 'react';
import { AreaErrorBoundary } from '../layout/AreaErrorBoundary';
import { loadAreaModule } from './federation';
import type { AreaName } from './manifest';

type Props<P> = {
  /** The area that exposes the component, e.g. `customers`. */
  area: AreaName;
  /** Its exposed name, e.g. `./CustomerSummary` (the module's default export is rendered). */
  module: string;
  props: P;
  /** Shown while the remote loads. */
  loading?: ReactNode;
  /** Shown when the remote is down or the component fails. */
  unavailable?: ReactNode;
};

/**
 * Shows a component another area exposes, loaded through the manifest, so areas reuse each other
 * without importing each other (inbox shows customers' `./CustomerSummary`). Exposed by the shell
 * as `./remoteComponent`; a failure stays inside the component's own box.
 */
export const RemoteComponent = <P extends object>({
  area,
  module,
  props,
  loading,
  unavailable,
}: Props<P>) => {
  const Lazy = useMemo(
    () =>
      lazy(async () => {
        const loaded = await loadAreaModule<{ default: ComponentType<P> } | ComponentType<P>>(area, module);
        return { default: typeof loaded === 'function' ? loaded : loaded.default };
      }),
    [area, module],
  );
  const fallback = unavailable ?? (
    <p role="alert" data-testid={`remote-unavailable-${area}`}>
      {area} is unavailable right now.
    </p>
  );
  return (
    <AreaErrorBoundary fallback={() => fallback}>
      <Suspense fallback={loading ?? null}>
        <Lazy {...props} />
      </Suspense>
    </AreaErrorBoundary>
  );
};

export default RemoteComponent;
