import type { EventRoute } from './dispatchTypes';
import { sendRoutes } from './routes/sendRoutes';
import { slaRoutes } from './routes/slaRoutes';
import { surveyRoutes } from './routes/surveyRoutes';
import { playbookRoutes } from './routes/playbookRoutes';

/**
 * Every route the worker's relay dispatches, one import per area (each area keeps its routes in
 * `routes/<area>Routes.ts`).
 */
export const allRoutes: EventRoute[] = [
  ...sendRoutes,
  ...slaRoutes,
  ...surveyRoutes,
  // Issue 6, default playbooks.
  ...playbookRoutes,
];
