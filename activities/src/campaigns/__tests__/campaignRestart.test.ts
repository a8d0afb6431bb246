import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker, type WorkflowBundle } from '@temporalio/worker';
import type { CampaignReport } from '@c360/domain';
import { Customer, forTenant, Segment, SegmentMembership, useTestDatabase, waitFor } from '@c360/store';
import { workflowsPath } from '@c360/workflows';
import { createSendActivities } from '../../engagement/createSendActivities';
import { openSendSetup, type SendSetup } from '../../engagement/__tests__/support/sendSetup';
import { createCampaignActivities } from '../createCampaignActivities';
import { createEmailCampaign } from './support/emailCampaign';
import { connectToDevServer } from '../../../../workflows/src/__tests__/testEnvironment';

/**
 * A 2,000-member campaign on the real dev server (persistence, visibility), whose worker is
 * stopped mid-run and another started: every member gets exactly one message in the sandbox.
 */
Runtime.install({ logger: new DefaultLogger('ERROR') });

// The 2,000: C360_CAMPAIGN_MEMBERS=2000 (the lead's run is in the issue 7 note); CI runs 400 to stay in its budget.
const MEMBERS = Number(process.env['C360_CAMPAIGN_MEMBERS'] ?? 400);
const db = useTestDatabase();
let s: SendSetup;
let env: TestWorkflowEnvironment;
let workflowBundle: WorkflowBundle;

beforeAll(async () => {
  s = await openSendSetup(db.orm);
  workflowBundle = await bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('ERROR') });
  env = await connectToDevServer();
}, 60_000);
afterAll(async () => {
  await s?.close();
  await env?.teardown();
});

const workerOn = (taskQueue: string) =>
  Worker.create({
    connection: env.nativeConnection,
    namespace: process.env['C360_TEMPORAL_NAMESPACE'] ?? 'c360-test',
    taskQueue,
    workflowBundle,
    activities: createCampaignActivities({
      orm: db.orm,
      send: createSendActivities({ orm: db.orm }),
      channels: s.activities,
    }),
    shutdownGraceTime: '50 ms',
  });

it(`sends exactly one message to each of ${MEMBERS} members across a worker restart`, async () => {
  const em = forTenant(db.orm.em.fork(), s.tenantId);
  const runKey = randomUUID().slice(0, 8);
  const segment = em.create(Segment, { tenant: s.tenantId, name: `big-${runKey}`, definition: {} });
  for (let i = 0; i < MEMBERS; i += 1) {
    const c = em.create(Customer, {
      tenant: s.tenantId,
      firstName: 'Member',
      lastName: String(i),
      emails: [`m${i}-${runKey}@example.test`],
      timeZone: 'UTC',
      language: 'en',
      customFields: {
        marketingPreferences: {
          channels: { whatsapp: { optedIn: false }, email: { optedIn: true }, sms: { optedIn: false } },
          quietHours: null,
          language: 'en',
        },
      },
    });
    em.create(SegmentMembership, { tenant: s.tenantId, segment, customer: c, enteredAt: new Date() });
  }
  const subject = `Big sale ${runKey}`;
  const campaign = createEmailCampaign(em, s.tenantId, segment, subject, 'Everything must go');
  await em.flush();

  const taskQueue = `campaign-restart-${runKey}`;
  const first = await workerOn(taskQueue);
  const firstRun = first.run();
  const handle = await env.client.workflow.start('campaignWorkflow', {
    taskQueue,
    workflowId: campaign.workflowId,
    args: [{ tenantId: s.tenantId, campaignId: campaign.id, pageSize: 25 }],
  });
  // Stop the first worker in the middle of the sends (activities in flight are abandoned).
  const sentSoFar = async () => {
    const [row] = await db.orm.em
      .fork()
      .execute<
        { n: string }[]
      >(`select count(*) as n from campaign_member where campaign_id = ? and status = 'sent'`, [campaign.id]);
    return Number(row?.n ?? 0);
  };
  await waitFor(
    async () => ((await sentSoFar()) >= Math.floor(MEMBERS / 4) ? true : undefined),
    'the first worker sent a quarter of the members',
    300_000,
  );
  first.shutdown();
  await firstRun;
  const second = await workerOn(taskQueue);
  const report = (await second.runUntil(handle.result())) as CampaignReport;

  expect(report).toMatchObject({ members: MEMBERS, sent: MEMBERS, failed: 0, skipped: {} });
  const mails = (await s.control('GET', `/mail?subject=${encodeURIComponent(subject)}`)).json.data as {
    to: string[];
  }[];
  const recipients = mails.flatMap((m) => m.to);
  expect(recipients).toHaveLength(MEMBERS);
  expect(new Set(recipients).size).toBe(MEMBERS);
  // The history stayed small: the run continued as new as it went.
  const runs: string[] = [];
  for await (const w of env.client.workflow.list({ query: `WorkflowId = '${campaign.workflowId}'` }))
    runs.push(w.runId);
  expect(runs.length).toBeGreaterThan(1);
}, 600_000);
