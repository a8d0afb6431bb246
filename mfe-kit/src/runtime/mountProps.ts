/** The locales every MFE ships messages for. */
export type Locale = 'en' | 'fr' | 'ar';

export type Role = 'agent' | 'marketer' | 'manager' | 'admin' | 'ops';

export type CurrentUser = { id: string; tenantId: string; email: string; name: string; roles: Role[] };

export type ApiAccess = {
  /** `/api/v1` on the page's origin (the serving MFE server proxies it to the API). */
  baseUrl: string;
  /** The signed-in user's bearer token, or null once signed out. */
  getToken: () => string | null;
};

/**
 * What the shell hands every area at mount (single-spa custom props). A locale change remounts
 * the area with new props.
 */
export type MountProps = {
  api: ApiAccess;
  locale: Locale;
  user: CurrentUser;
  /** Client-side navigation through the shell's router (`/customers/42`). */
  navigate: (path: string) => void;
};
