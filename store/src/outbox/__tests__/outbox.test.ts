import { ref } from '@mikro-orm/core';
import { Client } from 'pg';
import { Conversation, Customer, Deal, Message, OutboxEvent, Tenant, Ticket } from '../../entities';
import { forTenant } from '../../tenancy/forTenant';
import { useTestDatabase } from '../../testing/useTestDatabase';
import { appendOutboxEvent } from '../appendOutboxEvent';
import { OUTBOX_CHANNEL } from '../outboxChannel';

const db = useTestDatabase();

let tenantId: string;
let otherTenantId: string;

type EventRow = {
  id: string;
  tenant_id: string;
  aggregate_id: string;
  type: string;
  payload: { customerId: string; reasons?: string[] };
};

const events = async (): Promise<EventRow[]> =>
  db.orm.em
    .fork()
    .getConnection()
    .execute<EventRow[]>('select id, tenant_id, aggregate_id, type, payload from outbox_event order by id');

const newCustomer = (em: ReturnType<typeof forTenant>, firstName: string): Customer =>
  em.create(Customer, {
    tenant: tenantId,
    firstName,
    lastName: 'Test',
    timeZone: 'Europe/Paris',
    language: 'fr',
  });

beforeAll(async () => {
  const root = db.orm.em.fork();
  const t = root.create(Tenant, { name: 'Outbox', slug: 'outbox', timeZone: 'Europe/Paris' });
  const o = root.create(Tenant, { name: 'Other', slug: 'other', timeZone: 'UTC' });
  await root.flush();
  tenantId = t.id;
  otherTenantId = o.id;
});

beforeEach(async () => {
  await db.orm.em.fork().getConnection().execute('delete from outbox_event');
});

