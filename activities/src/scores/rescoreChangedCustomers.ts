import type { EntityManager } from '@mikro-orm/postgresql';
import { CUSTOMER_CHANGED, rescoreCustomers, type RescoreOutcome } from '@c360/store';
import { changesScoreInputs } from './scoreInputs';

export type ChangedCustomerEvent = {
  type: string;
  aggregate_id: string;
  payload: Record<string, unknown> | null;
};

/**
 * The relay's score step: from one tenant's outbox events, the customers whose score inputs
 * changed are recomputed in the relay's transaction, before their search documents are built.
 * The events this raises are not `customer.changed`, and score writes raise none, so a recompute
 * never triggers another one.
 */
export const rescoreChangedCustomers = async (
  tx: EntityManager,
  tenantId: string,
  events: ChangedCustomerEvent[],
  now: Date,
): Promise<RescoreOutcome | null> => {
  const ids = new Set<string>();
  for (const event of events) {
    if (event.type !== CUSTOMER_CHANGED) continue;
    const reasons = event.payload?.['reasons'];
    if (Array.isArray(reasons) && changesScoreInputs(reasons.map(String))) ids.add(event.aggregate_id);
  }
  if (ids.size === 0) return null;
  return rescoreCustomers(tx, tenantId, [...ids], now);
};

export type RelayRescore = typeof rescoreChangedCustomers;
