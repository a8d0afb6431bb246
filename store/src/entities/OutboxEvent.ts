import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * A domain event written in the same transaction as the change it describes. The bigint id
 * gives a total order; the relay takes unprocessed rows by id (partial index below) and marks
 * them processed. It is infrastructure read across tenants by the relay, so it carries the
 * tenant as a plain column and has no tenant filter; writes still go through a tenant-scoped
 * EntityManager, which checks the tenant on flush.
 */
export const OutboxEvent = defineEntity({
  name: 'OutboxEvent',
  properties: {
    id: p.bigint('string').primary().autoincrement(),
    tenantId: p.uuid(),
    aggregateType: p.string().length(100),
    aggregateId: p.string().length(100),
    type: p.string().length(100),
    payload: p.json<Record<string, unknown>>(),
    createdAt: p.datetime().onCreate(() => new Date()),
    processedAt: p.datetime().nullable(),
    attempts: p.integer().default(0),
    lastError: p.text().nullable(),
  },
  indexes: [
    {
      name: 'outbox_event_unprocessed_index',
      expression:
        'create index "outbox_event_unprocessed_index" on "outbox_event" ("processed_at", "id") where "processed_at" is null',
    },
    { properties: ['aggregateType', 'aggregateId'] },
  ],
});
export type OutboxEvent = InferEntity<typeof OutboxEvent>;
