import type { MikroORM } from '@mikro-orm/postgresql';
import { forTenant, Notification, TimelineEvent } from '@c360/store';
import { createNotificationActivities } from '../../../notifications/createNotificationActivities';
import { createTimelineActivities } from '../../../timeline/createTimelineActivities';
import type { SlaFixture } from './slaFixture';

/** The real activities the SLA clock calls besides its own: `notify` and `recordTimelineEvent`. */
export const peerActivities = (orm: MikroORM) => ({
  notify: createNotificationActivities({ orm }).notify,
  ...createTimelineActivities({ orm }),
});

export const notificationsFor = (orm: MikroORM, f: SlaFixture, userId: string) =>
  forTenant(orm.em.fork(), f.tenantId).find(Notification, { user: userId }, { orderBy: { seq: 'asc' } });

export const timelineOf = (orm: MikroORM, f: SlaFixture, kind: string) =>
  forTenant(orm.em.fork(), f.tenantId).find(TimelineEvent, { kind }, { orderBy: { occurredAt: 'asc' } });
