import {
  helper,
  Reference,
  type ChangeSet,
  type EventSubscriber,
  type FlushEventArgs,
} from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { OutboxEvent } from '../entities/OutboxEvent';
import { scopedTenantId } from '../tenancy/forTenant';
import { CUSTOMER_CHANGED, CUSTOMER_DELETED, type CustomerChangedPayload } from './outboxEventTypes';

/** Entities whose rows carry a `customer` reference and feed that customer's profile. */
export const PROFILE_SOURCES = [
  'Deal',
  'Ticket',
  'Conversation',
  'Call',
  'KnowledgeView',
  'ConversionEvent',
  'SurveyResponse',
] as const;

const SOURCES = new Set<string>(PROFILE_SOURCES);
const OPS: Record<string, string> = { create: 'created', update: 'updated', delete: 'deleted' };

type Row = Record<string, unknown>;

const idOf = (value: unknown): string | null => {
  if (value == null) return null;
  if (typeof value === 'string') return value;
  return String(helper(Reference.unwrapReference(value as object)).getPrimaryKey());
};

/**
 * Turns each flush into outbox events in the same transaction: one `customer.changed` per
 * affected customer (with the reasons, e.g. `deal.created`, `message.created`), and one
 * `customer.deleted` per removed customer instead. A record moved from one customer to another
 * touches both. Messages reach their customer through the conversation, read from memory when
 * it is loaded and otherwise in one query per flush.
 *
 * Only unit-of-work writes pass here: `em.nativeUpdate`, `insertMany`, query-builder writes and
 * raw SQL do not, and code using them must call `appendOutboxEvent` itself.
 */
export class OutboxSubscriber implements EventSubscriber {
  async onFlush({ em, uow }: FlushEventArgs): Promise<void> {
    const changed = new Map<string, Set<string>>();
    const deleted: string[] = [];
    const messagesByConversation = new Map<string, string[]>();
    const touch = (customerId: string | null, reason: string): void => {
      if (!customerId) return;
      const reasons = changed.get(customerId) ?? new Set<string>();
      reasons.add(reason);
      changed.set(customerId, reasons);
    };

    for (const cs of uow.getChangeSets() as ChangeSet<Row>[]) {
      const name = cs.meta.className;
      const reason = `${cs.meta.tableName}.${OPS[cs.type] ?? cs.type}`;
      if (name === 'Customer') {
        const id = idOf(cs.entity['id']);
        if (cs.type === 'delete' && id) deleted.push(id);
        else touch(id, reason);
      } else if (SOURCES.has(name)) {
        touch(idOf(cs.entity['customer']), reason);
        const before = cs.originalEntity?.['customer'];
        if (cs.type === 'update' && before != null) touch(idOf(before), reason);
      } else if (name === 'Message') {
        const conversation = Reference.unwrapReference(cs.entity['conversation'] as object) as Row;
        const customer = helper(conversation).__initialized ? idOf(conversation['customer']) : null;
        if (customer) touch(customer, reason);
        else {
          const conversationId = idOf(conversation)!;
          messagesByConversation.set(conversationId, [
            ...(messagesByConversation.get(conversationId) ?? []),
            reason,
          ]);
        }
      }
    }

    const tenantId = scopedTenantId(em);
    if (!tenantId) return; // nothing tenant-owned in this flush: the tenant guard lets only that through
    if (messagesByConversation.size > 0) {
      const sqlEm = em as EntityManager;
      const rows = await sqlEm
        .getConnection()
        .execute<
          { id: string; customer_id: string }[]
        >('select id, customer_id from conversation where tenant_id = ? and id in (?)', [tenantId, [...messagesByConversation.keys()]], 'all', sqlEm.getTransactionContext());
      for (const row of rows)
        for (const reason of messagesByConversation.get(row.id) ?? []) touch(row.customer_id, reason);
    }

    for (const customerId of deleted) changed.delete(customerId);
    const events = [
      ...[...changed].map(([customerId, reasons]) =>
        em.create(OutboxEvent, {
          tenantId,
          aggregateType: 'customer',
          aggregateId: customerId,
          type: CUSTOMER_CHANGED,
          payload: { customerId, reasons: [...reasons].sort() } satisfies CustomerChangedPayload,
        }),
      ),
      ...deleted.map((customerId) =>
        em.create(OutboxEvent, {
          tenantId,
          aggregateType: 'customer',
          aggregateId: customerId,
          type: CUSTOMER_DELETED,
          payload: { customerId },
        }),
      ),
    ];
    for (const event of events) uow.computeChangeSet(event);
  }
}
