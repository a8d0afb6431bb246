import { useSyncExternalStore } from 'react';

const subscribe = (onChange: () => void) => {
  window.addEventListener('popstate', onChange);
  window.addEventListener('single-spa:routing-event', onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener('single-spa:routing-event', onChange);
  };
};

/** The current path, kept in step with single-spa's router (history API). */
export const usePathname = (): string => useSyncExternalStore(subscribe, () => window.location.pathname);
