import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MountProps } from '@c360/mfe-kit';
import { createInboxApi, type InboxApi } from '../api/inboxApi';

export type Area = Pick<MountProps, 'user' | 'locale'> & {
  api: InboxApi;
  /** What the shell gave, for components of other areas shown here (the customer summary). */
  access: MountProps['api'];
  path: string;
  navigate: (path: string) => void;
};

const AreaContext = createContext<Area | null>(null);

/**
 * The mount props with the area's API module built once from them, and the path the area shows:
 * set at once by the area's own links, and by back/forward and the shell's router (`popstate`).
 */
export const AreaProvider = ({ props, children }: { props: MountProps; children: ReactNode }) => {
  const { api, user, navigate, locale } = props;
  const [path, setPath] = useState(() => window.location.pathname);
  useEffect(() => {
    const update = () => setPath(window.location.pathname);
    window.addEventListener('popstate', update);
    window.addEventListener('single-spa:routing-event', update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener('single-spa:routing-event', update);
    };
  }, []);
  const value = useMemo(
    () => ({
      api: createInboxApi(api),
      access: api,
      user,
      locale,
      path,
      navigate: (to: string) => {
        navigate(to);
        setPath(to.split('?')[0] ?? to);
      },
    }),
    [api, user, navigate, locale, path],
  );
  return <AreaContext.Provider value={value}>{children}</AreaContext.Provider>;
};

export const useArea = (): Area => {
  const area = useContext(AreaContext);
  if (!area) throw new Error('useArea outside AreaProvider');
  return area;
};
