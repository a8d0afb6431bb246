import { z } from 'zod';
import type { ConfigSpec } from '@c360/domain';

/** Development-only key of the signed asset links; the API has the same default. */
export const DEV_ASSET_LINK_SECRET = 'c360-dev-only-asset-link-secret-0123456789';

/** Development-only key of the survey links; the API has the same default. */
export const DEV_SURVEY_LINK_SECRET = 'c360-dev-only-survey-link-secret-0123456789';

const int = (d: number) => z.coerce.number().int().positive().default(d);

export const workerConfigSpec = {
  C360_DATABASE_URL: {
    schema: z.string().url().default('postgres://c360:c360@127.0.0.1:55432/c360_dev'),
    description: 'PostgreSQL connection URL',
  },
  C360_OPENSEARCH_URL: {
    schema: z.string().url().default('http://127.0.0.1:9200'),
    description: 'OpenSearch base URL',
  },
  C360_INDEX_PREFIX: {
    schema: z.string().default('c360-dev-'),
    description: 'prefix of every OpenSearch index name (one per environment)',
  },
  C360_TEMPORAL_ADDRESS: {
    schema: z.string().default('127.0.0.1:7233'),
    description: 'Temporal frontend host:port',
  },
  C360_TEMPORAL_NAMESPACE: { schema: z.string().default('default'), description: 'Temporal namespace' },
  C360_RELAY_BATCH_SIZE: { schema: int(500), description: 'outbox events the relay takes per transaction' },
  C360_RELAY_MAX_BACKOFF_MS: {
    schema: int(30_000),
    description: 'longest wait between relay retries while a dependency is down',
  },
  C360_SEGMENT_MATCHER: {
    schema: z.enum(['evaluator', 'percolator']).default('evaluator'),
    description:
      'how the relay finds the segments of a changed customer: the in-memory evaluator, or the OpenSearch percolator (bench/segmentMembership.ts compares them)',
  },
  C360_SEGMENT_SWEEP_EVERY: {
    schema: z.string().default('5m'),
    description: 'how often the relative-time segment sweep Schedule runs (created at first start)',
  },
  C360_SEGMENT_RECONCILE_CRON: {
    schema: z.string().default('30 3 * * *'),
    description: 'when the segment reconciliation Schedule runs, cron in UTC (created at first start)',
  },
  C360_EXPORT_DIR: {
    schema: z.string().min(1).default('.data/exports'),
    description: 'folder export files are written to (the API serves them from the same folder)',
  },
  C360_ASSET_DIR: {
    schema: z.string().min(1).default('.data/assets'),
    description:
      'folder reply assets and inbound attachments are stored in (the API writes there; erasure deletes)',
  },
  C360_RETENTION_CRON: {
    schema: z.string().default('15 2 * * *'),
    description: 'when the retention purge Schedule runs, cron in UTC (created at first start)',
  },
  C360_SMTP_HOST: { schema: z.string().min(1).default('127.0.0.1'), description: 'SMTP server for e-mail' },
  C360_SMTP_PORT: {
    schema: z.coerce.number().int().min(1).max(65535).default(2525),
    description: 'SMTP port (the local capture sandbox in development)',
  },
  C360_SMTP_SECURE: {
    schema: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    description: 'true for implicit TLS (port 465)',
  },
  C360_SMTP_POOL: {
    schema: z.coerce.number().int().min(0).max(100).default(8),
    description:
      'SMTP connections kept open and reused (a campaign sends through them); 0 opens one connection per mail',
  },
  C360_SMTP_USER: { schema: z.string().optional(), description: 'SMTP user, if the server wants one' },
  C360_SMTP_PASSWORD: { schema: z.string().optional(), description: 'SMTP password' },
  C360_MAIL_FROM: {
    schema: z.string().min(3).default('Customer 360 <no-reply@c360.local>'),
    description: 'sender of platform e-mails (export deliveries)',
  },
  C360_META_GRAPH_URL: {
    schema: z.string().url().default('http://127.0.0.1:3900/v21.0'),
    description:
      'Graph API base URL with its version (the local sandbox by default; https://graph.facebook.com/v21.0 in production)',
  },
  C360_META_ACCESS_TOKEN: {
    schema: z.string().min(1).default('c360-sandbox-token'),
    description: "system-user access token of the Meta app (the sandbox's by default)",
  },
  C360_INSTAGRAM_PROFILE_TTL_SECONDS: {
    schema: int(86_400),
    description: 'how long a looked-up Instagram username is trusted before it is fetched again',
  },
  C360_SURVEY_LINK_SECRET: {
    schema: z.string().min(32, 'must be at least 32 characters').default(DEV_SURVEY_LINK_SECRET),
    description:
      'HMAC key of the public survey links (the API verifies them with the same key); set it in production',
  },
  C360_PUBLIC_BASE_URL: {
    schema: z.string().url().default('http://127.0.0.1:3000'),
    description: 'where customers reach the API: the base of the public survey links (/s/...)',
  },
  C360_ASSET_LINK_SECRET: {
    schema: z.string().min(32, 'must be at least 32 characters').default(DEV_ASSET_LINK_SECRET),
    description:
      'HMAC key of the signed asset links WhatsApp and Instagram fetch media from (the API verifies them with the same key); set it in production',
  },
  C360_ASSET_LINK_TTL_SECONDS: {
    schema: int(3600),
    description: 'how long a signed asset link given to a provider or shown in the inbox stays valid',
  },
  C360_EMAIL_ATTACHMENT_MAX_BYTES: {
    schema: int(10 * 1024 * 1024),
    description: 'largest reply asset sent as an e-mail attachment (bigger ones are refused with a 400)',
  },
  C360_LOG_LEVEL: {
    schema: z.enum(['trace', 'debug', 'info', 'warn', 'error']).default('info'),
    description: 'log level',
  },
} satisfies ConfigSpec;
