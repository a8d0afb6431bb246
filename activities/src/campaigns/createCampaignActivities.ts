import { Context } from '@temporalio/activity';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  groupByMoment,
  isQuietAt,
  localDayOf,
  nextDaySlot,
  planSend,
  quietHoursEndAfter,
  sendWorkflowId,
  type CampaignReport,
  type CampaignSkipReason,
  type PlannedMember,
  type SendRequest,
} from '@c360/domain';
import { AuditLog, Campaign, forTenant } from '@c360/store';
import {
  toChannelCall,
  type CampaignActivities,
  type CampaignInput,
  type ChannelActivities,
  type SendActivities,
} from '@c360/workflows';
import { ChannelError } from '../channels/channelError';
import { loadSendContexts } from '../engagement/loadSendContext';

export type CampaignActivityDeps = {
  orm: MikroORM;
  /** The send path's activities: the campaign plans and reserves exactly as a single send does. */
  send: SendActivities;
  /** The channel adapters, called in-process by the batch. */
  channels: ChannelActivities;
  clock?: () => Date;
  /** Members sent at once within a batch. */
  concurrency?: number;
};

type MemberRow = { customer_id: string; not_before: Date | null; deferrals: number };

const CAMPAIGN_STEP = 'campaign';

const heartbeat = (details?: unknown): void => {
  try {
    Context.current().heartbeat(details);
  } catch {
    // Called outside an activity (a test of the functions themselves): nothing to heartbeat.
  }
};

/** Runs `work` over `items` with at most `limit` at a time. */
const forEachLimited = async <T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) => {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
};

