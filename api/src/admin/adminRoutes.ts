import { z } from 'zod';
import type { ApiRoute } from '../http/defineRoute';
import type { ReindexService } from './reindexPort';
import { tenantRunRoutes, tenantRunStartedSchema, tenantRunStatusSchema } from './tenantRunRoutes';

const REINDEX_PATH = '/api/v1/admin/reindex';

const reindexStartedSchema = tenantRunStartedSchema(
  'ReindexStarted',
  'reindex-3f6c2b1e-6a1d-4c1e-9f8a-2b7d7e0c1a55-9b1d...',
);

const reindexStatusSchema = tenantRunStatusSchema(
  'ReindexStatus',
  z.object({
    phase: z.string().meta({ description: 'starting, indexing, cleaning or done' }),
    total: z.number().int(),
    indexed: z.number().int(),
    stale: z.number().int(),
    removed: z.number().int(),
    startedAt: z.string().nullable(),
  }),
);

/** Tenant administration: a full reindex of the tenant's customers, as a Temporal workflow. */
export const adminRoutes = (reindex: ReindexService): ApiRoute[] =>
  tenantRunRoutes(
    {
      name: 'reindex',
      path: REINDEX_PATH,
      operationIds: { start: 'startReindex', status: 'getReindexStatus' },
      summaries: {
        start: "Rebuild the tenant's customer search index from PostgreSQL",
        status: 'Progress of a reindex',
      },
      description:
        'Starts the reindex workflow and answers at once; follow it with the status URL or in Temporal UI.',
      tags: ['admin'],
      startedSchema: reindexStartedSchema,
      statusSchema: reindexStatusSchema,
    },
    reindex,
  );
