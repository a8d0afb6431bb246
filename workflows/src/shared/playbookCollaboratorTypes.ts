import type { NotificationActivities } from './notificationActivityTypes';
import type { TimelineActivities } from './timelineActivityTypes';

/**
 * The activities of other areas that playbooks call: `notify` (notifications) and
 * `recordTimelineEvent` (the customer's timeline). Both are idempotent by their dedupeKey,
 * which the playbooks build from their workflow id and step.
 */
export type PlaybookCollaboratorActivities = TimelineActivities & Pick<NotificationActivities, 'notify'>;
