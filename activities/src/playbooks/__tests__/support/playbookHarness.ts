import { randomUUID } from 'node:crypto';
import type { Client, WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createNotificationActivities } from '../../../notifications/createNotificationActivities';
import { createTimelineActivities } from '../../../timeline/createTimelineActivities';
import { createPlaybookActivities } from '../../createPlaybookActivities';
import { saveHistoryFixture } from '../../../../../workflows/src/__tests__/historyFixtures';

export { createTimeSkippingEnv as createTimeSkipping } from '../../../../../workflows/src/__tests__/testEnvironment';

/**
 * A worker on the time-skipping server with the real playbook, timeline and notification
 * activities on the test database (notifications without a mailer: in-app only).
 */
export const playbookWorker = async (env: TestWorkflowEnvironment, orm: MikroORM) => {
  const taskQueue = `playbooks-${randomUUID().slice(0, 8)}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath: require.resolve('./playbookTestWorkflows'),
    activities: {
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
