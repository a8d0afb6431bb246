import { randomUUID } from 'node:crypto';
import { Customer, Tenant } from '../../entities';
import { forTenant } from '../../tenancy/forTenant';
import { useTestDatabase } from '../../testing/useTestDatabase';
import { countSendSlots, releaseSendSlot, reserveSendSlot } from '../sendSlots';

const db = useTestDatabase();

const customerOfNewTenant = async () => {
  const root = db.orm.em.fork();
  const tenant = root.create(Tenant, {
    name: 'Slots',
    slug: `slots-${randomUUID().slice(0, 8)}`,
    timeZone: 'UTC',
  });
  await root.flush();
  const em = forTenant(db.orm.em.fork(), tenant.id);
  const customer = em.create(Customer, {
    tenant: tenant.id,
    firstName: 'A',
    lastName: 'B',
    timeZone: 'UTC',
    language: 'en',
  });
  await em.flush();
  return { tenantId: tenant.id, customerId: customer.id };
};

describe('send slots (the frequency cap)', () => {
  it('lets exactly `cap` of many concurrent sends through on one day', async () => {
    const { tenantId, customerId } = await customerOfNewTenant();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        reserveSendSlot(forTenant(db.orm.em.fork(), tenantId), {
          tenantId,
          customerId,
          key: `send-${i}`,
          localDay: '2026-12-01',
          cap: 3,
        }),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(3);
    expect(await countSendSlots(db.orm.em.fork(), { tenantId, customerId, localDay: '2026-12-01' })).toBe(3);
  });

  it('is idempotent by key, moves a send to another day, and frees a slot on release', async () => {
    const { tenantId, customerId } = await customerOfNewTenant();
    const em = () => forTenant(db.orm.em.fork(), tenantId);
    const slot = (key: string, localDay: string) =>
      reserveSendSlot(em(), { tenantId, customerId, key, localDay, cap: 1 });
    expect(await slot('a', '2026-12-01')).toBe(true);
    expect(await slot('a', '2026-12-01')).toBe(true); // a retried activity keeps its slot
    expect(await slot('b', '2026-12-01')).toBe(false); // the day is full
    expect(await slot('a', '2026-12-02')).toBe(true); // a moves to the next day...
    expect(await slot('b', '2026-12-01')).toBe(true); // ...which frees its old slot
    await releaseSendSlot(em(), { tenantId, key: 'b' });
    expect(await countSendSlots(em(), { tenantId, customerId, localDay: '2026-12-01' })).toBe(0);
  });
});
