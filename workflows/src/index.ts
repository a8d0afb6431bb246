/**
 * @c360/workflows: the deterministic workflow code, plus what crosses process boundaries with
 * it: activity contracts, queries, signals and search attribute keys. Clients import types and
 * constants from here; the worker bundles `workflowsPath`.
 */
export * from './shared/searchAttributes';
export * from './shared/activityTypes';
export * from './shared/queries';
export type { ReindexTenantInput } from './reindexTenant';
export type { reindexTenant } from './reindexTenant';

/** The entry the worker's bundler loads: sources under jest and tsx, compiled JS otherwise. */
export const workflowsPath: string = require.resolve('./all');
export * from './client/startReindex';
