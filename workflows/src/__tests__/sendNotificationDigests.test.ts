import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import type { NotificationActivities } from '../shared/notificationActivityTypes';
import { sendNotificationDigests } from '../sendNotificationDigests';
import { saveHistoryFixture } from './historyFixtures';
import { createTimeSkippingEnv } from './testEnvironment';

Runtime.install({ logger: new DefaultLogger('ERROR') });

describe('sendNotificationDigests workflow', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  }, 60_000);
  afterAll(async () => {
    await env?.teardown();
  });

  it('asks the activity for the digests due by the given instant, retrying a mail server outage', async () => {
    const calls: (string | undefined)[] = [];
    const activities: NotificationActivities = {
      async notify() {
        return { notified: 0 };
      },
      async sendDueNotificationDigests({ now }) {
        calls.push(now);
        if (calls.length === 1) throw new Error('SMTP: connection refused');
        return { digests: 2, emails: 2 };
      },
    };
    const taskQueue = `digests-${randomUUID()}`;
    const workflowId = `notification-digests-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('../all'),
      activities,
    });
    const result = await worker.runUntil(
      env.client.workflow.execute(sendNotificationDigests, {
        taskQueue,
        workflowId,
        args: [{ now: '2026-11-29T10:10:00.000Z' }],
      }),
    );
    expect(result).toEqual({ digests: 2, emails: 2 });
    expect(calls).toEqual(['2026-11-29T10:10:00.000Z', '2026-11-29T10:10:00.000Z']);
    await saveHistoryFixture(env.client, workflowId, 'sendNotificationDigests-retried');
  }, 60_000);
});
