import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { AppError, notFound, type SendContent } from '@c360/domain';
import { Campaign, CAMPAIGN_STATUSES, forTenant, Segment } from '@c360/store';
import { campaignWorkflowId, type CampaignControl } from '@c360/workflows';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import { idParamsSchema } from '../openapi/commonSchemas';
import { SEGMENT_EXPORTERS } from './segmentExportRoutes';
import { launchBodySchema } from './segmentExportSchemas';

/** Launching a playbook for every member at once is not built; playbooks start on `segment.entered` instead. */
export const PLAYBOOK_LAUNCH_MISSING =
  'launching a playbook for every current member is not built: attach the playbook to the segment ' +
  '(it then starts once for each customer who enters), or launch a campaign';

export const campaignProgressSchema = z.object({
  phase: z.string(),
  members: z.number().int(),
  round: z.number().int(),
  pages: z.number().int(),
  sent: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  deferred: z.number().int(),
  holdingUntil: z.string().nullable(),
});

const campaignReportSchema = z.object({
  members: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  skipped: z
    .record(z.string(), z.number().int())
    .meta({ description: 'members without a message, by reason' }),
  deferred: z
    .number()
    .int()
    .meta({ description: 'members the daily cap moved to a later day (then sent or skipped)' }),
  pending: z.number().int(),
});

export const campaignSchema = z
  .object({
    id: z.uuid(),
    segmentId: z.uuid().nullable(),
    name: z.string(),
    channel: z.string(),
    purpose: z.string(),
    status: z.enum(CAMPAIGN_STATUSES),
    workflowId: z.string().meta({ description: 'find it in Temporal UI' }),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    progress: campaignProgressSchema.nullable().meta({ description: 'while running: the live progress' }),
    report: campaignReportSchema.nullable().meta({
      description: 'once ended: sent + failed + every skipped reason = members',
    }),
  })
  .meta({ id: 'Campaign' });

export const campaignView = (c: Campaign, progress: z.infer<typeof campaignProgressSchema> | null) => ({
  id: c.id,
  segmentId: c.segment?.id ?? null,
  name: c.name,
  channel: c.channel,
  purpose: c.purpose,
  status: c.status,
  workflowId: c.workflowId,
  createdAt: c.createdAt.toISOString(),
  finishedAt: c.finishedAt?.toISOString() ?? null,
  progress,
  report: c.report ? { ...c.report, skipped: c.report.skipped as Record<string, number> } : null,
});

export type SegmentLaunchRouteDeps = { em: EntityManager; campaigns: CampaignControl };

const actionParams = idParamsSchema.extend({ action: z.enum(['pause', 'resume', 'cancel']) });

export const segmentLaunchRoutes = (deps: SegmentLaunchRouteDeps): ApiRoute[] => {
  const findCampaign = async (tenantId: string, id: string): Promise<Campaign> => {
    const campaign = await forTenant(deps.em.fork(), tenantId).findOne(Campaign, { id });
    if (!campaign) throw notFound('campaign', id);
    return campaign;
  };
  const view = async (c: Campaign) =>
    campaignView(
      c,
      c.status === 'done' || c.status === 'cancelled' ? null : await deps.campaigns.progress(c.id),
    );

  return [
    defineRoute({
      method: 'post',
      path: '/api/v1/segments/:id/launch',
      operationId: 'launchSegment',
      summary: 'Launch a campaign to every member of a segment',
      description:
        'Creates the campaign and starts its workflow (`campaign-<id>` in Temporal UI), which snapshots the ' +
        "segment's members, then sends each of them exactly one message through the send path's rules " +
        '(opt-in, quiet hours in their zone, the daily cap, WhatsApp’s window). Kind `playbook` answers 501: ' +
        'playbooks start per member on `segment.entered`.',
      tags: ['segments', 'campaigns'],
      access: SEGMENT_EXPORTERS,
      params: idParamsSchema,
      body: launchBodySchema,
      responses: { 202: { description: 'Launched', schema: campaignSchema } },
      errors: [404, 501],
      handler: async ({ principal, params, body }) => {
        const em = forTenant(deps.em.fork(), principal.tenantId);
        const segment = await em.findOne(Segment, { id: params.id });
        if (!segment) throw notFound('segment', params.id);
        if (body.kind !== 'campaign')
          throw new AppError('not_implemented', PLAYBOOK_LAUNCH_MISSING, { missing: ['playbook launch'] });
        const campaign = em.create(Campaign, {
          tenant: principal.tenantId,
          segment,
          name: body.name,
          channel: body.channel!,
          purpose: body.purpose,
          content: body.content as SendContent,
          createdBy: principal.userId,
          workflowId: '',
        });
        campaign.workflowId = campaignWorkflowId(campaign.id);
        await em.flush();
        // Started after the commit: a start that fails leaves a campaign the retry below can start again.
        await deps.campaigns.start({
          tenantId: principal.tenantId,
          campaignId: campaign.id,
          segmentId: segment.id,
        });
        return { status: 202, body: campaignView(campaign, null) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/campaigns/:id',
      operationId: 'getCampaign',
      summary: 'A campaign: live progress while it runs, its report once it ended',
      tags: ['campaigns'],
      access: SEGMENT_EXPORTERS,
      params: idParamsSchema,
      responses: { 200: { description: 'The campaign', schema: campaignSchema } },
      errors: [404],
      handler: async ({ principal, params }) => ({
        status: 200,
        body: await view(await findCampaign(principal.tenantId, params.id)),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/campaigns/:id/:action',
      operationId: 'controlCampaign',
      summary: 'Pause, resume or cancel a running campaign',
      description:
        'Signals the workflow. Pause holds every send from the next group on; cancel marks the members ' +
        'not yet sent as skipped (cancelled) and ends the campaign with its report. 409 once it has ended.',
      tags: ['campaigns'],
      access: SEGMENT_EXPORTERS,
      params: actionParams,
      responses: { 202: { description: 'Signalled', schema: campaignSchema } },
      errors: [404, 409],
      handler: async ({ principal, params }) => {
        const campaign = await findCampaign(principal.tenantId, params.id);
        if (campaign.status === 'done' || campaign.status === 'cancelled')
          throw new AppError('conflict', `campaign ${campaign.id} has ended (${campaign.status})`);
        await deps.campaigns.signal(campaign.id, params.action);
        if (params.action !== 'cancel') {
          campaign.status = params.action === 'pause' ? 'paused' : 'running';
          // Scoped like every query: an unscoped update is refused by the tenant filter.
          await forTenant(deps.em.fork(), principal.tenantId).nativeUpdate(
            Campaign,
            { id: campaign.id },
            { status: campaign.status },
          );
        }
        return { status: 202, body: await view(campaign) };
      },
    }),
  ];
};