describe('outbox subscriber', () => {
  it('appends one customer.changed for a customer inserted and updated in one flush', async () => {
    const em = forTenant(db.orm.em, tenantId);
    const c = newCustomer(em, 'Alice');
    c.tags = ['new'];
    c.isVip = true;
    await em.flush();
    const rows = await events();
    expect(rows).toEqual([
      {
        id: expect.any(String),
        tenant_id: tenantId,
        aggregate_id: c.id,
        type: 'customer.changed',
        payload: { customerId: c.id, reasons: ['customer.created'] },
      },
    ]);
  });

  it('folds a customer and the records that feed it, written in one flush, into one event', async () => {
    const em = forTenant(db.orm.em, tenantId);
    const c = newCustomer(em, 'Bruno');
    em.create(Deal, {
      tenant: tenantId,
      customer: c,
      title: 'Order 1',
      amount: 120,
      currency: 'EUR',
      status: 'won',
      stage: 'closed',
    });
    const ticket = em.create(Ticket, {
      tenant: tenantId,
      customer: c,
      subject: 'Where is my order?',
      slaPolicy: 'standard',
    });
    const conversation = em.create(Conversation, {
      tenant: tenantId,
      customer: c,
      channel: 'whatsapp',
      ticket,
    });
    em.create(Message, {
      tenant: tenantId,
      conversation,
      channel: 'whatsapp',
      direction: 'inbound',
      body: 'Hello',
      deliveryStatus: 'received',
      sentAt: new Date('2025-01-01T10:00:00Z'),
    });
    await em.flush();
    const rows = await events();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.payload).toEqual({
      customerId: c.id,
      reasons: [
        'conversation.created',
        'customer.created',
        'deal.created',
        'message.created',
        'ticket.created',
      ],
    });
  });

  it('appends an event for the customer of a new deal, and of a message whose conversation is not loaded', async () => {
    const setup = forTenant(db.orm.em, tenantId);
    const c = newCustomer(setup, 'Chloé');
    const conversation = setup.create(Conversation, { tenant: tenantId, customer: c, channel: 'email' });
    await setup.flush();
    await db.orm.em.fork().getConnection().execute('delete from outbox_event');

    const em = forTenant(db.orm.em, tenantId);
    em.create(Deal, {
      tenant: tenantId,
      customer: c.id,
      title: 'Order 2',
      amount: 40,
      currency: 'EUR',
      status: 'open',
      stage: 'quote',
    });
    await em.flush();
    const em2 = forTenant(db.orm.em, tenantId);
    em2.create(Message, {
      tenant: tenantId,
      conversation: conversation.id,
      channel: 'email',
      direction: 'outbound',
      body: 'Your order',
      deliveryStatus: 'sent',
      sentAt: new Date('2025-01-02T10:00:00Z'),
    });
    await em2.flush();
    expect((await events()).map((e) => [e.type, e.aggregate_id, e.payload.reasons])).toEqual([
      ['customer.changed', c.id, ['deal.created']],
      ['customer.changed', c.id, ['message.created']],
    ]);
  });

  it('touches both customers when a record moves from one to the other, and handles deletes', async () => {
    const em = forTenant(db.orm.em, tenantId);
    const from = newCustomer(em, 'Dora');
    const to = newCustomer(em, 'Emil');
    const deal = em.create(Deal, {
      tenant: tenantId,
      customer: from,
      title: 'Moved',
      amount: 1,
      currency: 'EUR',
      status: 'open',
      stage: 'new',
    });
    await em.flush();
    await db.orm.em.fork().getConnection().execute('delete from outbox_event');

    deal.customer = ref(to);
    await em.flush();
    expect(new Set((await events()).map((e) => e.aggregate_id))).toEqual(new Set([from.id, to.id]));

    await db.orm.em.fork().getConnection().execute('delete from outbox_event');
    em.remove(deal);
    await em.flush();
    expect((await events()).map((e) => [e.type, e.aggregate_id, e.payload.reasons])).toEqual([
      ['customer.changed', to.id, ['deal.deleted']],
    ]);
  });

  it('appends customer.deleted, and no customer.changed, when a customer is removed', async () => {
    const em = forTenant(db.orm.em, tenantId);
    const c = newCustomer(em, 'Fanny');
    await em.flush();
    await db.orm.em.fork().getConnection().execute('delete from outbox_event');
    c.tags = ['about to go'];
    em.remove(c);
    await em.flush();
    expect((await events()).map((e) => [e.type, e.aggregate_id, e.payload])).toEqual([
      ['customer.deleted', c.id, { customerId: c.id }],
    ]);
  });

  it('leaves no event behind when the transaction fails', async () => {
    const em = forTenant(db.orm.em, tenantId);
    let id = '';
    await expect(
      em.transactional(async (tx) => {
        const c = newCustomer(tx, 'Gaston');
        id = c.id;
        await tx.flush();
        throw new Error('business rule failed after the flush');
      }),
    ).rejects.toThrow('business rule failed');
    expect(await events()).toEqual([]);
    expect(await forTenant(db.orm.em, tenantId).findOne(Customer, id)).toBeNull();

    // A flush whose own insert fails rolls back its events with it.
    const em2 = forTenant(db.orm.em, tenantId);
    const c = newCustomer(em2, 'Hugo');
    em2.create(Deal, {
      tenant: tenantId,
      customer: c,
      title: 'Bad',
      amount: -5,
      currency: 'EUR',
      status: 'open',
      stage: 'x',
    });
    await expect(em2.flush()).rejects.toThrow(/deal_amount_check/);
    expect(await events()).toEqual([]);
  });

  it('appends explicit domain events with the scoped tenant in the same flush', async () => {
    const em = forTenant(db.orm.em, tenantId);
    const c = newCustomer(em, 'Inès');
    const ticket = em.create(Ticket, {
      tenant: tenantId,
      customer: c,
      subject: 'Resolved',
      slaPolicy: 'standard',
      status: 'resolved',
    });
    appendOutboxEvent(em, {
      type: 'ticket.resolved',
      aggregateType: 'ticket',
      aggregateId: ticket.id,
      payload: { ticketId: ticket.id, customerId: c.id },
    });
    await em.flush();
    const rows = await events();
    expect(rows.map((e) => e.type)).toEqual(['ticket.resolved', 'customer.changed']);
    expect(rows.every((e) => e.tenant_id === tenantId)).toBe(true);
    expect(await forTenant(db.orm.em, tenantId).count(OutboxEvent, { type: 'ticket.resolved' })).toBe(1);
  });

  it('refuses an explicit event without a tenant scope', () => {
    expect(() =>
      appendOutboxEvent(db.orm.em.fork(), { type: 'x', aggregateType: 'y', aggregateId: 'z' }),
    ).toThrow(/without a tenant/);
  });

  it('keeps tenants apart in the outbox', async () => {
    const em = forTenant(db.orm.em, otherTenantId);
    const c = em.create(Customer, {
      tenant: otherTenantId,
      firstName: 'Other',
      lastName: 'One',
      timeZone: 'UTC',
      language: 'en',
    });
    await em.flush();
    expect((await events()).map((e) => [e.tenant_id, e.aggregate_id])).toEqual([[otherTenantId, c.id]]);
  });
});

describe('outbox notification', () => {
  it(`notifies ${OUTBOX_CHANNEL} when an event commits, and not when it rolls back`, async () => {
    const listener = new Client({ connectionString: db.url });
    await listener.connect();
    const received: string[] = [];
    listener.on('notification', (n) => received.push(n.channel));
    await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 300));
    try {
      await forTenant(db.orm.em, tenantId)
        .transactional(async (tx) => {
          newCustomer(tx, 'Rolled back');
          await tx.flush();
          throw new Error('rollback');
        })
        .catch(() => undefined);
      await settle();
      expect(received).toEqual([]);

      const em = forTenant(db.orm.em, tenantId);
      newCustomer(em, 'Jules');
      newCustomer(em, 'Kim');
      await em.flush();
      await settle();
      expect(received).toEqual([OUTBOX_CHANNEL]);
    } finally {
      await listener.end();
    }
  });
});
