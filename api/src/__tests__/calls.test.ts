import request from 'supertest';
import { Call, forTenant, OutboxEvent, Ticket } from '@c360/store';
import { createCustomer, openTestContext, type TestContext } from './support/testContext';

let ctx: TestContext;
let agent: string;

beforeAll(async () => {
  ctx = await openTestContext('calls');
  agent = `Bearer ${await ctx.token(ctx.a, 'agent')}`;
});
afterAll(() => ctx?.close());

const transcript = [
  { speaker: 'customer', text: 'My parcel never came.' },
  { speaker: 'agent', text: 'I am sending a new one today.' },
];

describe('POST /api/v1/calls', () => {
  it('stores the call linked to customer and ticket, raises customer.changed, and the journey shows length and duration, no summary', async () => {
    const customer = await createCustomer(ctx, ctx.a);
    const em = forTenant(ctx.orm.em.fork(), ctx.a.id);
    const ticket = em.create(Ticket, {
      tenant: ctx.a.id,
      customer: customer.id,
      subject: 'Parcel',
      slaPolicy: 'standard',
    });
    await em.flush();
    const outboxBefore = await ctx.orm.em
      .fork()
      .count(OutboxEvent, { aggregateId: customer.id, type: 'customer.changed' });

    const res = await request(ctx.app).post('/api/v1/calls').set('Authorization', agent).send({
      customerId: customer.id,
      ticketId: ticket.id,
      agentId: ctx.a.users.agent.id,
      direction: 'inbound',
      startedAt: '2026-06-14T15:00:00Z',
      endedAt: '2026-06-14T15:04:10Z',
      transcript,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      customerId: customer.id,
      ticketId: ticket.id,
      durationSeconds: 250,
      transcriptTurns: 2,
      summary: null,
    });
    const row = await forTenant(ctx.orm.em.fork(), ctx.a.id).findOneOrFail(Call, { id: res.body.id });
    expect(row.transcript).toBe('customer: My parcel never came.\nagent: I am sending a new one today.');
    const outbox = await ctx.orm.em
      .fork()
      .find(OutboxEvent, { aggregateId: customer.id, type: 'customer.changed' });
    expect(outbox.length).toBe(outboxBefore + 1);
    expect(JSON.stringify(outbox.at(-1)!.payload)).toContain('call.created');

    const journey = await request(ctx.app)
      .get(`/api/v1/customers/${customer.id}/journey?kinds=call`)
      .set('Authorization', agent);
    expect(journey.status).toBe(200);
    expect(journey.body.items).toHaveLength(1);
    expect(journey.body.items[0].data).toEqual({
      ticketId: ticket.id,
      direction: 'inbound',
      durationSeconds: 250,
      endedAt: '2026-06-14T15:04:10.000Z',
      transcriptTurns: 2,
      transcriptChars: row.transcript!.length,
      summary: null,
      actionItems: [],
    });
  });

  it('refuses bad input naming the field, and nothing is stored', async () => {
    const customer = await createCustomer(ctx, ctx.a);
    const count = () => forTenant(ctx.orm.em.fork(), ctx.a.id).count(Call, { customer: customer.id });
    const base = {
      customerId: customer.id,
      direction: 'outbound',
      startedAt: '2026-06-14T15:00:00Z',
      endedAt: '2026-06-14T15:01:00Z',
    };
    const backwards = await request(ctx.app)
      .post('/api/v1/calls')
      .set('Authorization', agent)
      .send({ ...base, endedAt: '2026-06-14T14:00:00Z' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields[0].path).toBe('body.endedAt');
    const duration = await request(ctx.app)
      .post('/api/v1/calls')
      .set('Authorization', agent)
      .send({ ...base, durationSeconds: 999 });
    expect(duration.body.error.fields[0].path).toBe('body.durationSeconds');
    const speaker = await request(ctx.app)
      .post('/api/v1/calls')
      .set('Authorization', agent)
      .send({ ...base, transcript: [{ speaker: 'robot', text: 'hi' }] });
    expect(speaker.body.error.fields[0].path).toBe('body.transcript.0.speaker');
    const otherTicket = await request(ctx.app)
      .post('/api/v1/calls')
      .set('Authorization', agent)
      .send({ ...base, ticketId: '3f6c2b1e-6a1d-4c1e-9f8a-2b7d7e0c1a55' });
    expect(otherTicket.status).toBe(400);
    expect(otherTicket.body.error.fields[0].path).toBe('body.ticketId');
    expect(await count()).toBe(0);
  });

  it("answers 404 for another tenant's customer, 403 for a marketer", async () => {
    const customer = await createCustomer(ctx, ctx.a);
    const body = {
      customerId: customer.id,
      direction: 'inbound',
      startedAt: '2026-06-14T15:00:00Z',
      endedAt: '2026-06-14T15:01:00Z',
    };
    const agentB = `Bearer ${await ctx.token(ctx.b, 'agent')}`;
    expect(
      (await request(ctx.app).post('/api/v1/calls').set('Authorization', agentB).send(body)).status,
    ).toBe(404);
    const marketer = `Bearer ${await ctx.token(ctx.a, 'marketer')}`;
    expect(
      (await request(ctx.app).post('/api/v1/calls').set('Authorization', marketer).send(body)).status,
    ).toBe(403);
  });
});
