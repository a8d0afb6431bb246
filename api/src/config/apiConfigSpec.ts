import { z } from 'zod';
import type { ConfigOf, ConfigSpec } from '@c360/domain';
import { workerConfigSpec } from '@c360/activities';
import type { WebhookSettings } from '../webhooks/webhookSettings';

/** A development-only signing key: refused when NODE_ENV is production (see `resolveJwtSecret`). */
export const DEV_JWT_SECRET = 'c360-dev-only-jwt-secret-change-me-0123456789';

const url = (protocols: string[]) =>
  z.url({
    protocol: new RegExp(`^(${protocols.join('|')})$`),
    message: `must be a ${protocols.join(' or ')} URL`,
  });

/** Everything the API process reads from its environment, each with a default where one is safe. */
export const apiConfigSpec = {
  NODE_ENV: {
    schema: z.enum(['development', 'test', 'production']).default('development'),
    description: 'development, test or production; production refuses development defaults for secrets',
  },
  C360_API_PORT: {
    schema: z.coerce.number().int().min(0).max(65535).default(3000),
    description: 'TCP port the API listens on (0 picks a free one)',
  },
  C360_API_HOST: {
    schema: z.string().min(1).default('127.0.0.1'),
    description: 'interface the API binds to; loopback unless deployed behind a proxy',
  },
  C360_DATABASE_URL: {
    schema: url(['postgres', 'postgresql']).default('postgres://c360:c360@127.0.0.1:55432/c360_dev'),
    description: 'PostgreSQL connection URL',
  },
  C360_OPENSEARCH_URL: {
    schema: url(['http', 'https']).default('http://127.0.0.1:9200'),
    description: 'OpenSearch base URL',
  },
  C360_INDEX_PREFIX: {
    schema: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lower-case letters, digits, - and _ only')
      .default('c360-dev-'),
    description: 'prefix of every OpenSearch index name, one per environment',
  },
  C360_TEMPORAL_ADDRESS: {
    schema: z.string().min(1).default('127.0.0.1:7233'),
    description: 'Temporal frontend host:port',
  },
  C360_TEMPORAL_NAMESPACE: {
    schema: z.string().min(1).default('default'),
    description: 'Temporal namespace',
  },
  C360_EXPORT_DIR: {
    schema: z.string().min(1).default('.data/exports'),
    description: 'folder export files are written to and downloaded from (shared with the worker)',
  },
  C360_ASSET_DIR: {
    schema: z.string().min(1).default('.data/assets'),
    description: 'folder uploaded reply assets are stored in (disk asset store; S3 is not implemented)',
  },
  C360_EXPORT_SYNC_MAX_ROWS: {
    schema: z.coerce.number().int().min(0).default(100_000),
    description: 'largest segment an export streams within the request; larger ones run as a workflow',
  },
  C360_JWT_SECRET: {
    schema: z.string().min(32, 'must be at least 32 characters').optional(),
    description: 'HMAC key that signs access tokens (HS256); required in production',
  },
  C360_JWT_TTL_SECONDS: {
    schema: z.coerce.number().int().min(60).max(86_400).default(3600),
    description: 'lifetime of an access token in seconds',
  },
  C360_STREAM_TICKET_TTL_SECONDS: {
    schema: z.coerce.number().int().min(10).max(3600).default(120),
    description: 'lifetime of a notification stream ticket (EventSource authentication) in seconds',
  },
  C360_STREAM_HEARTBEAT_SECONDS: {
    schema: z.coerce.number().int().min(1).max(300).default(15),
    description: 'seconds between heartbeat comments on an idle notification stream',
  },
  C360_META_APP_SECRET: {
    schema: z.string().min(8).optional(),
    description:
      'Meta app secret: verifies X-Hub-Signature-256 on WhatsApp and Instagram webhooks; required in production (development uses the sandbox default)',
  },
  C360_META_VERIFY_TOKEN: {
    schema: z.string().min(8).optional(),
    description: "the hub.verify_token Meta's webhook verification must present; required in production",
  },
  C360_EMAIL_INBOUND_SECRET: {
    schema: z.string().min(8).optional(),
    description:
      'HMAC key of X-Hub-Signature-256 on inbound mail posted by the mail relay; required in production',
  },
  C360_EMAIL_THREAD_WINDOW_DAYS: {
    schema: z.coerce.number().int().min(1).max(365).default(30),
    description: 'how far back an inbound mail may join a thread by subject and sender alone',
  },
  C360_SURVEY_LINK_SECRET: {
    schema: z.string().min(32, 'must be at least 32 characters').optional(),
    description:
      "HMAC key of the public survey links (/s/...), the same as the worker's; required in production",
  },
  C360_LOG_LEVEL: {
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    description: 'pino log level',
  },
  // The channel adapters, for agents' immediate replies (the same settings as the worker's).
  C360_SMTP_HOST: workerConfigSpec.C360_SMTP_HOST,
  C360_SMTP_PORT: workerConfigSpec.C360_SMTP_PORT,
  C360_SMTP_SECURE: workerConfigSpec.C360_SMTP_SECURE,
  C360_SMTP_POOL: workerConfigSpec.C360_SMTP_POOL,
  C360_SMTP_USER: workerConfigSpec.C360_SMTP_USER,
  C360_SMTP_PASSWORD: workerConfigSpec.C360_SMTP_PASSWORD,
  C360_META_GRAPH_URL: workerConfigSpec.C360_META_GRAPH_URL,
  C360_META_ACCESS_TOKEN: workerConfigSpec.C360_META_ACCESS_TOKEN,
  C360_INSTAGRAM_PROFILE_TTL_SECONDS: workerConfigSpec.C360_INSTAGRAM_PROFILE_TTL_SECONDS,
  // Reply assets: the signed links the providers fetch (the same settings as the worker's).
  C360_PUBLIC_BASE_URL: workerConfigSpec.C360_PUBLIC_BASE_URL,
  C360_ASSET_LINK_SECRET: workerConfigSpec.C360_ASSET_LINK_SECRET,
  C360_ASSET_LINK_TTL_SECONDS: workerConfigSpec.C360_ASSET_LINK_TTL_SECONDS,
  C360_EMAIL_ATTACHMENT_MAX_BYTES: workerConfigSpec.C360_EMAIL_ATTACHMENT_MAX_BYTES,
} satisfies ConfigSpec;

