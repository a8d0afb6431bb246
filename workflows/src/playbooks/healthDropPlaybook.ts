import { ApplicationFailure, workflowInfo } from '@temporalio/workflow';
import { describeFactorChanges, type HealthDrop } from '@c360/domain';
import { playbookSteps } from './playbookSteps';

export type HealthDropPlaybookInput = {
  tenantId: string;
  customerId: string;
  /** When the score was computed (the event's `computedAt`). */
  occurredAt: string;
  /** The drop, as the route measured it against the tenant's threshold. */
  drop: HealthDrop;
};

export type HealthDropPlaybookResult = { notified: number };

/**
 * `customer.health_score_updated` past the tenant's drop threshold: tells the customer's owner
 * which factors moved, and puts the drop on the customer's timeline.
 */
export async function healthDropPlaybook(input: HealthDropPlaybookInput): Promise<HealthDropPlaybookResult> {
  if (!input.tenantId || !input.customerId)
    throw ApplicationFailure.nonRetryable('healthDropPlaybook needs a tenant and a customer', 'InvalidInput');
  const runId = workflowInfo().workflowId;
  const { drop } = input;
  const title = `Health fell ${drop.drop} points (${drop.previousScore} → ${drop.score})`;
  const { notified } = await playbookSteps.notify({
    tenantId: input.tenantId,
    category: 'customer',
    audience: { ownerOfCustomerId: input.customerId },
    title,
    body: `What moved: ${describeFactorChanges(drop.factors)}.`,
    link: `/customers/${input.customerId}`,
    dedupeKey: runId,
  });
  await playbookSteps.recordTimelineEvent({
    tenantId: input.tenantId,
    customerId: input.customerId,
    kind: 'health_drop',
    title,
    data: { score: drop.score, previousScore: drop.previousScore, drop: drop.drop, factors: drop.factors },
    occurredAt: input.occurredAt,
    dedupeKey: runId,
  });
  return { notified };
}
