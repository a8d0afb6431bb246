import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MountProps } from '@c360/mfe-kit';
import { createCustomersApi, type CustomersApi } from '../api/customersApi';

export type Area = Pick<MountProps, 'user' | 'locale'> & {
  api: CustomersApi;
  /** The browser path the area renders. */
  path: string;
  navigate: (path: string) => void;
};

const AreaContext = createContext<Area | null>(null);

/**
 * The mount props the shell gave, with the area's API module built once from them, and the path
 * the area shows: set at once by the area's own links (whatever the shell's router announces),
 * and by back/forward and the shell's navigation through `popstate`.
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
      api: createCustomersApi(api),
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
