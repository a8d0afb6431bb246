import request from 'supertest';
import { AuditLog, Conversation, Customer, forTenant, OutboxEvent, Ticket } from '@c360/store';
import { createCustomer, openTestContext, type TestContext } from './support/testContext';

let ctx: TestContext;
let manager: string;
let agent: string;

beforeAll(async () => {
  ctx = await openTestContext('macros');
  manager = `Bearer ${await ctx.token(ctx.a, 'manager')}`;
  agent = `Bearer ${await ctx.token(ctx.a, 'agent')}`;
});
afterAll(() => ctx?.close());

/** A customer with one email conversation, on a ticket or not. */
const conversationFor = async (withTicket: boolean) => {
  const customer = await createCustomer(ctx, ctx.a, { firstName: 'Mia', tags: ['new'] });
  const em = forTenant(ctx.orm.em.fork(), ctx.a.id);
  const ticket = withTicket
    ? em.create(Ticket, {
        tenant: ctx.a.id,
        customer: customer.id,
        subject: 'Broken zip',
        slaPolicy: 'standard',
      })
    : null;
  const conversation = em.create(Conversation, {
    tenant: ctx.a.id,
    customer: customer.id,
    channel: 'email',
    ticket,
  });
  await em.flush();
  return { customerId: customer.id, conversationId: conversation.id, ticketId: ticket?.id ?? null };
};

const createMacro = async (actions: unknown[], name = `m-${Math.random()}`) =>
  request(ctx.app).post('/api/v1/replies/macros').set('Authorization', manager).send({ name, actions });

const run = (conversationId: string, macroId: string, token = agent) =>
  request(ctx.app)
    .post(`/api/v1/conversations/${conversationId}/macros/${macroId}/run`)
    .set('Authorization', token);

describe('macros', () => {
  it('refuses an invalid action, naming its index and field', async () => {
    const res = await createMacro([
      { type: 'tag', tags: ['x'] },
      { type: 'set_priority', priority: 'asap' },
    ]);
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('body.actions.1.priority');
    const unknownType = await createMacro([{ type: 'delete_everything' }]);
    expect(unknownType.status).toBe(400);
    expect(unknownType.body.error.fields[0].path).toMatch(/^body\.actions\.0/);
    const byAgent = await request(ctx.app)
      .post('/api/v1/replies/macros')
      .set('Authorization', agent)
      .send({ name: 'a', actions: [{ type: 'resolve' }] });
    expect(byAgent.status).toBe(403);
  });

  it('runs every action in order, appends ticket.resolved and survey.requested, and audits the run', async () => {
    const template = await request(ctx.app)
      .post('/api/v1/replies/templates')
      .set('Authorization', manager)
      .send({
        name: 'Fixed',
        channel: 'email',
        body: 'Hi {{customer.firstName}}, fixed: {{ticket.subject}}',
      });
    const { customerId, conversationId, ticketId } = await conversationFor(true);
    const macro = await createMacro([
      { type: 'insert_template', templateId: template.body.id },
      { type: 'tag', tags: ['zip', 'new'] },
      { type: 'assign', userId: ctx.a.users.agent.id, team: 'tier-2' },
      { type: 'set_priority', priority: 'high' },
      { type: 'resolve' },
      { type: 'send_survey', kind: 'csat' },
    ]);
    expect(macro.status).toBe(201);
    const res = await run(conversationId, macro.body.id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      conversationId,
      macroId: macro.body.id,
      applied: ['insert_template', 'tag', 'assign', 'set_priority', 'resolve', 'send_survey'],
      draft: 'Hi Mia, fixed: Broken zip',
    });

    const em = forTenant(ctx.orm.em.fork(), ctx.a.id);
    const ticket = await em.findOneOrFail(Ticket, { id: ticketId! });
    expect(ticket).toMatchObject({ status: 'resolved', priority: 'high', team: 'tier-2' });
    expect(ticket.assignee?.id).toBe(ctx.a.users.agent.id);
    const conversation = await em.findOneOrFail(Conversation, { id: conversationId });
    expect(conversation.status).toBe('closed');
    expect((await em.findOneOrFail(Customer, { id: customerId })).tags).toEqual(['new', 'zip']);
    const events = await ctx.orm.em
      .fork()
      .find(OutboxEvent, { type: { $in: ['ticket.resolved', 'survey.requested'] }, tenantId: ctx.a.id });
    expect(events.map((e) => [e.type, e.aggregateId]).sort()).toEqual(
      [
        ['survey.requested', customerId],
        ['ticket.resolved', ticketId],
      ].sort(),
    );
    const audit = await em.find(AuditLog, { entityId: conversationId, action: 'macro.run' });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(ctx.a.users.agent.id);
  });

  it('changes nothing when one action fails: an earlier tag and assignment are rolled back', async () => {
    const { customerId, conversationId } = await conversationFor(false);
    const macro = await createMacro([
      { type: 'tag', tags: ['should-not-stay'] },
      { type: 'assign', userId: ctx.a.users.agent.id },
      { type: 'send_survey', kind: 'nps' },
      { type: 'set_priority', priority: 'urgent' },
    ]);
    const outboxBefore = await ctx.orm.em
      .fork()
      .count(OutboxEvent, { tenantId: ctx.a.id, type: 'survey.requested' });
    const res = await run(conversationId, macro.body.id);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(
      /macro action 3 \(set_priority\) failed: the conversation has no ticket/,
    );

    const em = forTenant(ctx.orm.em.fork(), ctx.a.id);
    expect((await em.findOneOrFail(Customer, { id: customerId })).tags).toEqual(['new']);
    expect((await em.findOneOrFail(Conversation, { id: conversationId })).assignee).toBeNull();
    expect(await ctx.orm.em.fork().count(OutboxEvent, { tenantId: ctx.a.id, type: 'survey.requested' })).toBe(
      outboxBefore,
    );
    expect(await em.count(AuditLog, { entityId: conversationId, action: 'macro.run' })).toBe(0);
  });

  it("answers 404 for another tenant's conversation or macro", async () => {
    const { conversationId } = await conversationFor(true);
    const macro = await createMacro([{ type: 'resolve' }]);
    const agentB = `Bearer ${await ctx.token(ctx.b, 'agent')}`;
    expect((await run(conversationId, macro.body.id, agentB)).status).toBe(404);
    expect(
      (await request(ctx.app).get(`/api/v1/replies/macros/${macro.body.id}`).set('Authorization', agentB))
        .status,
    ).toBe(404);
    const bad = await request(ctx.app)
      .post(`/api/v1/conversations/not-a-uuid/macros/${macro.body.id}/run`)
      .set('Authorization', agent);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('params.id');
  });
});
