/**
 * Campaign throughput end to end: a segment of N members, `campaignWorkflow` on the real dev
 * server with its real activities (set-based planning, per-member consent re-check, cap slot,
 * dedupe row, conversation, the email adapter) sending into the sandbox's SMTP server, in this
 * process. Reported: sends/s over the whole run, the distribution of per-second send rates
 * (p5/p50/p95 of the seconds the campaign was sending, from each member's `done_at`), duplicates
 * (mails per recipient in the sandbox beyond one: must be 0), and peak RSS.
 *
 * Baseline, in the same run and process: the same adapter (`sendEmail`, same concurrency) called
 * directly for `baseline` fresh customers, without Temporal or the campaign's bookkeeping. The
 * ratio campaign/baseline is what the durable machinery costs.
 *
 *   npx tsc -b && node node_modules/tsx/dist/cli.mjs bench/campaignThroughput.ts [members=10000] [baseline=1000] [smtpPool=8] [maxMinutes]
 *
 * With `maxMinutes`, a campaign still sending then is cancelled through its signal (as an operator
 * would) and the figures cover what was sent until then (`stoppedAtDeadline: true`). Progress
 * (members sent so far) is printed every minute on stderr.
 *
 * Needs the services (./c360 up or the test ones). Database `c360_bench_campaign` (emptied and
 * migrated at each run), Temporal namespace `c360-test`.
 */
import { randomUUID } from 'node:crypto';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import type { CampaignReport } from '@c360/domain';
import { createOrm, forTenant, resetDatabase, Segment } from '@c360/store';
import { campaignControl, toChannelCall, workflowsPath } from '@c360/workflows';
import { createCampaignActivities } from '../activities/src/campaigns/createCampaignActivities';
import { createEmailCampaign } from '../activities/src/campaigns/__tests__/support/emailCampaign';
import { createSendActivities } from '../activities/src/engagement/createSendActivities';
import { openSendSetup } from '../activities/src/engagement/__tests__/support/sendSetup';
import { connectToDevServer } from '../workflows/src/__tests__/testEnvironment';

const members = Number(process.argv[2] ?? 10_000);
const baselineCount = Number(process.argv[3] ?? 1_000);
/** SMTP connections reused (the worker's C360_SMTP_POOL); 0: one connection per mail. */
const smtpPool = Number(process.argv[4] ?? 8);
const maxMinutes = process.argv[5] ? Number(process.argv[5]) : null;
const CONCURRENCY = 8;
const PG = process.env['C360_PG_URL'] ?? 'postgres://c360:c360@127.0.0.1:55432';
const databaseUrl = `${PG}/c360_bench_campaign`;
process.env['C360_TEMPORAL_NAMESPACE'] ??= 'c360-test';

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
let peakRss = 0;
const rssTimer = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 250);

const OPTED_IN = JSON.stringify({
  marketingPreferences: {
    channels: { whatsapp: { optedIn: false }, email: { optedIn: true }, sms: { optedIn: false } },
    quietHours: null,
    language: 'en',
  },
});

/** N customers (one statement), each with a unique address under `runKey`. */
const insertCustomers = async (
  orm: Awaited<ReturnType<typeof createOrm>>,
  tenantId: string,
  runKey: string,
  prefix: string,
  n: number,
): Promise<string[]> => {
  const rows = await orm.em.fork().execute<{ id: string }[]>(
    `insert into customer (id, tenant_id, created_at, updated_at, first_name, last_name, emails, phones,
       time_zone, language, tags, custom_fields)
     select gen_random_uuid(), ?, now(), now(), 'Member', i::text,
       array[? || i::text || '-' || ? || '@bench.test'], '{}', 'UTC', 'en', '{}', ?::jsonb
     from generate_series(1, ?) as i returning id`,
    [tenantId, prefix, runKey, OPTED_IN, n],
  );
  return rows.map((r) => r.id);
};

