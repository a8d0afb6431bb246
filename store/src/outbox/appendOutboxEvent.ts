import type { EntityManager } from '@mikro-orm/core';
import { OutboxEvent } from '../entities/OutboxEvent';
import { scopedTenantId } from '../tenancy/forTenant';
import { TenantScopeError } from '../tenancy/tenantFilter';

export type OutboxEventInput = {
  /** `ticket.resolved`, `csat.low_rating_received`, ... */
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload?: Record<string, unknown>;
};

/**
 * Queues a domain event on a tenant-scoped EntityManager. It is inserted by the next flush,
 * in the same transaction as the changes flushed with it; the tenant is the EntityManager's.
 */
export const appendOutboxEvent = (em: EntityManager, event: OutboxEventInput): OutboxEvent => {
  const tenantId = scopedTenantId(em);
  if (!tenantId)
    throw new TenantScopeError(
      `appendOutboxEvent(${event.type}) without a tenant: use forTenant(em, tenantId)`,
    );
  for (const field of ['type', 'aggregateType', 'aggregateId'] as const) {
    if (typeof event[field] !== 'string' || event[field].length === 0) {
      throw new TypeError(`appendOutboxEvent: ${field} must be a non-empty string`);
    }
  }
  return em.create(OutboxEvent, {
    tenantId,
    type: event.type,
    aggregateType: event.aggregateType,
    aggregateId: event.aggregateId,
    payload: event.payload ?? {},
  });
};
