import { ApplicationFailure, condition, setHandler, workflowInfo } from '@temporalio/workflow';
import type { CustomerEngagement, PlaybookSettings } from '@c360/domain';
import { customerActivitySignal } from '../shared/playbookSignals';
import { playbookSteps } from './playbookSteps';
import { playbookSourceId, sendThroughSendPath, type PlaybookSendOutcome } from './playbookSend';
import type { PlaybookReason } from './vipPlaybook';

/** A churn driver as the `customer.churn_risk_high` event carries it. */
export type ChurnDriver = { feature: string; value: number; coefficient: number; contribution: number };

export type ChurnWinbackPlaybookInput = {
  tenantId: string;
  customerId: string;
  /** When the risk was detected (or the customer entered the attached segment). */
  occurredAt: string;
  reason: PlaybookReason;
  /** The features that pushed the risk up; empty when a segment started the playbook. */
  drivers: ChurnDriver[];
  probability: number | null;
  params: PlaybookSettings['churnWinback']['params'];
};

export type ChurnWinbackOutcome = 'engaged_before_winback' | 'won_back' | 'no_response' | 'winback_not_sent';

export type ChurnWinbackPlaybookResult = {
  outcome: ChurnWinbackOutcome;
  engagement: CustomerEngagement | null;
  winback: PlaybookSendOutcome | null;
};

const DAY_MS = 86_400_000;

/**
 * Waits up to `days` for the customer to engage after `since`. The `customerActivity` signal is
 * a hint (a message or a deal changed); the activity confirms against the database what counts
 * (domain/src/playbooks/engagement.ts). At the end of the wait the database is asked once more,
 * so a hint lost on the way never loses an engagement.
 */
const waitForEngagement = async (
  input: ChurnWinbackPlaybookInput,
  since: string,
  days: number,
  hinted: { value: boolean },
): Promise<CustomerEngagement | null> => {
  const deadline = Date.now() + days * DAY_MS;
  const check = () =>
    playbookSteps.customerEngagedSince({ tenantId: input.tenantId, customerId: input.customerId, since });
  for (;;) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return check();
    if (!(await condition(() => hinted.value, remaining))) return check();
    hinted.value = false;
    const engagement = await check();
    if (engagement) return engagement;
  }
};

const describeDrivers = (drivers: ChurnDriver[]): string =>
  drivers.length === 0
    ? 'no single driver stands out'
    : drivers.map((d) => `${d.feature} (+${d.contribution.toFixed(2)})`).join(', ');

/**
 * `customer.churn_risk_high`: tells the owner what drives the risk, waits N days for the customer
 * to engage, sends the win-back message through the send path if they did not, waits again, and
 * records the outcome on the timeline.
 */
export async function churnWinbackPlaybook(
  input: ChurnWinbackPlaybookInput,
): Promise<ChurnWinbackPlaybookResult> {
  if (!input.tenantId || !input.customerId)
    throw ApplicationFailure.nonRetryable(
      'churnWinbackPlaybook needs a tenant and a customer',
      'InvalidInput',
    );
  const runId = workflowInfo().workflowId;
  const { tenantId, customerId, params } = input;
  const hinted = { value: false };
  setHandler(customerActivitySignal, () => {
    hinted.value = true;
  });

  await playbookSteps.notify({
    tenantId,
    category: 'customer',
    audience: { ownerOfCustomerId: customerId },
    title:
      input.probability === null
        ? 'Churn win-back started for a customer'
        : `High churn risk (${Math.round(input.probability * 100)}%)`,
    body: `Drivers: ${describeDrivers(input.drivers)}. A win-back message goes out in ${params.engagementWaitDays} days unless they engage.`,
    link: `/customers/${customerId}`,
    dedupeKey: runId,
  });

  let engagement = await waitForEngagement(input, input.occurredAt, params.engagementWaitDays, hinted);
  let winback: PlaybookSendOutcome | null = null;
  let outcome: ChurnWinbackOutcome;
  if (engagement) {
    outcome = 'engaged_before_winback';
  } else {
    winback = await sendThroughSendPath({
      tenantId,
      customerId,
      playbookRunId: playbookSourceId('churnWinback', input),
      step: 'winback',
      channel: params.message.channel,
      content: params.message.content,
    });
    if (winback.status !== 'sent') {
      outcome = 'winback_not_sent';
    } else {
      engagement = await waitForEngagement(input, winback.sentAt, params.outcomeWaitDays, hinted);
      outcome = engagement ? 'won_back' : 'no_response';
    }
  }

  const titles: Record<ChurnWinbackOutcome, string> = {
    engaged_before_winback: 'Churn risk: the customer came back before a win-back was needed',
    won_back: 'Won back after the win-back message',
    no_response: 'No response to the win-back message',
    winback_not_sent: 'Churn risk: the win-back message was not sent',
  };
  await playbookSteps.recordTimelineEvent({
    tenantId,
    customerId,
    kind: 'churn_winback',
    title: titles[outcome],
    data: { outcome, reason: input.reason, probability: input.probability, engagement, winback },
    occurredAt: new Date(Date.now()).toISOString(),
    dedupeKey: runId,
  });
  return { outcome, engagement, winback };
}