const main = async (): Promise<void> => {
  // Emptied each run: the sandbox's accounts are unique across tenants.
  await resetDatabase(databaseUrl);
  const orm = await createOrm({ databaseUrl, poolMax: 20 });
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const s = await openSendSetup(orm, { smtpPool: smtpPool > 0 ? smtpPool : undefined });
  const env = await connectToDevServer();
  const runKey = randomUUID().slice(0, 8);
  try {
    // Baseline: the adapter alone, same concurrency.
    const baseIds = await insertCustomers(orm, s.tenantId, runKey, 'base', baselineCount);
    const send = createSendActivities({ orm });
    const t0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < baseIds.length) {
          const customerId = baseIds[next++]!;
          const req = s.request(customerId, { source: { kind: 'campaign', id: `baseline-${runKey}` } });
          const { conversationId } = await send.openSendConversation(req);
          const call = toChannelCall(
            'email',
            { type: 'email', subject: `Baseline ${runKey}`, text: 'Everything must go' },
            { tenantId: s.tenantId, conversationId, idempotencyKey: `baseline:${runKey}:${customerId}` },
          );
          if (call.activity !== 'sendEmail') throw new Error(`unexpected ${String(call.activity)}`);
          await s.activities.sendEmail(call.input);
        }
      }),
    );
    const baselineSeconds = (performance.now() - t0) / 1000;
    const baselineRate = baselineCount / baselineSeconds;

    // The campaign.
    const memberIds = await insertCustomers(orm, s.tenantId, runKey, 'm', members);
    const em = forTenant(orm.em.fork(), s.tenantId);
    const segment = em.create(Segment, { tenant: s.tenantId, name: `bench-${runKey}`, definition: {} });
    await em.flush();
    await orm.em.fork().execute(
      `insert into segment_membership (id, tenant_id, created_at, segment_id, customer_id, entered_at)
         select gen_random_uuid(), ?, now(), ?, id, now() from unnest(?::uuid[]) as id`,
      [s.tenantId, segment.id, `{${memberIds.join(',')}}`],
    );
    const subject = `Bench sale ${runKey}`;
    const campaign = createEmailCampaign(em, s.tenantId, segment, subject, 'Everything must go');
    await em.flush();

    const taskQueue = `bench-campaign-${runKey}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      namespace: process.env['C360_TEMPORAL_NAMESPACE'],
      taskQueue,
      workflowBundle: await bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('ERROR') }),
      activities: createCampaignActivities({ orm, send, channels: s.activities, concurrency: CONCURRENCY }),
    });
    const c0 = performance.now();
    let stoppedAtDeadline = false;
    const progress = setInterval(() => {
      void orm.em
        .fork()
        .execute<{ n: string }[]>(
          `select count(*) as n from campaign_member where campaign_id = ? and status = 'sent'`,
          [campaign.id],
        )
        .then(([r]) =>
          console.error(
            `${new Date().toISOString()} sent ${r?.n} of ${members} after ${((performance.now() - c0) / 1000).toFixed(0)} s`,
          ),
        );
    }, 60_000);
    const deadline =
      maxMinutes === null
        ? null
        : setTimeout(() => {
            stoppedAtDeadline = true;
            void campaignControl(env.client, taskQueue).signal(campaign.id, 'cancel');
          }, maxMinutes * 60_000);
    const report = (await worker.runUntil(
      env.client.workflow.execute('campaignWorkflow', {
        taskQueue,
        workflowId: campaign.workflowId,
        args: [{ tenantId: s.tenantId, campaignId: campaign.id }],
      }),
    )) as CampaignReport;
    const campaignSeconds = (performance.now() - c0) / 1000;
    clearInterval(progress);
    if (deadline) clearTimeout(deadline);

    const perSecond = await orm.em.fork().execute<{ n: string }[]>(
      `select count(*) as n from campaign_member where campaign_id = ? and status = 'sent'
       group by date_trunc('second', done_at) order by 1`,
      [campaign.id],
    );
    const rates = perSecond.map((r) => Number(r.n)).sort((a, b) => a - b);
    const mails = (await s.control('GET', `/mail?subject=${encodeURIComponent(subject)}`)).json.data as {
      to: string[];
    }[];
    const recipients = mails.flatMap((m) => m.to);
    const duplicates = recipients.length - new Set(recipients).size;
    const runs: string[] = [];
    for await (const w of env.client.workflow.list({ query: `WorkflowId = '${campaign.workflowId}'` }))
      runs.push(w.runId);

    console.log(
      JSON.stringify(
        {
          members,
          smtpPool,
          stoppedAtDeadline,
          report,
          mailsInSandbox: recipients.length,
          duplicates,
          workflowRuns: runs.length,
          campaign: {
            seconds: +campaignSeconds.toFixed(1),
            sendsPerSecond: +(report.sent / campaignSeconds).toFixed(1),
          },
          perSecondSendRate: {
            p5: percentile(rates, 5),
            p50: percentile(rates, 50),
            p95: percentile(rates, 95),
          },
          baseline: {
            sends: baselineCount,
            seconds: +baselineSeconds.toFixed(1),
            sendsPerSecond: +baselineRate.toFixed(1),
          },
          ratioCampaignToBaseline: +(report.sent / campaignSeconds / baselineRate).toFixed(2),
          peakRssMiB: Math.round(peakRss / 1024 / 1024),
        },
        null,
        2,
      ),
    );
    const expected = stoppedAtDeadline ? report.sent : members;
    if (duplicates !== 0 || recipients.length !== expected || report.sent !== expected) process.exitCode = 1;
  } finally {
    clearInterval(rssTimer);
    await s.close();
    await env.teardown();
    await orm.close();
  }
};

main()
  // Pooled SMTP connections would hold the process open until their idle timeout.
  .then(() => process.exit(process.exitCode ?? 0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
