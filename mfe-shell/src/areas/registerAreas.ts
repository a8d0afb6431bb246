import {
  addErrorHandler,
  getAppStatus,
  LOAD_ERROR,
  MOUNTED,
  registerApplication,
  SKIP_BECAUSE_BROKEN,
  type LifeCycles,
} from 'single-spa';
import type { MountProps } from '@c360/mfe-kit';
import { AREAS, type AreaName } from '../remotes/manifest';
import { areaManifest, loadAreaModule } from '../remotes/federation';
import { areaOfPath } from '../routing/routes';
import type { AreaStatusStore } from './areaStatus';

export type AreaHost = {
  /** The props every area gets, read at each mount (locale and user may have changed). */
  props: () => MountProps;
  /** Whether the layout (with the areas' containers) is on the page and the user may see the area. */
  canMount: (area: AreaName) => boolean;
  status: AreaStatusStore;
};

export const areaContainerId = (area: AreaName) => `c360-area-${area}`;

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The single-spa root config: one application per area, active on its route prefix, whose code is
 * the `./mount` module of the area's remote named in the manifest. A remote that fails to load or
 * to mount is marked unavailable; single-spa leaves it unmounted and the rest keeps working.
 */
export const registerAreas = (host: AreaHost): void => {
  for (const area of AREAS) {
    registerApplication<MountProps & { domElement: HTMLElement | null }>({
      name: area,
      app: async () => {
        host.status.set(area, { kind: 'loading' });
        try {
          return await loadAreaModule<LifeCycles<MountProps>>(area, './mount');
        } catch (error) {
          host.status.set(area, { kind: 'unavailable', reason: describe(error) });
          throw error;
        }
      },
      activeWhen: (location) => areaOfPath(location.pathname) === area && host.canMount(area),
      customProps: () => ({ ...host.props(), domElement: document.getElementById(areaContainerId(area)) }),
    });
  }
  addErrorHandler((error) => {
    const area = error.appOrParcelName as AreaName;
    if (AREAS.includes(area)) host.status.set(area, { kind: 'unavailable', reason: describe(error) });
  });
  window.addEventListener('single-spa:app-change', () => {
    void areaManifest()
      .catch(() => null)
      .then((manifest) => {
        for (const area of AREAS) {
          const status = getAppStatus(area);
          if (status === MOUNTED) {
            host.status.set(area, { kind: 'mounted', version: manifest?.areas[area]?.version ?? null });
          } else if (status === LOAD_ERROR || status === SKIP_BECAUSE_BROKEN) {
            if (host.status.get(area).kind !== 'unavailable')
              host.status.set(area, { kind: 'unavailable', reason: status });
          }
        }
      });
  });
};
