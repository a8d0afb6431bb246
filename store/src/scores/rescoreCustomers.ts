import type { EntityManager } from '@mikro-orm/postgresql';
import {
  computeCustomerScores,
  scoreEvents,
  type CustomerScores,
  type ScoreEvent,
  type TenantScoringModel,
} from '@c360/domain';
import { appendOutboxEvent } from '../outbox/appendOutboxEvent';
import { forTenant } from '../tenancy/forTenant';
import { loadCustomerFacts } from './loadCustomerFacts';
import { asStored, carryHealthHistory, scoresChanged } from './scoresChanged';
import { tenantScoringModel } from './tenantScoreModel';

export type CustomerRescore = {
  customerId: string;
  previous: CustomerScores | null;
  scores: CustomerScores;
  /** False when the recompute found nothing new: nothing was stored and no event raised. */
  changed: boolean;
  events: ScoreEvent['type'][];
};

export type RescoreOutcome = {
  results: CustomerRescore[];
  /** Requested customers that do not exist in the tenant (deleted meanwhile, or another tenant's). */
  missingIds: string[];
  changedIds: string[];
  events: number;
};

/**
 * Recomputes the scores of some customers of one tenant as of `now`, inside `em`'s transaction
 * (call it from one): locks their rows, reads their inputs, runs the domain calculators, stores
 * the scores that changed and queues the edge-triggered events (`customer.health_score_updated`,
 * `customer.vip_detected`, `customer.churn_risk_high`) in the outbox, in the same transaction.
 *
 * Scores are written with plain SQL on purpose: the outbox subscriber never sees them, so a score
 * write does not announce a `customer.changed` that would trigger another recompute.
 */
export const rescoreCustomers = async (
  em: EntityManager,
  tenantId: string,
  customerIds: string[],
  now: Date,
  model?: TenantScoringModel,
): Promise<RescoreOutcome> => {
  if (customerIds.length === 0) return { results: [], missingIds: [], changedIds: [], events: 0 };
  const tenant = model ?? (await tenantScoringModel(em, tenantId, now));
  const states = await loadCustomerFacts(em, tenantId, customerIds, now, {
    engagementWindowDays: tenant.settings.engagement.windowDays,
    lock: true,
  });
  const thresholds = { healthDelta: tenant.settings.health.eventDelta };
  const scoped = forTenant(em, tenantId);
  const updates: { id: string; scores: CustomerScores; is_vip: boolean }[] = [];
  let events = 0;

  const results = states.map((state): CustomerRescore => {
    const computed = computeCustomerScores({ ...state.facts, previous: state.previous }, tenant, now);
    const next = asStored(carryHealthHistory(state.previous, computed));
    const changed = scoresChanged(state.previous, next) || state.isVip !== next.vip.isVip;
    if (!changed)
      return { customerId: state.customerId, previous: state.previous, scores: next, changed, events: [] };
    updates.push({ id: state.customerId, scores: next, is_vip: next.vip.isVip });
    const raised = scoreEvents(state.previous, next, thresholds);
    for (const { type, ...detail } of raised) {
      appendOutboxEvent(scoped, {
        type,
        aggregateType: 'customer',
        aggregateId: state.customerId,
        payload: { customerId: state.customerId, computedAt: next.computedAt, ...detail },
      });
    }
    events += raised.length;
    return {
      customerId: state.customerId,
      previous: state.previous,
      scores: next,
      changed,
      events: raised.map((e) => e.type),
    };
  });

  if (updates.length > 0) {
    await em.execute(
      `update customer c set scores = x.scores, is_vip = x.is_vip
       from jsonb_to_recordset(?::jsonb) as x(id uuid, scores jsonb, is_vip boolean)
       where c.tenant_id = ? and c.id = x.id`,
      [JSON.stringify(updates), tenantId],
    );
  }
  if (events > 0) await scoped.flush();

  const found = new Set(states.map((s) => s.customerId));
  return {
    results,
    missingIds: customerIds.filter((id) => !found.has(id)),
    changedIds: updates.map((u) => u.id),
    events,
  };
};
