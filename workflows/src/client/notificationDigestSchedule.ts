import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { TASK_QUEUE } from '@c360/domain';
import { WorkflowKindKey } from '../shared/searchAttributes';

export const NOTIFICATION_DIGEST_SCHEDULE_ID = 'notification-digests';

/**
 * The Schedule that mails due notification digests (workflow `sendNotificationDigests`), visible
 * and pausable in Temporal UI. An existing one is left as ops set it.
 */
export const ensureNotificationDigestSchedule = async (
  client: Client,
  options: { every?: string; idPrefix?: string; taskQueue?: string } = {},
): Promise<{ scheduleId: string; created: boolean }> => {
  const scheduleId = `${options.idPrefix ?? ''}${NOTIFICATION_DIGEST_SCHEDULE_ID}`;
  try {
    await client.schedule.create({
      scheduleId,
      spec: { intervals: [{ every: options.every ?? '1m' }] },
      policies: { overlap: ScheduleOverlapPolicy.SKIP },
      action: {
        type: 'startWorkflow',
        workflowType: 'sendNotificationDigests',
        workflowId: scheduleId,
        taskQueue: options.taskQueue ?? TASK_QUEUE,
        args: [{}],
        typedSearchAttributes: [{ key: WorkflowKindKey, value: 'notificationDigests' }],
      },
    });
    return { scheduleId, created: true };
  } catch (error) {
    if (error instanceof ScheduleAlreadyRunning) return { scheduleId, created: false };
    throw error;
  }
};
