import request from 'supertest';
import { forTenant, Template } from '@c360/store';
import { createCustomer, openTestContext, type TestContext } from './support/testContext';

let ctx: TestContext;
let manager: string;
let agent: string;
let agentB: string;
let customerId: string;

beforeAll(async () => {
  ctx = await openTestContext('replies');
  manager = `Bearer ${await ctx.token(ctx.a, 'manager')}`;
  agent = `Bearer ${await ctx.token(ctx.a, 'agent')}`;
  agentB = `Bearer ${await ctx.token(ctx.b, 'agent')}`;
  customerId = (await createCustomer(ctx, ctx.a, { firstName: '<b>Zoé</b>', lastName: 'Martin' })).id;
});
afterAll(() => ctx?.close());

const createTemplate = async (body: Record<string, unknown>) =>
  request(ctx.app).post('/api/v1/replies/templates').set('Authorization', manager).send(body);

describe('reply templates', () => {
  let emailId: string;

  it('creates a template and refuses an unknown variable, naming it and the field', async () => {
    const res = await createTemplate({
      name: 'Welcome',
      channel: 'email',
      subject: 'About your request',
      body: 'Hello {{customer.firstName}},\n\n{{agent.name}} here.',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Welcome', channel: 'email', usageCount: 0, favorite: false });
    emailId = res.body.id;

    const bad = await createTemplate({ name: 'Typo', channel: 'email', body: 'Hi {{custmer.firstName}}' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([
      expect.objectContaining({
        path: 'body.body',
        message: expect.stringContaining('unknown variable custmer.firstName'),
      }),
    ]);
    expect(await forTenant(ctx.orm.em, ctx.a.id).count(Template, { name: 'Typo' })).toBe(0);
  });

  it('lets agents read but not write templates', async () => {
    const res = await request(ctx.app)
      .post('/api/v1/replies/templates')
      .set('Authorization', agent)
      .send({ name: 'Nope', channel: 'email', body: 'x' });
    expect(res.status).toBe(403);
    const list = await request(ctx.app)
      .get('/api/v1/replies/templates?channel=email')
      .set('Authorization', agent);
    expect(list.status).toBe(200);
    expect(list.body.items.map((t: { id: string }) => t.id)).toContain(emailId);
  });

  it("answers 404 for another tenant's template, on read, preview and change", async () => {
    const read = await request(ctx.app)
      .get(`/api/v1/replies/templates/${emailId}`)
      .set('Authorization', agentB);
    expect(read.status).toBe(404);
    const preview = await request(ctx.app)
      .post(`/api/v1/replies/templates/${emailId}/preview`)
      .set('Authorization', agentB)
      .send({ customerId });
    expect(preview.status).toBe(404);
    const managerB = `Bearer ${await ctx.token(ctx.b, 'manager')}`;
    const patch = await request(ctx.app)
      .patch(`/api/v1/replies/templates/${emailId}`)
      .set('Authorization', managerB)
      .send({ name: 'stolen' });
    expect(patch.status).toBe(404);
  });

  it('previews with the customer and the calling agent, escaped for email, without counting a use', async () => {
    const res = await request(ctx.app)
      .post(`/api/v1/replies/templates/${emailId}/preview`)
      .set('Authorization', agent)
      .send({ customerId });
    expect(res.status).toBe(200);
    expect(res.body.text).toBe(`Hello <b>Zoé</b>,\n\nagent of ${ctx.a.slug} here.`);
    expect(res.body.html).toBe(`<p>Hello &lt;b&gt;Zoé&lt;/b&gt;,</p>\n<p>agent of ${ctx.a.slug} here.</p>`);
    const t = await forTenant(ctx.orm.em.fork(), ctx.a.id).findOneOrFail(Template, { id: emailId });
    expect(t.usageCount).toBe(0);
  });

  it('keeps favorites per user', async () => {
    const put = await request(ctx.app)
      .put(`/api/v1/replies/templates/${emailId}/favorite`)
      .set('Authorization', agent);
    expect(put.body.favorite).toBe(true);
    const mine = await request(ctx.app)
      .get('/api/v1/replies/templates?favorites=true')
      .set('Authorization', agent);
    expect(mine.body.items.map((t: { id: string }) => t.id)).toEqual([emailId]);
    const theirs = await request(ctx.app)
      .get('/api/v1/replies/templates?favorites=true')
      .set('Authorization', manager);
    expect(theirs.body.items).toEqual([]);
    const del = await request(ctx.app)
      .delete(`/api/v1/replies/templates/${emailId}/favorite`)
      .set('Authorization', agent);
    expect(del.body.favorite).toBe(false);
  });

  it('maps a WhatsApp template to an approved provider template and checks the mapping', async () => {
    const spec = { header: null, body: ['text', 'text'], buttons: [] };
    const wrong = await createTemplate({
      name: 'Order update',
      channel: 'whatsapp',
      body: 'Hi {{customer.firstName}}',
      providerTemplateName: 'order_update',
      whatsappSpec: spec,
      parameters: ['customer.firstName'],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0]).toMatchObject({ path: 'body.parameters' });

    const ok = await createTemplate({
      name: 'Order update',
      channel: 'whatsapp',
      body: 'Hi {{customer.firstName}}, this is {{agent.name}}',
      providerTemplateName: 'order_update',
      whatsappSpec: spec,
      parameters: ['customer.firstName', 'agent.name'],
      approvalStatus: 'approved',
    });
    expect(ok.status).toBe(201);
    const preview = await request(ctx.app)
      .post(`/api/v1/replies/templates/${ok.body.id}/preview`)
      .set('Authorization', agent)
      .send({ customerId });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      channel: 'whatsapp',
      html: null,
      text: `Hi <b>Zoé</b>, this is agent of ${ctx.a.slug}`,
      providerTemplate: {
        name: 'order_update',
        language: 'en',
        parameters: {
          body: [
            { type: 'text', text: '<b>Zoé</b>' },
            { type: 'text', text: `agent of ${ctx.a.slug}` },
          ],
        },
      },
    });
  });
});

describe('snippets and compose', () => {
  it('composes templates, snippets and free text in order, counts template uses, and names a missing variable', async () => {
    const template = await createTemplate({
      name: 'Greeting',
      channel: 'instagram',
      body: 'Hi {{customer.firstName}}!',
    });
    const snippet = await request(ctx.app)
      .post('/api/v1/replies/snippets')
      .set('Authorization', agent)
      .send({ shortcut: 'ticket', title: 'Ticket', body: 'Your ticket: {{ticket.subject}}' });
    expect(snippet.status).toBe(201);
    const closing = await request(ctx.app)
      .post('/api/v1/replies/snippets')
      .set('Authorization', agent)
      .send({ shortcut: 'bye', title: 'Bye', body: 'Bye, {{agent.name}}' });

    const parts = [
      { type: 'template', id: template.body.id },
      { type: 'text', text: 'Checking now.' },
      { type: 'snippet', id: closing.body.id },
    ];
    const res = await request(ctx.app)
      .post('/api/v1/replies/compose')
      .set('Authorization', agent)
      .send({ channel: 'instagram', customerId, parts });
    expect(res.status).toBe(200);
    expect(res.body.text).toBe(`Hi <b>Zoé</b>!\n\nChecking now.\n\nBye, agent of ${ctx.a.slug}`);
    expect(res.body.html).toBeNull();
    const after = await forTenant(ctx.orm.em.fork(), ctx.a.id).findOneOrFail(Template, {
      id: template.body.id,
    });
    expect(after.usageCount).toBe(1);

    const missing = await request(ctx.app)
      .post('/api/v1/replies/compose')
      .set('Authorization', agent)
      .send({ channel: 'instagram', customerId, parts: [{ type: 'snippet', id: snippet.body.id }] });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toEqual([
      { path: 'body.parts[0]', message: `no value for variable ticket.subject (snippet ${snippet.body.id})` },
    ]);

    const wrongChannel = await request(ctx.app)
      .post('/api/v1/replies/compose')
      .set('Authorization', agent)
      .send({ channel: 'email', customerId, parts: [{ type: 'template', id: template.body.id }] });
    expect(wrongChannel.status).toBe(400);
    expect(wrongChannel.body.error.fields[0]).toMatchObject({ path: 'body.parts.0.id' });
  });

  it("refuses bad input naming the field, and another tenant's snippet", async () => {
    const bad = await request(ctx.app)
      .post('/api/v1/replies/snippets')
      .set('Authorization', agent)
      .send({ shortcut: 'Has Space', title: 'x', body: 'y' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('body.shortcut');

    const mine = await request(ctx.app)
      .post('/api/v1/replies/snippets')
      .set('Authorization', agent)
      .send({ shortcut: 'private', title: 'x', body: 'y' });
    const other = await request(ctx.app)
      .get(`/api/v1/replies/snippets/${mine.body.id}`)
      .set('Authorization', agentB);
    expect(other.status).toBe(404);
    const marketer = `Bearer ${await ctx.token(ctx.a, 'marketer')}`;
    expect(
      (await request(ctx.app).get('/api/v1/replies/snippets').set('Authorization', marketer)).status,
    ).toBe(403);

    const badPart = await request(ctx.app)
      .post('/api/v1/replies/compose')
      .set('Authorization', agent)
      .send({
        channel: 'email',
        customerId,
        parts: [{ type: 'snippet', id: mine.body.id }, { type: 'gif' }],
      });
    expect(badPart.status).toBe(400);
    expect(badPart.body.error.fields[0].path).toMatch(/^body\.parts\.1/);
  });
});
