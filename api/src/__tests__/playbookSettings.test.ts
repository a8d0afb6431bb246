import request from 'supertest';
import { forTenant, Segment } from '@c360/store';
import { openTestContext, type TestContext } from './support/testContext';

/** The playbook settings API on the real database: defaults, validation, roles, tenant isolation. */
let ctx: TestContext;
let admin: string;
let manager: string;
let agent: string;
let segmentId: string;
const PATH = '/api/v1/admin/playbooks';

beforeAll(async () => {
  ctx = await openTestContext('playbooks');
  admin = `Bearer ${await ctx.token(ctx.a, 'admin')}`;
  manager = `Bearer ${await ctx.token(ctx.a, 'manager')}`;
  agent = `Bearer ${await ctx.token(ctx.a, 'agent')}`;
  const em = forTenant(ctx.orm.em, ctx.a.id);
  const segment = em.create(Segment, { tenant: ctx.a.id, name: 'Lapsed', definition: {} });
  await em.flush();
  segmentId = segment.id;
}, 60_000);
afterAll(() => ctx?.close());

describe('playbook settings API', () => {
  it('reads every playbook, on by default with its parameters, for admins and managers only', async () => {
    const read = await request(ctx.app).get(PATH).set('Authorization', manager);
    expect(read.status).toBe(200);
    expect(Object.keys(read.body).sort()).toEqual([
      'churnWinback',
      'healthDrop',
      'lowCsat',
      'segmentEntered',
      'vip',
    ]);
    expect(read.body.healthDrop).toEqual({ enabled: true, params: { minDrop: 15, factorMinChange: 1 } });
    expect((await request(ctx.app).get(PATH).set('Authorization', agent)).status).toBe(403);
    expect(
      (await request(ctx.app).put(`${PATH}/vip`).set('Authorization', agent).send({ enabled: false })).status,
    ).toBe(403);
  });

  it('changes one playbook, defaults the rest, and keeps tenants apart', async () => {
    const put = await request(ctx.app)
      .put(`${PATH}/lowCsat`)
      .set('Authorization', admin)
      .send({ enabled: false, params: { resolveWithinHours: 8 } });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({
      enabled: false,
      params: { priority: 'high', teamLeadUserId: null, resolveWithinHours: 8 },
    });
    const read = await request(ctx.app).get(PATH).set('Authorization', admin);
    expect(read.body.lowCsat).toEqual(put.body);
    expect(read.body.vip.enabled).toBe(true);
    const other = await request(ctx.app)
      .get(PATH)
      .set('Authorization', `Bearer ${await ctx.token(ctx.b, 'admin')}`);
    expect(other.body.lowCsat.enabled).toBe(true);
  });

  it('refuses bad input with 400 naming the fields, and changes nothing', async () => {
    const before = (await request(ctx.app).get(PATH).set('Authorization', admin)).body;
    const bad = await request(ctx.app)
      .put(`${PATH}/churnWinback`)
      .set('Authorization', admin)
      .send({ enabled: 'yes', params: { engagementWaitDays: 0 } });
    expect(bad.status).toBe(400);
    const paths = (bad.body.error.fields as { path: string }[]).map((f) => f.path).sort();
    expect(paths).toEqual(['body.enabled']);
    const badParams = await request(ctx.app)
      .put(`${PATH}/churnWinback`)
      .set('Authorization', admin)
      .send({ params: { engagementWaitDays: 0 } });
    expect(badParams.status).toBe(400);
    expect(badParams.body.error.fields.map((f: { path: string }) => f.path)).toEqual([
      'body.params.engagementWaitDays',
    ]);
    expect((await request(ctx.app).put(`${PATH}/nope`).set('Authorization', admin).send({})).status).toBe(
      400,
    );
    expect((await request(ctx.app).get(PATH).set('Authorization', admin)).body).toEqual(before);
  });

  it("attaches a playbook to the tenant's segment, and refuses another tenant's or an unknown one", async () => {
    const attach = (id: string, playbook = 'vip') =>
      request(ctx.app)
        .put(`${PATH}/segmentEntered`)
        .set('Authorization', manager)
        .send({
          params: { attachments: [{ segmentId: id, playbook, reentry: { kind: 'afterDays', days: 30 } }] },
        });
    const ok = await attach(segmentId);
    expect(ok.status).toBe(200);
    expect(ok.body.params.attachments).toEqual([
      { segmentId, playbook: 'vip', reentry: { kind: 'afterDays', days: 30 } },
    ]);
    const unknown = await attach('0b8f5a52-5b4e-4c1e-9d7a-111111111111');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual([
      { path: 'body.params.attachments.0.segmentId', message: 'is not a segment of this tenant' },
    ]);
    const unknownPlaybook = await attach(segmentId, 'campaign');
    expect(unknownPlaybook.status).toBe(400);
    expect(unknownPlaybook.body.error.fields[0].path).toMatch(/^body\.params\.attachments\.0/);
  });

  it("attaches an entry message to the tenant's segment, and refuses one without content", async () => {
    const attach = (message: unknown) =>
      request(ctx.app)
        .put(`${PATH}/segmentEntered`)
        .set('Authorization', manager)
        .send({ params: { attachments: [{ segmentId, message }] } });
    const message = { channel: 'email', content: { type: 'email', subject: 'Welcome', text: 'Hello' } };
    const ok = await attach(message);
    expect(ok.status).toBe(200);
    expect(ok.body.params.attachments).toEqual([
      { segmentId, message: { ...message, purpose: 'marketing' }, reentry: { kind: 'never' } },
    ]);
    const before = (await request(ctx.app).get(PATH).set('Authorization', admin)).body;
    const bad = await attach({ channel: 'email' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toMatch(/^body\.params\.attachments\.0/);
    expect((await request(ctx.app).get(PATH).set('Authorization', admin)).body).toEqual(before);
  });

  it("drops a deleted segment's attachments, and only those", async () => {
    const doomed = await ctx.saveSegment(ctx.a, 'Doomed');
    const message = { channel: 'email', content: { type: 'email', subject: 'Welcome', text: 'Hello' } };
    const attachments = [
      { segmentId: doomed, message: { ...message, purpose: 'marketing' }, reentry: { kind: 'never' } },
      { segmentId, playbook: 'vip', reentry: { kind: 'never' } },
    ];
    const put = await request(ctx.app)
      .put(`${PATH}/segmentEntered`)
      .set('Authorization', manager)
      .send({ params: { attachments } });
    expect(put.status).toBe(200);
    const removed = await request(ctx.app).delete(`/api/v1/segments/${doomed}`).set('Authorization', admin);
    expect(removed.status).toBe(204);
    const after = (await request(ctx.app).get(PATH).set('Authorization', admin)).body;
    expect(after.segmentEntered.params.attachments).toEqual([attachments[1]]);
  });

  it('lists the playbook routes in the OpenAPI document', async () => {
    const doc = await request(ctx.app).get('/api/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining([PATH, `${PATH}/{name}`]));
  });
});
