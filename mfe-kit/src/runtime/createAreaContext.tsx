import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MountProps } from './mountProps';

/** What every part of an area reads from its context, beside what the area adds (its API module). */
export type AreaBase = Pick<MountProps, 'user' | 'locale'> & {
  /** The browser path the area renders. */
  path: string;
  navigate: (path: string) => void;
};

/**
 * An area's context: `build` turns the mount props into the area's own part (its API module,
 * built once per change of the props), and the provider adds the user, the locale and the path
 * the area shows: set at once by the area's own links (whatever the shell's router announces),
 * and by back/forward and the shell's navigation through `popstate` and single-spa's routing event.
 */
export const createAreaContext = <Own extends object>(build: (props: MountProps) => Own) => {
  type Area = AreaBase & Own;
  const AreaContext = createContext<Area | null>(null);

  const AreaProvider = ({ props, children }: { props: MountProps; children: ReactNode }) => {
    const { user, navigate, locale } = props;
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
    // The area's own part changes only with what it is built from.
    const own = useMemo(() => build(props), [props.api]);
    const value = useMemo(
      (): Area => ({
        ...own,
        user,
        locale,
        path,
        navigate: (to: string) => {
          navigate(to);
          setPath(to.split('?')[0] ?? to);
        },
      }),
      [own, user, navigate, locale, path],
    );
    return <AreaContext.Provider value={value}>{children}</AreaContext.Provider>;
  };

  const useArea = (): Area => {
    const area = useContext(AreaContext);
    if (!area) throw new Error('useArea outside AreaProvider');
    return area;
  };

  return { AreaProvider, useArea };
};
