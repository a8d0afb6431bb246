import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker, type WorkflowBundle } from '@temporalio/worker';
import { localDayOf, skippedTotal, type CampaignReport } from '@c360/domain';
import {
  Campaign,
  CampaignMember,
  forTenant,
  Segment,
  SegmentMembership,
  useTestDatabase,
} from '@c360/store';
import {
  campaignProgressQuery,
  campaignWorkflowId,
  cancelCampaignSignal,
  pauseCampaignSignal,
  resumeCampaignSignal,
  workflowsPath,
  type CampaignState,
} from '@c360/workflows';
import { createSendActivities } from '../../engagement/createSendActivities';
import { openSendSetup, type SendSetup } from '../../engagement/__tests__/support/sendSetup';
import { createCampaignActivities } from '../createCampaignActivities';
import { createEmailCampaign } from './support/emailCampaign';
import { createTimeSkippingEnv } from '../../../../workflows/src/__tests__/testEnvironment';
import { saveHistoryFixture } from '../../../../workflows/src/__tests__/historyFixtures';

/**
 * Campaigns on Temporal's time-skipping server with the real activities: PostgreSQL, the send
 * path's rules, the e-mail adapter and the sandbox's SMTP capture.
 */
Runtime.install({ logger: new DefaultLogger('WARN') });

const db = useTestDatabase();
let s: SendSetup;
let env: TestWorkflowEnvironment;
let workflowBundle: WorkflowBundle;

beforeAll(async () => {
  s = await openSendSetup(db.orm);
  workflowBundle = await bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('ERROR') });
  env = await createTimeSkippingEnv();
}, 60_000);
afterAll(async () => {
  await s?.close();
  await env?.teardown();
});

const activities = () =>
  createCampaignActivities({
    orm: db.orm,
    send: createSendActivities({ orm: db.orm }),
    channels: s.activities,
  });

/** A segment holding exactly these customers, and a campaign on it with a subject of its own. */
const campaignFor = async (customerIds: string[]) => {
  const em = forTenant(db.orm.em.fork(), s.tenantId);
  const segment = em.create(Segment, { tenant: s.tenantId, name: `seg-${randomUUID()}`, definition: {} });
  for (const id of customerIds)
    em.create(SegmentMembership, { tenant: s.tenantId, segment, customer: id, enteredAt: new Date() });
  const subject = `Offer ${randomUUID().slice(0, 8)}`;
  const campaign = createEmailCampaign(em, s.tenantId, segment, subject);
  await em.flush();
  return { campaignId: campaign.id, subject };
};

const mailsWith = async (subject: string) =>
  (await s.control('GET', `/mail?subject=${encodeURIComponent(subject)}`)).json.data as { to: string[] }[];

const run = async <T>(work: (taskQueue: string) => Promise<T>): Promise<T> => {
  const taskQueue = `campaign-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle,
    activities: activities(),
  });
  return worker.runUntil(work(taskQueue));
};

const start = (taskQueue: string, campaignId: string, pageSize = 500) =>
  env.client.workflow.start('campaignWorkflow', {
    taskQueue,
    workflowId: campaignWorkflowId(campaignId),
    args: [{ tenantId: s.tenantId, campaignId, pageSize }],
  });

const progressUntil = async (
  handle: { query: (q: typeof campaignProgressQuery) => Promise<CampaignState> },
  phase: CampaignState['phase'],
) => {
  // Generous: on a busy CI machine planning and the first query can take a while.
  const deadline = Date.now() + 40_000;
  let last: CampaignState['phase'] | null = null;
  while (Date.now() < deadline) {
    const p = await handle.query(campaignProgressQuery);
    if (p.phase === phase) return p;
    last = p.phase;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the campaign never reached ${phase} (last seen: ${last})`);
};

/** Quiet hours that hold a customer now: a window from an hour ago to eight hours ahead, in UTC. */
const quietNow = (nowMs: number) => {
  const hh = (d: number) => String(new Date(nowMs + d * 3600_000).getUTCHours()).padStart(2, '0');
  return { start: `${hh(-1)}:00`, end: `${hh(8)}:00`, timeZone: 'UTC' };
};

const sumsUp = (r: CampaignReport) => r.sent + r.failed + skippedTotal(r) === r.members;

