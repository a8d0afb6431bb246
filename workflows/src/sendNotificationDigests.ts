import { proxyActivities } from '@temporalio/workflow';
import type { NotificationActivities, SendDueDigestsResult } from './shared/notificationActivityTypes';

export type SendNotificationDigestsInput = {
  /** The instant digests are due by; the workflow's own clock when absent (a scheduled run). */
  now?: string;
};

const { sendDueNotificationDigests } = proxyActivities<NotificationActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/**
 * Mails the notification digests whose window has ended (a Temporal Schedule runs it every
 * minute). Each digest is mailed once (the activity marks it), so an overlapping or retried run
 * sends nothing twice; an SMTP outage retries the activity and loses no digest.
 */
export async function sendNotificationDigests(
  input: SendNotificationDigestsInput = {},
): Promise<SendDueDigestsResult> {
  return sendDueNotificationDigests({ now: input.now ?? new Date(Date.now()).toISOString() });
}
