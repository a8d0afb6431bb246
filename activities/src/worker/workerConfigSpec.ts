import { z } from 'zod';
import type { ConfigSpec } from '@c360/domain';

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
  C360_LOG_LEVEL: {
    schema: z.enum(['trace', 'debug', 'info', 'warn', 'error']).default('info'),
    description: 'log level',
  },
} satisfies ConfigSpec;
