import { ApplicationFailure } from '@temporalio/activity';
import { CHANNEL_FAILURES } from '@c360/workflows';

export type ChannelFailureKind = keyof typeof CHANNEL_FAILURES;

/**
 * A failed provider call, classified: whether trying again can help, and when the provider said
 * to try again (429 `Retry-After`, Meta's usage headers). Adapters throw it; `toActivityFailure`
 * turns it into what Temporal's retry policy understands.
 */
export class ChannelError extends Error {
  constructor(
    readonly kind: ChannelFailureKind,
    message: string,
    readonly details: { status?: number; providerCode?: number; retryAfterMs?: number } = {},
  ) {
    super(message);
    this.name = 'ChannelError';
  }

  get retryable(): boolean {
    return this.kind === 'transient';
  }
}

/**
 * The Temporal failure for a channel error: non-retryable unless transient, and a transient one
 * carries the provider's retry delay as `nextRetryDelay`, which overrides the retry policy's backoff.
 */
export const toActivityFailure = (error: unknown): unknown => {
  if (!(error instanceof ChannelError)) return error;
  return ApplicationFailure.create({
    message: error.message,
    type: CHANNEL_FAILURES[error.kind],
    nonRetryable: !error.retryable,
    details: [error.details],
    ...(error.retryable && error.details.retryAfterMs !== undefined
      ? { nextRetryDelay: error.details.retryAfterMs }
      : {}),
  });
};
