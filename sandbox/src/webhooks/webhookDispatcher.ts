import type { Logger } from 'pino';
import { newIds } from '../state/ids';
import type { SandboxState, WebhookChannel, WebhookDelivery } from '../state/sandboxState';
import { hubSignature } from './signature';

const ATTEMPT_TIMEOUT_MS = 10_000;
const KEPT_RESPONSE_CHARS = 500;

export type WebhookDispatcher = {
  /** Queues a signed POST of `body` to the channel's URL; retried with backoff until 2xx. */
  send(
    channel: WebhookChannel,
    body: string,
    options?: { contentType?: string; headers?: Record<string, string> },
  ): WebhookDelivery;
  /** Runs `fn` after `ms`, unless the sandbox closes first. */
  later(ms: number, fn: () => void): void;
  /** Drops every scheduled retry and status (reset); attempts already on the wire finish. */
  cancelPending(): void;
  /** Stops retries and timers, and waits for attempts already on the wire. */
  close(): Promise<void>;
};

/**
 * Delivers webhooks as Meta does: a POST signed with the app secret over the raw body, retried
 * after each non-2xx answer or network error with the configured backoff, every attempt recorded.
 * Email uses the same path with its own secret.
 */
export const createWebhookDispatcher = (state: SandboxState, logger: Logger): WebhookDispatcher => {
  const timers = new Set<NodeJS.Timeout>();
  const inFlight = new Set<Promise<void>>();
  let closed = false;

  const later = (ms: number, fn: () => void) => {
    if (closed) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!closed) fn();
    }, ms);
    timers.add(timer);
  };

  const attempt = async (delivery: WebhookDelivery): Promise<void> => {
    const number = delivery.attempts.length + 1;
    const at = new Date().toISOString();
    let status: number | null = null;
    let error: string | null = null;
    let responseBody: string | null = null;
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: { 'content-type': delivery.contentType, ...delivery.headers },
        body: delivery.body,
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      });
      status = response.status;
      responseBody = (await response.text()).slice(0, KEPT_RESPONSE_CHARS);
    } catch (cause) {
      error = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    }
    delivery.attempts.push({ attempt: number, at, status, error, responseBody });
    if (status !== null && status >= 200 && status < 300) {
      delivery.state = 'delivered';
      delivery.nextAttemptAt = null;
      return;
    }
    const delay = state.settings.retryDelaysMs[number - 1];
    if (delay === undefined) {
      delivery.state = 'failed';
      delivery.nextAttemptAt = null;
      logger.warn({ delivery: delivery.id, url: delivery.url, status, error }, 'webhook gave up');
      return;
    }
    delivery.nextAttemptAt = new Date(Date.now() + delay).toISOString();
    logger.info({ delivery: delivery.id, status, error, retryInMs: delay }, 'webhook attempt failed');
    later(delay, () => run(delivery));
  };

  const run = (delivery: WebhookDelivery) => {
    const pending = attempt(delivery).finally(() => inFlight.delete(pending));
    inFlight.add(pending);
  };

  return {
    send(channel, body, options = {}) {
      const secret = channel === 'email' ? state.settings.emailSecret : state.settings.appSecret;
      const delivery: WebhookDelivery = {
        id: newIds.deliveryId(),
        channel,
        url: state.settings.webhookUrls[channel],
        contentType: options.contentType ?? 'application/json',
        headers: { 'x-hub-signature-256': hubSignature(secret, body), ...options.headers },
        body,
        state: 'pending',
        attempts: [],
        nextAttemptAt: new Date().toISOString(),
      };
      state.deliveries.push(delivery);
      if (!closed) run(delivery);
      return delivery;
    },
    later,
    cancelPending() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
    async close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.allSettled([...inFlight]);
    },
  };
};
