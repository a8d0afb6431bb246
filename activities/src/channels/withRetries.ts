import { ChannelError } from './channelError';

export type RetrySettings = {
  /** Calls in all, the first included. */
  attempts: number;
  /** First backoff after a transient failure without retry information; doubles each time. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A provider asking to wait longer than this is not waited for here: the activity fails and Temporal retries later. */
  maxRetryAfterMs: number;
};

export const DEFAULT_RETRY: RetrySettings = {
  attempts: 3,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 10_000,
};

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls `fn` again after a transient ChannelError, waiting what the provider asked (Retry-After)
 * or an exponential backoff. A short wait is done in the activity (cheaper than a Temporal retry);
 * anything longer, and the last failure, are thrown for Temporal's retry policy to handle.
 */
export const withRetries = async <T>(
  fn: () => Promise<T>,
  settings: RetrySettings,
  sleep: Sleep,
  onRetry?: (info: { attempt: number; delayMs: number; error: ChannelError }) => void,
): Promise<T> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fn();
    } catch (error) {
      if (!(error instanceof ChannelError) || !error.retryable || attempt >= settings.attempts) throw error;
      const asked = error.details.retryAfterMs;
      if (asked !== undefined && asked > settings.maxRetryAfterMs) throw error;
      const delayMs = asked ?? Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (attempt - 1));
      onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs);
    }
  }
};
