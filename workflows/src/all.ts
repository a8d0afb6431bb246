/** Every workflow the worker registers. This file is the workflow bundle's entry point. */
export { reindexTenant } from './reindexTenant';
export { rescoreTenant } from './rescoreTenant';
export { recomputeSegment } from './recomputeSegment';
export { sweepRelativeSegments } from './sweepRelativeSegments';
export { reconcileSegments } from './reconcileSegments';
export { exportSegment } from './exportSegment';