describe('campaignWorkflow', () => {
  it('sends one message per opted-in member, holds quiet hours, skips who is not opted in or revokes while held', async () => {
    const now = await env.currentTimeMs();
    const free = await Promise.all(Array.from({ length: 8 }, () => s.customer({})));
    const quiet = await Promise.all(
      Array.from({ length: 6 }, () => s.customer({ quietHours: quietNow(now) })),
    );
    const out = await Promise.all(Array.from({ length: 3 }, () => s.customer({ optedIn: false })));
    const { campaignId, subject } = await campaignFor([...free, ...quiet, ...out].map((c) => c.id));

    const report = await run(async (taskQueue) => {
      const handle = await start(taskQueue, campaignId); // one page: everyone is planned before the hold
      const held = await progressUntil(handle, 'holding');
      expect(held.members).toBe(17);
      // Two of the held members revoke consent while they wait for the end of their quiet hours,
      // and one makes their quiet hours longer: checked again when the group's moment comes.
      await s.setOptIn(quiet[0]!.id, 'email', false);
      await s.setOptIn(quiet[1]!.id, 'email', false);
      const hh = (d: number) => String(new Date(now + d * 3600_000).getUTCHours()).padStart(2, '0');
      await s.setQuietHours(quiet[2]!.id, { start: `${hh(-1)}:00`, end: `${hh(12)}:00`, timeZone: 'UTC' });
      const result = (await handle.result()) as CampaignReport;
      // With C360_RECORD_HISTORIES=1 this run's history becomes the campaign's replay fixture.
      await saveHistoryFixture(env.client, handle.workflowId, 'campaignWorkflow-quietHours');
      return result;
    });

    expect(report).toMatchObject({
      members: 17,
      sent: 12,
      failed: 0,
      skipped: { not_opted_in: 3, consent_revoked: 2 },
    });
    expect(sumsUp(report)).toBe(true);
    const mails = await mailsWith(subject);
    const recipients = mails.flatMap((m) => m.to);
    expect(recipients.sort()).toEqual([...free, ...quiet.slice(2)].map((c) => c.email).sort());
    const stored = await forTenant(db.orm.em.fork(), s.tenantId).findOneOrFail(Campaign, { id: campaignId });
    expect(stored).toMatchObject({ status: 'done', report });
    // The longer quiet hours moved that member (alone) to their new end, where the next round sent them.
    const members = await forTenant(db.orm.em.fork(), s.tenantId).find(CampaignMember, {
      campaign: campaignId,
      notBefore: { $ne: null },
    });
    expect(members.map((m) => [m.customer.id, m.status, m.notBefore?.getTime()])).toEqual([
      [quiet[2]!.id, 'sent', Math.floor(now / 3600_000) * 3600_000 + 12 * 3600_000],
    ]);
  });

  it('pauses a held campaign past its moment, sends on resume; cancel skips who is left', async () => {
    const now = await env.currentTimeMs();
    const held = await Promise.all(
      Array.from({ length: 4 }, () => s.customer({ quietHours: quietNow(now) })),
    );
    const { campaignId, subject } = await campaignFor(held.map((c) => c.id));
    let cancelled: { campaignId: string; subject: string } | null = null;

    await run(async (taskQueue) => {
      const handle = await start(taskQueue, campaignId);
      await progressUntil(handle, 'holding');
      await handle.signal(pauseCampaignSignal);
      await env.sleep('10 hours'); // past the end of quiet hours, while paused
      expect((await handle.query(campaignProgressQuery)).phase).toBe('paused');
      expect(await mailsWith(subject)).toHaveLength(0);
      await handle.signal(resumeCampaignSignal);
      const report = (await handle.result()) as CampaignReport;
      expect(report).toMatchObject({ members: 4, sent: 4 });

      // Quiet hours from the server's clock now: the ten hours above are past.
      const later = await env.currentTimeMs();
      const laterMembers = await Promise.all(
        Array.from({ length: 3 }, () => s.customer({ quietHours: quietNow(later) })),
      );
      cancelled = await campaignFor(laterMembers.map((c) => c.id));
      const other = await start(taskQueue, cancelled.campaignId);
      await progressUntil(other, 'holding');
      await other.signal(cancelCampaignSignal);
      const cancelledReport = (await other.result()) as CampaignReport;
      expect(cancelledReport).toMatchObject({ members: 3, sent: 0, skipped: { cancelled: 3 } });
      expect(sumsUp(cancelledReport)).toBe(true);
    });
    expect(await mailsWith(subject)).toHaveLength(4);
    if (!cancelled) throw new Error('the second campaign was not made');
    const { campaignId: cancelledId, subject: cancelledSubject } = cancelled;
    expect(await mailsWith(cancelledSubject)).toHaveLength(0);
    const rows = await forTenant(db.orm.em.fork(), s.tenantId).find(CampaignMember, {
      campaign: cancelledId,
    });
    expect(rows.map((r) => `${r.status}:${r.reason}`)).toEqual(Array(3).fill('skipped:cancelled'));
  });
  it("defers a member whose days are at the tenant's cap to their next free day, then sends once", async () => {
    await s.setCap(1);
    try {
      const DAY = 86_400_000;
      const capped = await s.customer({});
      const free = await s.customer({});
      // The capped member (UTC) already has today's and tomorrow's one message: wherever the
      // server's clock stands when the batch runs, the first free day is the day after tomorrow.
      const now = await env.currentTimeMs();
      const send = createSendActivities({ orm: db.orm });
      for (const d of [0, 1]) {
        const { reserved } = await send.reserveSendSlot({
          tenantId: s.tenantId,
          customerId: capped.id,
          key: `earlier-${d}-${randomUUID()}`,
          localDay: localDayOf(new Date(now + d * DAY), 'UTC'),
          cap: 1,
        });
        expect(reserved).toBe(true);
      }
      const { campaignId, subject } = await campaignFor([capped.id, free.id]);

      const { report, endedAt } = await run(async (taskQueue) => {
        const report = (await (await start(taskQueue, campaignId)).result()) as CampaignReport;
        return { report, endedAt: await env.currentTimeMs() };
      });

      expect(report).toMatchObject({ members: 2, sent: 2, failed: 0, skipped: {}, deferred: 1 });
      expect(sumsUp(report)).toBe(true);
      const rows = await forTenant(db.orm.em.fork(), s.tenantId).find(CampaignMember, {
        campaign: campaignId,
      });
      const byCustomer = new Map(rows.map((r) => [r.customer.id, r]));
      expect(byCustomer.get(free.id)).toMatchObject({ status: 'sent', deferrals: 0 });
      const held = byCustomer.get(capped.id)!;
      expect(held.status).toBe('sent');
      expect(held.deferrals).toBeGreaterThanOrEqual(1);
      // Held to the start of the first free day (no quiet hours), and the campaign slept to it.
      const firstFreeDay = Math.floor(now / DAY) * DAY + 2 * DAY;
      expect(held.notBefore!.getTime()).toBe(firstFreeDay);
      expect(endedAt).toBeGreaterThanOrEqual(firstFreeDay);
      const mails = await mailsWith(subject);
      expect(mails.flatMap((m) => m.to).sort()).toEqual([capped.email, free.email].sort());
    } finally {
      await s.setCap(3);
    }
  });
});
