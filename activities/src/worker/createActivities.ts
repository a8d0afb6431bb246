import type { MikroORM } from '@mikro-orm/postgresql';
import type { SearchClient } from '@c360/store';
import { createSearchIndexActivities } from '../search/createSearchIndexActivities';

export type ActivityDeps = { orm: MikroORM; search: SearchClient; indexPrefix: string };

/** Every activity the worker registers, built from the process's dependencies. */
export const createActivities = (deps: ActivityDeps) => ({
  ...createSearchIndexActivities(deps),
});
