/** Raised when a key has failed too often; the error handler answers 429 with Retry-After. */
export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`too many failed sign-in attempts; try again in ${retryAfterSeconds} s`);
    this.name = 'RateLimitedError';
  }
}

export type LoginThrottleSettings = {
  /** Failed attempts allowed per account (tenant + e-mail) in a window. */
  maxFailuresPerAccount: number;
  /** Failed attempts allowed per client address in a window: catches spraying across accounts. */
  maxFailuresPerClient: number;
  windowMs: number;
};

export const defaultLoginThrottleSettings: LoginThrottleSettings = {
  maxFailuresPerAccount: 5,
  maxFailuresPerClient: 30,
  windowMs: 15 * 60_000,
};

export type LoginThrottle = {
  /** Throws `RateLimitedError` while either key is locked out. */
  check: (keys: { account: string; client: string }, now: number) => void;
  recordFailure: (keys: { account: string; client: string }, now: number) => void;
  recordSuccess: (keys: { account: string }) => void;
};

type Window = { failures: number; resetAt: number };

// Bounds memory under a spray of distinct keys; expired windows are dropped first.
const MAX_KEYS = 50_000;

/**
 * Fixed-window counting of failed sign-ins, in process memory. Enough to make online password
 * guessing slow on one API instance; several instances would need a shared store.
 */
export const createLoginThrottle = (
  settings: LoginThrottleSettings = defaultLoginThrottleSettings,
): LoginThrottle => {
  const windows = new Map<string, Window>();

  const current = (key: string, now: number): Window | undefined => {
    const w = windows.get(key);
    if (w && w.resetAt <= now) {
      windows.delete(key);
      return undefined;
    }
    return w;
  };

  const prune = (now: number) => {
    if (windows.size < MAX_KEYS) return;
    for (const [key, w] of windows) if (w.resetAt <= now) windows.delete(key);
    // Still full: forget the oldest entries (Map keeps insertion order).
    for (const key of windows.keys()) {
      if (windows.size < MAX_KEYS) break;
      windows.delete(key);
    }
  };

  const bump = (key: string, now: number) => {
    const w = current(key, now);
    if (w) w.failures += 1;
    else {
      prune(now);
      windows.set(key, { failures: 1, resetAt: now + settings.windowMs });
    }
  };

  const lockedFor = (key: string, limit: number, now: number): number => {
    const w = current(key, now);
    return w && w.failures >= limit ? Math.max(1, Math.ceil((w.resetAt - now) / 1000)) : 0;
  };

  return {
    check: ({ account, client }, now) => {
      const wait = Math.max(
        lockedFor(`a:${account}`, settings.maxFailuresPerAccount, now),
        lockedFor(`c:${client}`, settings.maxFailuresPerClient, now),
      );
      if (wait > 0) throw new RateLimitedError(wait);
    },
    recordFailure: ({ account, client }, now) => {
      bump(`a:${account}`, now);
      bump(`c:${client}`, now);
    },
    recordSuccess: ({ account }) => {
      windows.delete(`a:${account}`);
    },
  };
};
