import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

export type SendSlotRequest = {
  tenantId: string;
  customerId: string;
  /** The send's idempotency key. */
  key: string;
  /** The customer's day (YYYY-MM-DD in their zone). */
  localDay: string;
  cap: number;
};

/**
 * Takes a free slot 0..cap-1 of the customer's day for this send, or says the day is full. Each
 * attempt is an `INSERT ... ON CONFLICT DO NOTHING` against the (tenant, customer, day, slot)
 * unique key: a send racing for the same slot waits for the other's transaction and then finds
 * it taken, so two concurrent sends can never both pass a full cap. Idempotent by key: a send
 * already holding a slot that day keeps it; one holding a slot on another day gives it up first.
 */
export const reserveSendSlot = async (em: EntityManager, input: SendSlotRequest): Promise<boolean> =>
  em.transactional(async (tx) => {
    const held = await tx.execute<{ local_day: string }[]>(
      'select local_day from send_slot where tenant_id = ? and send_key = ?',
      [input.tenantId, input.key],
    );
    if (held[0]?.local_day === input.localDay) return true;
    if (held.length > 0)
      await tx.execute('delete from send_slot where tenant_id = ? and send_key = ?', [
        input.tenantId,
        input.key,
      ]);
    for (let slot = 0; slot < input.cap; slot += 1) {
      const inserted = await tx.execute<{ id: string }[]>(
        `insert into send_slot (id, tenant_id, created_at, customer_id, local_day, slot, send_key)
         values (?, ?, now(), ?, ?, ?, ?) on conflict do nothing returning id`,
        [randomUUID(), input.tenantId, input.customerId, input.localDay, slot, input.key],
      );
      if (inserted.length > 0) return true;
    }
    return false;
  });

/** Gives the send's slot back (a send cancelled, skipped or failed before it went). */
export const releaseSendSlot = async (
  em: EntityManager,
  input: { tenantId: string; key: string },
): Promise<void> => {
  await em.execute('delete from send_slot where tenant_id = ? and send_key = ?', [input.tenantId, input.key]);
};

/** The slots a customer's day holds (for tests and the composer). */
export const countSendSlots = async (
  em: EntityManager,
  input: { tenantId: string; customerId: string; localDay: string },
): Promise<number> => {
  const rows = await em.execute<{ n: string }[]>(
    'select count(*) as n from send_slot where tenant_id = ? and customer_id = ? and local_day = ?',
    [input.tenantId, input.customerId, input.localDay],
  );
  return Number(rows[0]?.n ?? 0);
};
