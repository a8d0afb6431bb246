import type { Connection } from '@temporalio/client';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Client as SearchClient } from '@opensearch-project/opensearch';
import type { ReadinessCheck } from './readiness';

/** The API's dependencies as readiness checks: a query, a cluster health call, a namespace lookup. */
export const readinessChecks = (deps: {
  orm: MikroORM;
  search: SearchClient;
  temporal: Connection;
  temporalNamespace: string;
}): ReadinessCheck[] => [
  {
    name: 'postgres',
    check: async () => {
      await deps.orm.em.getConnection().execute('select 1');
    },
  },
  {
    name: 'opensearch',
    check: async () => {
      const { body } = await deps.search.cluster.health({ timeout: '1s' });
      if (body.status === 'red')
        throw Object.assign(new Error('cluster status red'), { code: 'cluster_red' });
    },
  },
  {
    name: 'temporal',
    check: async () => {
      await deps.temporal.workflowService.describeNamespace({ namespace: deps.temporalNamespace });
    },
  },
];
