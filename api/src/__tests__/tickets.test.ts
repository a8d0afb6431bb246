import request from 'supertest';
import { forTenant, OutboxEvent, Ticket } from '@c360/store';
import { createCustomer, openTestContext, type TestContext } from './support/testContext';

let ctx: TestContext;
let agent: string;

beforeAll(async () => {
  ctx = await openTestContext('tickets');
  agent = `Bearer ${await ctx.token(ctx.a, 'agent')}`;
});
afterAll(() => ctx?.close());

/** The lifecycle events of one ticket, oldest first, as the workflows will see them. */
const eventsOf = async (ticketId: string) =>
  (
    await ctx.orm.em
      .fork()
      .find(OutboxEvent, { aggregateType: 'ticket', aggregateId: ticketId }, { orderBy: { id: 'asc' } })
  ).map((e) => ({ type: e.type, payload: e.payload }));

describe('tickets API', () => {
  it('opens a ticket with ticket.created, then announces each change once: pending, owner, resolution, reopening', async () => {
    const customer = await createCustomer(ctx, ctx.a);
    const created = await request(ctx.app)
      .post('/api/v1/tickets')
      .set('Authorization', agent)
      .send({ customerId: customer.id, subject: 'Refund', priority: 'high', slaPolicy: 'vip' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      customerId: customer.id,
      status: 'open',
      priority: 'high',
      slaPolicy: 'vip',
    });
    const id: string = created.body.id;

    const patch = (body: object) =>
      request(ctx.app).patch(`/api/v1/tickets/${id}`).set('Authorization', agent).send(body);
    expect((await patch({ status: 'pending' })).body.status).toBe('pending');
    expect((await patch({ assigneeId: ctx.a.users.agent.id })).body.assigneeId).toBe(ctx.a.users.agent.id);
    expect((await patch({ assigneeId: ctx.a.users.agent.id })).status).toBe(200); // no change: no event
    const resolved = await patch({ status: 'resolved' });
    expect(resolved.body.resolvedAt).not.toBeNull();
    expect((await patch({ status: 'open' })).body.resolvedAt).toBeNull();

    const events = await eventsOf(id);
    expect(events.map((e) => e.type)).toEqual([
      'ticket.created',
      'ticket.status_changed',
      'ticket.assigned',
      'ticket.resolved',
      'ticket.reopened',
    ]);
    expect(events[0]!.payload).toMatchObject({
      ticketId: id,
      customerId: customer.id,
      slaPolicy: 'vip',
      priority: 'high',
    });
    expect(events[1]!.payload).toMatchObject({ from: 'open', to: 'pending' });
    expect(events[2]!.payload).toMatchObject({ assigneeId: ctx.a.users.agent.id, slaPolicy: 'vip' });
    expect(events[3]!.payload).toMatchObject({ autoResolved: false, conversationId: null });
  });

  it('refuses bad input with the field and why, and changes nothing', async () => {
    const customer = await createCustomer(ctx, ctx.a);
    const bad = await request(ctx.app)
      .post('/api/v1/tickets')
      .set('Authorization', agent)
      .send({ customerId: customer.id, subject: '', slaPolicy: 'Not A Policy!' });
    expect(bad.status).toBe(400);
    const paths = JSON.stringify(bad.body);
    expect(paths).toContain('subject');
    expect(paths).toContain('slaPolicy');
    const unknownUser = await request(ctx.app)
      .post('/api/v1/tickets')
      .set('Authorization', agent)
      .send({ customerId: customer.id, subject: 'x', assigneeId: ctx.b.users.agent.id });
    expect(unknownUser.status).toBe(400);
    expect(JSON.stringify(unknownUser.body)).toContain('body.assigneeId');
    expect(await forTenant(ctx.orm.em.fork(), ctx.a.id).count(Ticket, { customer: customer.id })).toBe(0);
    const empty = await request(ctx.app)
      .patch(`/api/v1/tickets/${customer.id}`)
      .set('Authorization', agent)
      .send({});
    expect(empty.status).toBe(400);
  });

  it("answers 404 for another tenant's ticket and customer", async () => {
    const other = await createCustomer(ctx, ctx.b);
    const res = await request(ctx.app)
      .post('/api/v1/tickets')
      .set('Authorization', agent)
      .send({ customerId: other.id, subject: 'Not yours' });
    expect(res.status).toBe(404);
    const em = forTenant(ctx.orm.em.fork(), ctx.b.id);
    const ticket = em.create(Ticket, {
      tenant: ctx.b.id,
      customer: other.id,
      subject: 'B',
      slaPolicy: 'standard',
    });
    await em.flush();
    expect(
      (await request(ctx.app).get(`/api/v1/tickets/${ticket.id}`).set('Authorization', agent)).status,
    ).toBe(404);
    expect(
      (
        await request(ctx.app)
          .patch(`/api/v1/tickets/${ticket.id}`)
          .set('Authorization', agent)
          .send({ status: 'pending' })
      ).status,
    ).toBe(404);
  });
});
