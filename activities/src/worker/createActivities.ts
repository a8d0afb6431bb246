import type { MikroORM } from '@mikro-orm/postgresql';
import type { SearchClient } from '@c360/store';
import { createScoreActivities } from '../scores/createScoreActivities';
import type { ChannelDeps } from '../channels/channelContext';
import { createChannelActivities } from '../channels/createChannelActivities';
import { createSearchIndexActivities } from '../search/createSearchIndexActivities';
import { createSegmentActivities } from '../segments/createSegmentActivities';
import { createExportActivities } from '../exports/createExportActivities';
import type { ExportMailer } from '../exports/exportMailer';
import { createTimelineActivities } from '../timeline/createTimelineActivities';

export type ActivityDeps = {
  orm: MikroORM;
  search: SearchClient;
  indexPrefix: string;
  /** Where exports are written and how they are mailed; without them the export activities are not registered. */
  exports?: { exportDir: string; mailer: ExportMailer };
  /** The channel adapters' clients and settings; without them the channel activities are not registered. */
  channels?: Omit<ChannelDeps, 'orm'>;
};

/** Every activity the worker registers, built from the process's dependencies. */
export const createActivities = (deps: ActivityDeps) => ({
  ...createSearchIndexActivities(deps),
  ...createScoreActivities(deps),
  ...createSegmentActivities(deps),
  ...createTimelineActivities(deps),
  ...(deps.exports ? createExportActivities({ ...deps, ...deps.exports }) : {}),
  ...(deps.channels ? createChannelActivities({ ...deps.channels, orm: deps.orm }) : {}),
});
