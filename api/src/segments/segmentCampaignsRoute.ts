import { z } from 'zod';
import { notFound } from '@c360/domain';
import { Campaign, forTenant, Segment } from '@c360/store';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import { idParamsSchema, pageInfoFields, pageQueryFields, userRefSchema } from '../openapi/commonSchemas';
import { SEGMENT_EXPORTERS } from './segmentExportRoutes';
import { campaignSchema, campaignView, type SegmentLaunchRouteDeps } from './segmentLaunchRoutes';

const segmentCampaignSchema = campaignSchema
  .extend({
    launchedBy: userRefSchema
      .nullable()
      .meta({ description: 'who launched it (null once that user is deleted)' }),
  })
  .meta({ id: 'SegmentCampaign' });

const segmentCampaignListSchema = z
  .object({ items: z.array(segmentCampaignSchema), ...pageInfoFields })
  .meta({ id: 'SegmentCampaignList' });

/** `GET /segments/:id/campaigns`: what was launched from a segment, so it survives a page reload. */
export const segmentCampaignsRoute = (deps: SegmentLaunchRouteDeps): ApiRoute =>
  defineRoute({
    method: 'get',
    path: '/api/v1/segments/:id/campaigns',
    operationId: 'listSegmentCampaigns',
    summary: "A segment's campaigns, newest first",
    description:
      'Each with its stored status and, once ended, its report (sent + failed + skipped = members); a running or ' +
      'paused one carries its live progress from the workflow (null when no worker answers within 3 s).',
    tags: ['segments', 'campaigns'],
    access: SEGMENT_EXPORTERS,
    params: idParamsSchema,
    query: z.object(pageQueryFields),
    responses: { 200: { description: 'One page of campaigns', schema: segmentCampaignListSchema } },
    errors: [404],
    handler: async ({ principal, params, query }) => {
      const em = forTenant(deps.em.fork(), principal.tenantId);
      if (!(await em.count(Segment, { id: params.id }))) throw notFound('segment', params.id);
      const [campaigns, total] = await em.findAndCount(
        Campaign,
        { segment: params.id },
        {
          orderBy: { createdAt: 'desc', id: 'desc' },
          limit: query.pageSize,
          offset: (query.page - 1) * query.pageSize,
          populate: ['createdBy'],
        },
      );
      const items = await Promise.all(
        campaigns.map(async (c) => {
          const ended = c.status === 'done' || c.status === 'cancelled';
          const progress = ended ? null : await deps.campaigns.progress(c.id).catch(() => null);
          const user = c.createdBy?.getEntity();
          return {
            ...campaignView(c, progress),
            launchedBy: user ? { id: user.id, name: user.name } : null,
          };
        }),
      );
      return { status: 200, body: { items, page: query.page, pageSize: query.pageSize, total } };
    },
  });
