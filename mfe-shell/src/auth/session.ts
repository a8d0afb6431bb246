import type { CurrentUser } from '@c360/mfe-kit';

export type Session = {
  accessToken: string;
  expiresAt: string;
  user: CurrentUser;
  tenant: { id: string; slug: string; name: string };
};

const KEY = 'c360.session';

const isSession = (value: unknown): value is Session => {
  const s = value as Partial<Session> | null;
  return (
    typeof s?.accessToken === 'string' &&
    typeof s.expiresAt === 'string' &&
    typeof s.user?.id === 'string' &&
    Array.isArray(s.user.roles) &&
    typeof s.tenant?.slug === 'string'
  );
};

/** The stored sign-in, unless it is missing, malformed or expired at `now`. */
export const loadSession = (storage: Storage, now: Date): Session | null => {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? 'null');
    if (!isSession(parsed) || Date.parse(parsed.expiresAt) <= now.getTime()) return null;
    return parsed;
  } catch {
    return null;
  }
};

export const saveSession = (storage: Storage, session: Session): void =>
  storage.setItem(KEY, JSON.stringify(session));

export const clearSession = (storage: Storage): void => storage.removeItem(KEY);
