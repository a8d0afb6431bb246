/** The paths this area answers, under the shell's `/customers` route. */
export type CustomersRoute =
  | { page: 'list' }
  | { page: 'new' }
  | { page: 'segments' }
  | { page: 'profile'; customerId: string; tab: ProfileTab }
  | { page: 'edit'; customerId: string }
  | { page: 'notFound' };

export type ProfileTab = 'overview' | 'preferences' | 'journey';
const TABS: readonly ProfileTab[] = ['overview', 'preferences', 'journey'];

export const paths = {
  list: () => '/customers',
  new: () => '/customers/new',
  segments: () => '/customers/segments',
  profile: (id: string, tab: ProfileTab = 'overview') =>
    tab === 'overview' ? `/customers/${id}` : `/customers/${id}/${tab}`,
  edit: (id: string) => `/customers/${id}/edit`,
};

/** Reads a browser path into a route of the area. */
export const parseRoute = (pathname: string): CustomersRoute => {
  const parts = pathname.replace(/\/+$/, '').split('/').filter(Boolean);
  if (parts[0] !== 'customers') return { page: 'notFound' };
  const [, first, second] = parts;
  if (!first) return { page: 'list' };
  if (first === 'new' && !second) return { page: 'new' };
  if (first === 'segments' && !second) return { page: 'segments' };
  if (second === 'edit') return { page: 'edit', customerId: first };
  if (!second) return { page: 'profile', customerId: first, tab: 'overview' };
  if ((TABS as readonly string[]).includes(second))
    return { page: 'profile', customerId: first, tab: second as ProfileTab };
  return { page: 'notFound' };
};
