import type { ApiAccess, Locale, MountProps } from '@c360/mfe-kit';
import { navigateToUrl } from 'single-spa';
import type { Session } from './auth/session';
import { canSeeArea } from './layout/areaAccess';
import type { AreaName } from './remotes/manifest';

/**
 * What the single-spa root config reads when it mounts an area: the session, the locale and
 * whether the layout is on the page. React owns the view; this object is how single-spa sees it.
 */
export type ShellState = {
  session: Session | null;
  locale: Locale;
  layoutReady: boolean;
  apiAccess: ApiAccess;
  props: () => MountProps;
  canMount: (area: AreaName) => boolean;
};

export const createShellState = (init: {
  session: Session | null;
  locale: Locale;
  apiBaseUrl: string;
}): ShellState => {
  const state: ShellState = {
    session: init.session,
    locale: init.locale,
    layoutReady: false,
    apiAccess: { baseUrl: init.apiBaseUrl, getToken: () => state.session?.accessToken ?? null },
    props: () => {
      if (!state.session) throw new Error('no area is mounted without a signed-in user');
      return {
        api: state.apiAccess,
        locale: state.locale,
        user: state.session.user,
        navigate: (path: string) => navigateToUrl(path),
      };
    },
    canMount: (area) => state.layoutReady && !!state.session && canSeeArea(state.session.user.roles, area),
  };
  return state;
};
