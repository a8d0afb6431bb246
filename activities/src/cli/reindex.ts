import { createSearchClient, recreateCustomerIndexIfIncompatible } from '@c360/store';
import { getReindexStatus, startReindex } from '@c360/workflows';
import { runMain, runTenantCli } from './tenantRunCli';

/**
 * `reindex [--all | --tenant <id|slug>] [--wait]`: starts a reindex workflow per tenant and,
 * with --wait, prints progress until each completes. The worker process must be running. With
 * --all, an index whose mapping is incompatible with today's fields is recreated first (every
 * tenant is rebuilt right after, so nothing is lost).
 */
runMain(() =>
  runTenantCli(
    {
      name: 'reindex',
      start: startReindex,
      status: getReindexStatus,
      beforeAll: async (config) => {
        const search = createSearchClient(config.C360_OPENSEARCH_URL);
        try {
          if (await recreateCustomerIndexIfIncompatible(search, config.C360_INDEX_PREFIX))
            console.log('the customers index had an older, incompatible mapping: recreated it empty');
        } finally {
          await search.close();
        }
      },
      describe: (status) => {
        const p = status?.progress;
        return `${status?.status}, ${p?.indexed} indexed of ${p?.total}, ${p?.removed} stale removed`;
      },
    },
    process.argv.slice(2),
  ),
);
