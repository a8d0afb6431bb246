import { z } from 'zod';
import type { ApiRoute } from '../http/defineRoute';
import type { RescoreService } from './rescorePort';
import { tenantRunRoutes, tenantRunStartedSchema, tenantRunStatusSchema } from './tenantRunRoutes';

const RESCORE_PATH = '/api/v1/admin/rescore';

const rescoreStartedSchema = tenantRunStartedSchema('RescoreStarted');

const rescoreStatusSchema = tenantRunStatusSchema(
  'RescoreStatus',
  z.object({
    phase: z.string().meta({ description: 'starting, model, scoring or done' }),
    total: z.number().int(),
    scored: z.number().int(),
    changed: z.number().int().meta({ description: 'customers whose stored scores changed' }),
    events: z.number().int().meta({ description: 'edge-triggered score events raised' }),
    startedAt: z.string().nullable(),
    churnModelSource: z
      .string()
      .nullable()
      .meta({ description: "trained (on the tenant's history) or default (too few churned customers)" }),
  }),
);

/** Tenant administration: a full rescore of the tenant's customers, as a Temporal workflow. */
export const rescoreRoutes = (rescore: RescoreService): ApiRoute[] =>
  tenantRunRoutes(
    {
      name: 'rescore',
      path: RESCORE_PATH,
      operationIds: { start: 'startRescore', status: 'getRescoreStatus' },
      summaries: {
        start: "Recompute the tenant's score model and every customer's scores",
        status: 'Progress of a rescore',
      },
      description:
        'Starts the rescore workflow and answers at once: first the tenant-level inputs (RFM quintiles, VIP CLV cut-offs, churn model), ' +
        'then every customer in batches. Follow it with the status URL or in Temporal UI.',
      tags: ['admin', 'scores'],
      startedSchema: rescoreStartedSchema,
      statusSchema: rescoreStatusSchema,
    },
    rescore,
  );
