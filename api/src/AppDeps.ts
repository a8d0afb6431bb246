import type { Logger } from 'pino';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessTokens } from './auth/accessTokens';
import type { LoginThrottleSettings } from './auth/loginThrottle';
import type { ReadinessCheck } from './health/readiness';
import type { SearchCustomers } from './customers/searchPort';
import type { ReindexService } from './admin/reindexPort';

/**
 * Everything the HTTP layer needs from the outside, opened by the composition root (main.ts)
 * or by a test. The app itself opens no connection and reads no environment.
 */
export type AppDeps = {
  logger: Logger;
  /** The ORM's root entity manager; every request works on its own fork. */
  em: EntityManager;
  tokens: AccessTokens;
  searchCustomers: SearchCustomers;
  reindex: ReindexService;
  readiness: ReadinessCheck[];
  /** The clock; tests may pin it. */
  now?: () => Date;
  loginThrottle?: LoginThrottleSettings;
  /** Reported in the OpenAPI document. */
  version?: string;
};
