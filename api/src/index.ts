/**
 * @c360/api: the HTTP API. `createApp(deps)` builds the Express application from its
 * dependencies; `main.ts` is the process's composition root that opens them from the
 * environment. The port types say what the API needs from search and from Temporal.
 */
export { createApp } from './app';
export type { AppDeps } from './AppDeps';
export { apiConfigSpec, type ApiConfig } from './config/apiConfigSpec';
export { createAccessTokens, type AccessTokens } from './auth/accessTokens';
export type { Principal } from './auth/principal';
export { createLogger } from './http/httpLogger';
export type { ErrorBody } from './http/errorHandler';
export type { ReadinessCheck } from './health/readiness';
export type {
  SearchCustomers,
  CustomerSearchQuery,
  CustomerSearchPage,
  CustomerSearchHit,
} from './customers/searchPort';
export type { ReindexService, ReindexStatusView, ReindexProgressView } from './admin/reindexPort';
export { openSearchCustomers } from './customers/openSearchCustomers';
export { openSearchSegments } from './segments/openSearchSegments';
export type { SegmentSearch, SegmentRecompute } from './segments/segmentPorts';
