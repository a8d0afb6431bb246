/** Every workflow the worker registers. This file is the workflow bundle's entry point. */
export { reindexTenant } from './reindexTenant';
