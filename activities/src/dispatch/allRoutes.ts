import type { EventRoute } from './dispatchTypes';

/**
 * Every route the worker's relay dispatches, one import per area (each area keeps its routes in
 * `routes/<area>Routes.ts`).
 */
export const allRoutes: EventRoute[] = [];
