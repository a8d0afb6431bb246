import request from 'supertest';
import { Campaign, forTenant, Segment } from '@c360/store';
import { openTestContext, type TestContext } from './support/testContext';

let ctx: TestContext;
let marketer: string;
let segmentId: string;

beforeAll(async () => {
  ctx = await openTestContext('campaigns');
  marketer = `Bearer ${await ctx.token(ctx.a, 'marketer')}`;
  segmentId = await ctx.saveSegment(ctx.a, 'Winter', {});
});
afterAll(async () => {
  await ctx?.endWorkflows();
  await ctx?.close();
});

const launch = (id: string, body: object) =>
  request(ctx.app).post(`/api/v1/segments/${id}/launch`).set('Authorization', marketer).send(body);

describe('POST /segments/:id/launch', () => {
  it('creates the campaign and starts its workflow, findable in Temporal by tenant, kind and segment', async () => {
    const res = await launch(segmentId, {
      kind: 'campaign',
      name: 'Winter offer',
      channel: 'email',
      content: { type: 'email', subject: 'Winter', text: 'Our winter offer' },
    });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ segmentId, status: 'running', channel: 'email', purpose: 'marketing' });
    const described = await ctx.temporal.workflow.getHandle(res.body.workflowId).describe();
    expect(described.type).toBe('campaignWorkflow');
    expect(described.status.name).toBe('RUNNING');
    expect(described.typedSearchAttributes.getAll().map((p) => [p.key.name, p.value])).toEqual(
      expect.arrayContaining([
        ['TenantId', ctx.a.id],
        ['WorkflowKind', 'campaign'],
        ['SegmentId', segmentId],
      ]),
    );
    const row = await forTenant(ctx.orm.em.fork(), ctx.a.id).findOneOrFail(Campaign, { id: res.body.id });
    expect(row.content).toEqual({ type: 'email', subject: 'Winter', text: 'Our winter offer' });
  });

  it('refuses content the channel cannot carry, a campaign without content, and changes nothing', async () => {
    const before = await forTenant(ctx.orm.em.fork(), ctx.a.id).count(Campaign, {});
    const wrong = await launch(segmentId, {
      kind: 'campaign',
      name: 'x',
      channel: 'whatsapp',
      content: { type: 'email', subject: 'Hi', text: 'Hi' },
    });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain('whatsapp campaigns send text or template');
    const empty = await launch(segmentId, { kind: 'campaign', name: 'x' });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toMatch(/channel[\s\S]*content|content[\s\S]*channel/);
    expect(await forTenant(ctx.orm.em.fork(), ctx.a.id).count(Campaign, {})).toBe(before);
  });

  it("answers 404 for another tenant's segment and 501, naming what is missing, for a playbook launch", async () => {
    const em = forTenant(ctx.orm.em.fork(), ctx.b.id);
    const other = em.create(Segment, { tenant: ctx.b.id, name: 'B', definition: {} });
    await em.flush();
    const body = {
      kind: 'campaign',
      name: 'x',
      channel: 'email',
      content: { type: 'email', subject: 's', text: 't' },
    };
    expect((await launch(other.id, body)).status).toBe(404);
    const playbook = await launch(segmentId, { kind: 'playbook', name: 'vip' });
    expect(playbook.status).toBe(501);
    expect(JSON.stringify(playbook.body)).toContain('attach the playbook to the segment');
  });
});
