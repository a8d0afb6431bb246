import { startSandbox, type RunningSandbox } from '../../sandbox';
import { startWebhookReceiver, type WebhookReceiver } from './webhookReceiver';

// Answers are read field by field in expectations; typing every Graph shape here would only repeat them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyJson = any;

export type TestSandbox = {
  sandbox: RunningSandbox;
  receiver: WebhookReceiver;
  /** JSON over HTTP to the sandbox; `token: null` sends no Authorization header. */
  call: (
    method: string,
    path: string,
    body?: unknown,
    token?: string | null,
  ) => Promise<{ status: number; headers: Headers; json: AnyJson }>;
  close: () => Promise<void>;
};

/** A sandbox on free ports whose webhooks go to a local receiver, with short retry waits. */
export const startTestSandbox = async (
  overrides: Parameters<typeof startSandbox>[0] = {},
): Promise<TestSandbox> => {
  const receiver = await startWebhookReceiver();
  const sandbox = await startSandbox({
    C360_SANDBOX_WHATSAPP_WEBHOOK_URL: `${receiver.base}/webhooks/whatsapp`,
    C360_SANDBOX_INSTAGRAM_WEBHOOK_URL: `${receiver.base}/webhooks/instagram`,
    C360_SANDBOX_EMAIL_INBOUND_URL: `${receiver.base}/webhooks/email/inbound`,
    C360_SANDBOX_WEBHOOK_RETRY_MS: [20, 40, 80],
    C360_SANDBOX_STATUS_DELAY_MS: 5,
    ...overrides,
  });
  const call: TestSandbox['call'] = async (method, path, body, token = sandbox.accessToken) => {
    const response = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    let json: unknown = text;
    try {
      json = text === '' ? null : JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, json };
  };
  return {
    sandbox,
    receiver,
    call,
    close: async () => {
      await sandbox.close();
      await receiver.close();
    },
  };
};

/** Waits until `check` returns a value (not a timing assertion: it fails only when nothing comes). */
type Maybe<T> = T | undefined | null | false;
export const eventually = async <T>(
  check: () => Maybe<T> | Promise<Maybe<T>>,
  what: string,
  timeoutMs = 15_000,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};
