import type { MikroORM } from '@mikro-orm/postgresql';
import type { PlaybookActivities } from '@c360/workflows';
import { createCustomerSteps } from './customerSteps';
import { createFollowUpTicketSteps } from './followUpTickets';
import { createSegmentEntryClaims } from './segmentEntryClaims';

export type PlaybookActivityDeps = { orm: MikroORM };

/** The default playbooks' own steps (tags, tickets, engagement, segment entries). */
export const createPlaybookActivities = (deps: PlaybookActivityDeps): PlaybookActivities => ({
  ...createCustomerSteps(deps.orm),
  ...createFollowUpTicketSteps(deps.orm),
  ...createSegmentEntryClaims(deps.orm),
});
