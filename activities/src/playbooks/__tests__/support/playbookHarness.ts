import { randomUUID } from 'node:crypto';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createNotificationActivities } from '../../../notifications/createNotificationActivities';
import { createTimelineActivities } from '../../../timeline/createTimelineActivities';
import { createPlaybookActivities } from '../../createPlaybookActivities';
import { saveHistoryFixture } from '../../../../../workflows/src/__tests__/historyFixtures';

export const createTimeSkipping = async (): Promise<TestWorkflowEnvironment> => {
  const executable = process.env['C360_TESTSERVER_WRAPPER'];
  if (!executable) throw new Error('C360_TESTSERVER_WRAPPER is not set: run the tests through ./c360 test');
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: executable } },
  });
  await env.connection.operatorService.addSearchAttributes({
    namespace: 'default',
    searchAttributes: { TenantId: 2, CustomerId: 2, SegmentId: 2, WorkflowKind: 2 },
  });
  return env;
};

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
