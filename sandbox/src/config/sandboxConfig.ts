import { z } from 'zod';

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
const httpUrl = (fallback: string) =>
  z.url({ protocol: /^https?$/, message: 'must be an http or https URL' }).default(fallback);
const delays = z
  .string()
  .regex(/^\d+(,\d+)*$/, 'must be a comma-separated list of milliseconds')
  .transform((s) => s.split(',').map(Number));

/**
 * Everything the sandbox process reads from its environment, each with a default and a
 * description. The platform must be configured with the same secrets and ids (see README).
 */
export const sandboxConfigSpec = {
  C360_SANDBOX_HOST: {
    schema: z.string().min(1).default('127.0.0.1'),
    description: 'interface the HTTP and SMTP servers bind to; loopback only by default',
  },
  C360_SANDBOX_PORT: { schema: port(3900), description: 'HTTP port (Graph API + /_control); 0 picks one' },
  C360_SANDBOX_SMTP_PORT: { schema: port(2525), description: 'SMTP capture port; 0 picks one' },
  C360_SANDBOX_ACCESS_TOKEN: {
    schema: z.string().min(1).default('c360-sandbox-token'),
    description: 'the bearer token the Graph API stand-in accepts',
  },
  C360_SANDBOX_APP_SECRET: {
    schema: z.string().min(1).default('c360-sandbox-app-secret'),
    description: 'app secret: key of the X-Hub-Signature-256 HMAC on every webhook POST',
  },
  C360_SANDBOX_VERIFY_TOKEN: {
    schema: z.string().min(1).default('c360-sandbox-verify-token'),
    description: 'hub.verify_token sent with the GET verification challenge',
  },
  C360_SANDBOX_EMAIL_SECRET: {
    schema: z.string().min(1).default('c360-sandbox-email-secret'),
    description: 'key of the X-Hub-Signature-256 HMAC on inbound mail POSTed to the platform',
  },
  C360_SANDBOX_WHATSAPP_WEBHOOK_URL: {
    schema: httpUrl('http://127.0.0.1:3000/api/v1/webhooks/whatsapp'),
    description: 'where WhatsApp webhooks (messages, statuses) are delivered',
  },
  C360_SANDBOX_INSTAGRAM_WEBHOOK_URL: {
    schema: httpUrl('http://127.0.0.1:3000/api/v1/webhooks/instagram'),
    description: 'where Instagram webhooks (messages, comments, story replies, mentions) are delivered',
  },
  C360_SANDBOX_EMAIL_INBOUND_URL: {
    schema: httpUrl('http://127.0.0.1:3000/api/v1/webhooks/email/inbound'),
    description: 'where inbound mail (raw MIME, message/rfc822) is POSTed',
  },
  C360_SANDBOX_WEBHOOK_RETRY_MS: {
    schema: delays.default([1000, 5000, 30_000, 120_000, 600_000, 3_600_000]),
    description: 'waits before each webhook retry after a non-2xx answer or a network error',
  },
  C360_SANDBOX_STATUS_DELAY_MS: {
    schema: z.coerce.number().int().min(0).default(300),
    description: 'wait between a WhatsApp send and each of its automatic status webhooks',
  },
  C360_SANDBOX_AUTO_STATUSES: {
    schema: z
      .string()
      .regex(/^((sent|delivered|read)(,(sent|delivered|read))*)?$/, 'comma-separated sent, delivered, read')
      .default('sent,delivered,read')
      .transform((s) => (s === '' ? [] : (s.split(',') as ('sent' | 'delivered' | 'read')[]))),
    description: 'status webhooks emitted after each accepted WhatsApp send, in order (empty: none)',
  },
  C360_SANDBOX_ENFORCE_SERVICE_WINDOW: {
    schema: z
      .enum(['true', 'false'], { message: 'must be true or false' })
      .default('false')
      .transform((v) => v === 'true'),
    description: 'fail non-template WhatsApp sends outside the 24-hour customer service window (131047)',
  },
  C360_LOG_LEVEL: {
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    description: 'pino log level',
  },
} as const;

type Spec = typeof sandboxConfigSpec;
export type SandboxConfig = { [K in keyof Spec]: z.output<Spec[K]['schema']> };

/** Reads the environment; every bad variable is named in one error. */
export const loadSandboxConfig = (env: Record<string, string | undefined>): SandboxConfig => {
  const problems: string[] = [];
  const config: Record<string, unknown> = {};
  for (const [name, { schema }] of Object.entries(sandboxConfigSpec)) {
    const raw = env[name];
    const result = (schema as z.ZodType).safeParse(
      raw === '' && name !== 'C360_SANDBOX_AUTO_STATUSES' ? undefined : raw,
    );
    if (result.success) config[name] = result.data;
    else problems.push(`${name}: ${result.error.issues.map((i) => i.message).join('; ')}`);
  }
  if (problems.length > 0) throw new Error(`invalid sandbox configuration:\n  ${problems.join('\n  ')}`);
  return config as SandboxConfig;
};
