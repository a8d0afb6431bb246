import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker, type WorkflowBundle } from '@temporalio/worker';
import { startSandbox, type RunningSandbox } from '@c360/sandbox';
import { createSearchClient, useTestDatabase } from '@c360/store';
import {
  ensureNotificationDigestSchedule,
  workflowsPath,
  type sendNotificationDigests,
} from '@c360/workflows';
import { createActivities } from '../../worker/createActivities';
import { createNotificationActivities } from '../createNotificationActivities';
import { createNotificationMailer, type NotificationMailer } from '../notificationMailer';
import { createNotificationTenant } from './support/notificationFixture';
import { connectToDevServer } from '../../../../workflows/src/__tests__/testEnvironment';

/**
 * Digest mails end to end on the Temporal dev server: the worker's real activities, the
 * `sendNotificationDigests` workflow, its Schedule, and the sandbox's SMTP capture.
 */
Runtime.install({ logger: new DefaultLogger('WARN') });

const namespace = process.env['C360_TEMPORAL_NAMESPACE'] ?? 'c360-test';
const db = useTestDatabase();
const search = createSearchClient(process.env['C360_OPENSEARCH_URL'] ?? 'http://127.0.0.1:9200');
const taskQueue = `notify-e2e-${randomUUID().slice(0, 8)}`;
let env: TestWorkflowEnvironment;
let workflowBundle: WorkflowBundle;
let sandbox: RunningSandbox;
let mailer: NotificationMailer;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const mailTo = async (to: string): Promise<any[]> => {
  const res = await fetch(`${sandbox.url}/_control/mail?to=${encodeURIComponent(to)}`);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return ((await res.json()) as { data: any[] }).data;
};

beforeAll(async () => {
  env = await connectToDevServer();
  workflowBundle = await bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('ERROR') });
  sandbox = await startSandbox({ C360_SANDBOX_AUTO_STATUSES: [], C360_SANDBOX_WEBHOOK_RETRY_MS: [] });
  mailer = createNotificationMailer({
    host: sandbox.smtp.host,
    port: sandbox.smtp.port,
    secure: false,
    from: 'c360@c360.test',
  });
}, 120_000);

afterAll(async () => {
  mailer?.close();
  await sandbox?.close();
  await search.close();
  await env?.teardown();
});

/** An email user with a burst of SLA items ten minutes ago: a digest whose window has ended. */
const dueDigest = async () => {
  const t = await createNotificationTenant(db.orm, {
    notifications: { categories: { sla: { maxItemsPerWindow: 1, windowMinutes: 1 } } },
  });
  await t.setPreference(t.users.manager.id, 'sla', 'email');
  const past = new Date(Date.now() - 10 * 60_000);
  const { notify } = createNotificationActivities({ orm: db.orm, mailer, clock: () => past });
  for (const n of [1, 2, 3])
    await notify({
      tenantId: t.tenantId,
      category: 'sla',
      audience: { userIds: [t.users.manager.id] },
      title: `SLA breached on ticket ${n}`,
      dedupeKey: `sla-breach:${n}`,
    });
  return t.users.manager.email;
};

describe('notification digest mails on Temporal', () => {
  it('mails a due digest once from the workflow, and the Schedule runs it', async () => {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      namespace,
      taskQueue,
      workflowBundle,
      activities: createActivities({
        orm: db.orm,
        search,
        indexPrefix: 'c360-unused-',
        notificationMailer: mailer,
      }),
    });
    await worker.runUntil(async () => {
      const first = await dueDigest();
      // One single mail (the first item), no digest mail yet.
      expect(await mailTo(first)).toHaveLength(1);
      const handle = await env.client.workflow.start<typeof sendNotificationDigests>(
        'sendNotificationDigests',
        {
          workflowId: `notification-digests-test-${randomUUID()}`,
          taskQueue,
          args: [{}],
        },
      );
      expect(await handle.result()).toEqual({ digests: 1, emails: 1 });
      const mails = await mailTo(first);
      expect(mails.map((m) => m.subject)).toContain('2 more SLA notifications');

      // The Schedule: triggered by hand here (it runs every minute in the worker).
      const second = await dueDigest();
      const { scheduleId } = await ensureNotificationDigestSchedule(env.client, {
        idPrefix: `test-${randomUUID().slice(0, 8)}-`,
        taskQueue,
      });
      const schedule = env.client.schedule.getHandle(scheduleId);
      try {
        await schedule.trigger();
        const deadline = Date.now() + 30_000;
        while ((await mailTo(second)).length < 2 && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 200));
        expect((await mailTo(second)).map((m) => m.subject)).toContain('2 more SLA notifications');
        // The first user's digest was not mailed twice.
        expect(await mailTo(first)).toHaveLength(2);
      } finally {
        await schedule.delete();
      }
    });
  });
});