export type ApiConfig = ConfigOf<typeof apiConfigSpec>;

/** The development key is a convenience that must never sign production tokens. */
export const resolveJwtSecret = (config: Pick<ApiConfig, 'NODE_ENV' | 'C360_JWT_SECRET'>): string => {
  if (config.C360_JWT_SECRET) return config.C360_JWT_SECRET;
  if (config.NODE_ENV === 'production') {
    throw new Error('C360_JWT_SECRET is required when NODE_ENV=production (at least 32 characters)');
  }
  return DEV_JWT_SECRET;
};

/** The local sandbox's secrets: development and test only, like the development JWT key. */
export const SANDBOX_WEBHOOK_SECRETS = {
  metaAppSecret: 'c360-sandbox-app-secret',
  metaVerifyToken: 'c360-sandbox-verify-token',
  emailSecret: 'c360-sandbox-email-secret',
} as const;

/** The webhook secrets, the sandbox's outside production; production must set all three. */
export const resolveWebhookSettings = (
  config: Pick<
    ApiConfig,
    | 'NODE_ENV'
    | 'C360_META_APP_SECRET'
    | 'C360_META_VERIFY_TOKEN'
    | 'C360_EMAIL_INBOUND_SECRET'
    | 'C360_EMAIL_THREAD_WINDOW_DAYS'
  >,
): WebhookSettings => {
  const production = config.NODE_ENV === 'production';
  const pick = (value: string | undefined, fallback: string, name: string): string => {
    if (value) return value;
    if (production) throw new Error(`${name} is required when NODE_ENV=production`);
    return fallback;
  };
  return {
    metaAppSecret: pick(
      config.C360_META_APP_SECRET,
      SANDBOX_WEBHOOK_SECRETS.metaAppSecret,
      'C360_META_APP_SECRET',
    ),
    metaVerifyToken: pick(
      config.C360_META_VERIFY_TOKEN,
      SANDBOX_WEBHOOK_SECRETS.metaVerifyToken,
      'C360_META_VERIFY_TOKEN',
    ),
    emailSecret: pick(
      config.C360_EMAIL_INBOUND_SECRET,
      SANDBOX_WEBHOOK_SECRETS.emailSecret,
      'C360_EMAIL_INBOUND_SECRET',
    ),
    emailSubjectWindowDays: config.C360_EMAIL_THREAD_WINDOW_DAYS,
  };
};

/** Development-only key of the survey links; the worker has the same default. */
export const DEV_SURVEY_LINK_SECRET = 'c360-dev-only-survey-link-secret-0123456789';

export const resolveSurveyLinkSecret = (
  config: Pick<ApiConfig, 'NODE_ENV' | 'C360_SURVEY_LINK_SECRET'>,
): string => {
  if (config.C360_SURVEY_LINK_SECRET) return config.C360_SURVEY_LINK_SECRET;
  if (config.NODE_ENV === 'production')
    throw new Error('C360_SURVEY_LINK_SECRET is required when NODE_ENV=production (at least 32 characters)');
  return DEV_SURVEY_LINK_SECRET;
};
