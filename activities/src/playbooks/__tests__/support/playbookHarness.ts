import { randomUUID } from 'node:crypto';
import type { Client, WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Worker } from '@temporalio/worker';
import type { MikroORM } from '@mikro-orm/postgresql';
import { workflowsPath } from '@c360/workflows';
import { createNotificationActivities } from '../../../notifications/createNotificationActivities';
import { createTimelineActivities } from '../../../timeline/createTimelineActivities';
import { createPlaybookActivities } from '../../createPlaybookActivities';
import type { SendSetup } from '../../../engagement/__tests__/support/sendSetup';
import { saveHistoryFixture } from '../../../../../workflows/src/__tests__/historyFixtures';

export { createTimeSkippingEnv as createTimeSkipping } from '../../../../../workflows/src/__tests__/testEnvironment';

/**
 * A worker on the time-skipping server with the worker's own workflow bundle (the playbooks and
 * the real send path, `sendMessageWorkflow`), the real playbook, timeline and notification
 * activities on the test database (notifications without a mailer: in-app only), and the send
 * path's activities with the channel adapters pointed at the sandbox of `send`.
 */
export const playbookWorker = async (env: TestWorkflowEnvironment, orm: MikroORM, send: SendSetup) => {
  const taskQueue = `playbooks-${randomUUID().slice(0, 8)}`;
  const workflowBundle = await bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('ERROR') });
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle,
    activities: {
      ...send.allActivities,
      ...createPlaybookActivities({ orm }),
      ...createTimelineActivities({ orm }),
      ...createNotificationActivities({ orm }),
    },
  });
  return { worker, taskQueue };
};

/**
 * Keeps a finished run's history as a replay fixture (`<workflowType>-<case>.binpb`) when
 * C360_RECORD_HISTORIES=1, through the replay test's own helper.
 */
export const recordHistory = async (
  client: Client,
  handle: WorkflowHandle,
  workflowType: string,
  name: string,
): Promise<void> => {
  await saveHistoryFixture(client, handle.workflowId, `${workflowType}-${name}`);
};

/** Polls until `check` returns a value (for a step the workflow takes on its own). */
export const eventually = async <T>(check: () => Promise<T | null | undefined>, tries = 200): Promise<T> => {
  for (let i = 0; i < tries; i += 1) {
    const value = await check();
    if (value !== null && value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not reached');
};
