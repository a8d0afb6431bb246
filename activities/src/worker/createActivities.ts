import type { MikroORM } from '@mikro-orm/postgresql';
import type { SearchClient } from '@c360/store';
import { createScoreActivities } from '../scores/createScoreActivities';
import type { ChannelDeps } from '../channels/channelContext';
import { createChannelActivities } from '../channels/createChannelActivities';
import { createSearchIndexActivities } from '../search/createSearchIndexActivities';
import { createSegmentActivities } from '../segments/createSegmentActivities';
import { createExportActivities } from '../exports/createExportActivities';
import type { ExportMailer } from '../exports/exportMailer';
import { createNotificationActivities } from '../notifications/createNotificationActivities';
import type { NotificationMailer } from '../notifications/notificationMailer';
import { createTimelineActivities } from '../timeline/createTimelineActivities';
import { createSendActivities } from '../engagement/createSendActivities';
import { createSlaActivities } from '../sla/createSlaActivities';
import { createSurveyActivities, type SurveyLinkSettings } from '../surveys/createSurveyActivities';
// Issue 6, default playbooks.
import { createPlaybookActivities } from '../playbooks/createPlaybookActivities';
import { createCampaignActivities } from '../campaigns/createCampaignActivities';
import { createDsrActivities, type DsrDeps } from '../privacy/createDsrActivities';
import { createRetentionActivities } from '../privacy/createRetentionActivities';

export type ActivityDeps = {
  orm: MikroORM;
  search: SearchClient;
  indexPrefix: string;
  /** Where exports are written and how they are mailed; without them the export activities are not registered. */
  exports?: { exportDir: string; mailer: ExportMailer };
  /** The channel adapters' clients and settings; without them the channel activities are not registered. */
  channels?: Omit<ChannelDeps, 'orm'>;
  /** Mails of notifications and digests to users whose preference is email (notify works without it for the other deliveries). */
  notificationMailer?: NotificationMailer;
  /** The public survey links' key and base URL; without them the survey activities are not registered. */
  surveys?: { links: SurveyLinkSettings };
  /** Data-subject requests (export folder, assets, Temporal); without them those activities are not registered. */
  dsr?: Pick<DsrDeps, 'exportDir' | 'assets' | 'temporal'>;
};

/** Every activity the worker registers, built from the process's dependencies. */
export const createActivities = (deps: ActivityDeps) => {
  const notifications = createNotificationActivities({
    orm: deps.orm,
    ...(deps.notificationMailer ? { mailer: deps.notificationMailer } : {}),
  });
  return {
    ...createSearchIndexActivities(deps),
    ...createScoreActivities(deps),
    ...createSegmentActivities(deps),
    ...createTimelineActivities(deps),
    // Exports and report runs (issue 7); their in-app notices go through `notify`.
    ...(deps.exports
      ? createExportActivities({ ...deps, ...deps.exports, notify: notifications.notify })
      : {}),
    ...(deps.channels ? createChannelActivities({ ...deps.channels, orm: deps.orm }) : {}),
    // Campaigns send in batches through the same adapters and send-path rules (issue 7).
    ...(deps.channels
      ? createCampaignActivities({
          orm: deps.orm,
          send: createSendActivities({ orm: deps.orm }),
          channels: createChannelActivities({ ...deps.channels, orm: deps.orm }),
        })
      : {}),
    // The send path's database work (issue 6).
    ...createSendActivities({ orm: deps.orm }),
    ...notifications,
    ...createSlaActivities(deps),
    ...(deps.surveys ? createSurveyActivities({ orm: deps.orm, links: deps.surveys.links }) : {}),
    // Issue 6, default playbooks.
    ...createPlaybookActivities(deps),
    ...createRetentionActivities({ ...deps, exportDir: deps.exports?.exportDir ?? deps.dsr?.exportDir }),
    ...(deps.dsr ? createDsrActivities({ ...deps, ...deps.dsr }) : {}),
  };
};