/** The campaign's work on the database and the adapters; see `campaignWorkflow`. */
export const createCampaignActivities = (deps: CampaignActivityDeps): CampaignActivities => {
  const clock = deps.clock ?? (() => new Date());
  const concurrency = deps.concurrency ?? 8;
  const scoped = (tenantId: string) => forTenant(deps.orm.em.fork(), tenantId);

  const loadCampaign = async (input: CampaignInput): Promise<Campaign> => {
    const campaign = await scoped(input.tenantId).findOne(Campaign, { id: input.campaignId });
    if (!campaign) throw new Error(`campaign ${input.campaignId} not found in tenant ${input.tenantId}`);
    return campaign;
  };

  const requestFor = (campaign: Campaign, customerId: string): SendRequest => ({
    tenantId: campaign.tenant,
    customerId,
    source: { kind: 'campaign', id: campaign.id },
    step: CAMPAIGN_STEP,
    channel: campaign.channel,
    content: campaign.content,
    purpose: campaign.purpose,
  });

  /** The send contexts of a page or batch, set-based (the single send loads one the same way). */
  const contextsFor = (campaign: Campaign, rows: readonly MemberRow[]) =>
    loadSendContexts(
      scoped(campaign.tenant),
      campaign.tenant,
      campaign.channel,
      rows.map((r) => r.customer_id),
    );

  const mark = async (
    input: CampaignInput,
    customerId: string,
    change: { status: string; reason?: CampaignSkipReason | null; messageId?: string | null },
  ): Promise<void> => {
    await deps.orm.em.fork().execute(
      `update campaign_member set status = ?, reason = ?, message_id = coalesce(?, message_id), done_at = now()
       where tenant_id = ? and campaign_id = ? and customer_id = ? and step = ?`,
      [
        change.status,
        change.reason ?? null,
        change.messageId ?? null,
        input.tenantId,
        input.campaignId,
        customerId,
        CAMPAIGN_STEP,
      ],
    );
  };

  return {
    async snapshotCampaignMembers(input) {
      const em = deps.orm.em.fork();
      // One statement, so the snapshot is the membership at one instant; taken once per campaign.
      await em.execute(
        `insert into campaign_member (id, tenant_id, created_at, campaign_id, customer_id, step, status, deferrals)
         select gen_random_uuid(), sm.tenant_id, now(), c.id, sm.customer_id, ?, 'pending', 0
         from campaign c join segment_membership sm on sm.segment_id = c.segment_id and sm.tenant_id = c.tenant_id
         where c.tenant_id = ? and c.id = ?
           and not exists (select 1 from campaign_member x where x.tenant_id = c.tenant_id and x.campaign_id = c.id)
         on conflict do nothing`,
        [CAMPAIGN_STEP, input.tenantId, input.campaignId],
      );
      const [row] = await em.execute<{ n: string }[]>(
        'select count(*) as n from campaign_member where tenant_id = ? and campaign_id = ?',
        [input.tenantId, input.campaignId],
      );
      return { members: Number(row?.n ?? 0) };
    },

    async planCampaignPage(input) {
      const campaign = await loadCampaign(input);
      const rows = await deps.orm.em.fork().execute<MemberRow[]>(
        `select customer_id, not_before, deferrals from campaign_member
         where tenant_id = ? and campaign_id = ? and status in ('pending', 'sending') and customer_id > ?
         order by customer_id limit ?`,
        [
          input.tenantId,
          input.campaignId,
          input.after ?? '00000000-0000-0000-0000-000000000000',
          input.pageSize,
        ],
      );
      const now = new Date(input.now);
      const planned: PlannedMember[] = [];
      let skipped = 0;
      const contexts = await contextsFor(campaign, rows);
      for (const row of rows) {
        heartbeat();
        const req = requestFor(campaign, row.customer_id);
        const ctx = contexts.get(row.customer_id)!;
        if (!ctx.reachable) {
          await mark(input, row.customer_id, { status: 'skipped', reason: 'no_address' });
          skipped += 1;
          continue;
        }
        const plan = planSend({
          now,
          notBefore: row.not_before ? new Date(row.not_before) : null,
          channel: req.channel,
          contentType: req.content.type,
          purpose: req.purpose,
          optedIn: ctx.optedIn,
          quietHours: ctx.quietHours,
          timeZone: ctx.timeZone,
          lastInboundAt: ctx.lastInboundAt ? new Date(ctx.lastInboundAt) : null,
        });
        if (plan.kind === 'skip') {
          await mark(input, row.customer_id, { status: 'skipped', reason: plan.reason });
          skipped += 1;
        } else planned.push({ customerId: row.customer_id, at: plan.at });
      }
      return {
        groups: groupByMoment(planned),
        skipped,
        after: rows.length < input.pageSize ? null : rows[rows.length - 1]!.customer_id,
      };
    },

    async sendCampaignBatch(input) {
      const campaign = await loadCampaign(input);
      const result = { sent: 0, skipped: 0, failed: 0, deferred: 0 };
      const rows = await deps.orm.em.fork().execute<MemberRow[]>(
        `select customer_id, not_before, deferrals from campaign_member
         where tenant_id = ? and campaign_id = ? and step = ? and customer_id in (?) and status in ('pending', 'sending')`,
        [input.tenantId, input.campaignId, CAMPAIGN_STEP, input.customerIds],
      );
      let done = 0;
      // Consent again, at the moment of sending: a revocation while the member was held wins.
      const contexts = await contextsFor(campaign, rows);
      await forEachLimited(rows, concurrency, async (row) => {
        const req = requestFor(campaign, row.customer_id);
        const key = sendWorkflowId(req);
        const ctx = contexts.get(row.customer_id)!;
        // The workflow's clock: the cap's day is the day the group was due, also under time skipping.
        const now = new Date(input.now);
        if (req.purpose === 'marketing' && !ctx.optedIn) {
          await mark(input, row.customer_id, { status: 'skipped', reason: 'consent_revoked' });
          result.skipped += 1;
          return;
        }
        // Quiet hours again, at the moment of sending: the customer may have changed them while held.
        if (ctx.quietHours && isQuietAt(now, ctx.quietHours)) {
          await deps.orm.em.fork().execute(
            `update campaign_member set status = 'pending', not_before = ?
             where tenant_id = ? and campaign_id = ? and customer_id = ? and step = ?`,
            [
              quietHoursEndAfter(now, ctx.quietHours),
              input.tenantId,
              input.campaignId,
              row.customer_id,
              CAMPAIGN_STEP,
            ],
          );
          result.deferred += 1;
          return;
        }
        if (ctx.frequencyCapPerDay > 0) {
          const { reserved } = await deps.send.reserveSendSlot({
            tenantId: input.tenantId,
            customerId: row.customer_id,
            key,
            localDay: localDayOf(now, ctx.timeZone),
            cap: ctx.frequencyCapPerDay,
          });
          if (!reserved) {
            if (row.deferrals + 1 > ctx.maxDeferralDays) {
              await mark(input, row.customer_id, { status: 'skipped', reason: 'cap_exhausted' });
              result.skipped += 1;
              return;
            }
            // The customer's day is full: their next day's first allowed moment, never dropped.
            const next = nextDaySlot(now, ctx.quietHours, ctx.timeZone);
            await deps.orm.em.fork().execute(
              `update campaign_member set status = 'pending', not_before = ?, deferrals = deferrals + 1
               where tenant_id = ? and campaign_id = ? and customer_id = ? and step = ?`,
              [next.at, input.tenantId, input.campaignId, row.customer_id, CAMPAIGN_STEP],
            );
            result.deferred += 1;
            return;
          }
        }
        // The dedupe row is claimed before the adapter is called; a member already sent is not in `rows`.
        const claimed = await deps.orm.em.fork().execute<{ id: string }[]>(
          `update campaign_member set status = 'sending' where tenant_id = ? and campaign_id = ? and customer_id = ?
           and step = ? and status in ('pending', 'sending') returning id`,
          [input.tenantId, input.campaignId, row.customer_id, CAMPAIGN_STEP],
        );
        if (claimed.length === 0) return;
        try {
          const conversationId =
            ctx.conversationId ?? (await deps.send.openSendConversation(req)).conversationId;
          const call = toChannelCall(req.channel, req.content, {
            tenantId: input.tenantId,
            conversationId,
            idempotencyKey: key,
          });
          if (call.activity === null) throw new ChannelError('invalid', call.error);
          const sent =
            call.activity === 'sendWhatsAppMessage'
              ? await deps.channels.sendWhatsAppMessage(call.input)
              : call.activity === 'sendEmail'
                ? await deps.channels.sendEmail(call.input)
                : await deps.channels.sendInstagramMessage(call.input);
          await mark(input, row.customer_id, { status: 'sent', messageId: sent.messageId });
          result.sent += 1;
        } catch (error) {
          const permanent =
            (error instanceof ChannelError && !error.retryable) ||
            (error as { nonRetryable?: boolean }).nonRetryable === true;
          // A transient failure fails the batch: Temporal retries it, and the claimed rows resend under the same key.
          if (!permanent) throw error;
          await mark(input, row.customer_id, { status: 'failed', reason: null });
          result.failed += 1;
        }
        done += 1;
        heartbeat({ done });
      });
      return result;
    },

    async cancelCampaignMembers(input) {
      const rows = await deps.orm.em.fork().execute<{ id: string }[]>(
        `update campaign_member set status = 'skipped', reason = 'cancelled', done_at = now()
         where tenant_id = ? and campaign_id = ? and status = 'pending' returning id`,
        [input.tenantId, input.campaignId],
      );
      return { skipped: rows.length };
    },

    async finishCampaign(input) {
      const em = scoped(input.tenantId);
      const rows = await em.execute<{ status: string; reason: string | null; n: string; deferred: string }[]>(
        `select status, reason, count(*) as n, count(*) filter (where deferrals > 0) as deferred
         from campaign_member where tenant_id = ? and campaign_id = ? group by status, reason`,
        [input.tenantId, input.campaignId],
      );
      const report: CampaignReport = { members: 0, sent: 0, failed: 0, skipped: {}, deferred: 0, pending: 0 };
      for (const r of rows) {
        const n = Number(r.n);
        report.members += n;
        report.deferred += Number(r.deferred);
        if (r.status === 'sent') report.sent += n;
        else if (r.status === 'failed') report.failed += n;
        else if (r.status === 'skipped') {
          const reason = (r.reason ?? 'cancelled') as CampaignSkipReason;
          report.skipped[reason] = (report.skipped[reason] ?? 0) + n;
        } else report.pending += n;
      }
      await em.transactional(async (tx) => {
        const campaign = await tx.findOneOrFail(Campaign, { id: input.campaignId });
        if (campaign.status === 'done' || campaign.status === 'cancelled') return;
        campaign.status = input.status;
        campaign.report = report;
        campaign.finishedAt = clock();
        tx.create(AuditLog, {
          tenant: input.tenantId,
          actorType: 'system',
          actorId: null,
          action: `campaign.${input.status}`,
          entityType: 'campaign',
          entityId: campaign.id,
          before: null,
          after: report as unknown as Record<string, unknown>,
          source: 'campaign',
          createdAt: clock(),
        });
      });
      return report;
    },
  };
};
