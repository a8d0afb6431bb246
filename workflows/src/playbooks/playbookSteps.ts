import { proxyActivities } from '@temporalio/workflow';
import type { PlaybookActivities } from '../shared/playbookActivityTypes';
import type { PlaybookCollaboratorActivities } from '../shared/playbookCollaboratorTypes';

/**
 * The activities every playbook calls, with the same timeouts: database writes are short, and a
 * retry is safe because each step is idempotent (keys come from the workflow's business id).
 */
export const playbookSteps = proxyActivities<PlaybookActivities & PlaybookCollaboratorActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
