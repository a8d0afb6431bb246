import type { AreaName } from '../remotes/manifest';

export const LOGIN_PATH = '/login';

/** `/customers/42` → `customers`; paths outside the areas → null. */
export const areaOfPath = (pathname: string): AreaName | null => {
  const match = /^\/(customers|analytics|inbox)(\/|$)/.exec(pathname);
  return match ? (match[1] as AreaName) : null;
};
