import request from 'supertest';
import { Campaign, forTenant, Segment } from '@c360/store';
import { openTestContext, type TestContext } from './support/testContext';

/**
 * `GET /segments/:id/campaigns`. One campaign is launched through the API (its workflow runs on
 * the dev server, with no worker on this file's queue, so it stays running); ended ones are stored
 * as the campaign workflow leaves them (status, report, finishedAt).
 */
let ctx: TestContext;
let marketer: string;
let segmentId: string;

beforeAll(async () => {
  ctx = await openTestContext('segcampaigns');
  marketer = `Bearer ${await ctx.token(ctx.a, 'marketer')}`;
  segmentId = await ctx.saveSegment(ctx.a, 'Spring', {});
});
afterAll(async () => {
  await ctx?.endWorkflows();
  await ctx?.close();
});

const list = (id: string, query = '', auth = marketer) =>
  request(ctx.app).get(`/api/v1/segments/${id}/campaigns${query}`).set('Authorization', auth);

const storeEnded = async (
  tenantId: string,
  segment: string,
  patch: Partial<Pick<Campaign, 'status' | 'name' | 'createdAt'>>,
) => {
  const em = forTenant(ctx.orm.em.fork(), tenantId);
  const campaign = em.create(Campaign, {
    tenant: tenantId,
    segment: em.getReference(Segment, segment),
    name: 'ended',
    channel: 'email',
    purpose: 'service',
    content: { type: 'email', subject: 's', text: 't' },
    status: 'done',
    createdBy: tenantId === ctx.a.id ? ctx.a.users.manager.id : ctx.b.users.manager.id,
    workflowId: 'campaign-stored',
    report: { members: 10, sent: 7, failed: 1, skipped: { not_opted_in: 2 }, deferred: 3, pending: 0 },
    finishedAt: new Date('2026-01-02T10:00:00Z'),
    ...patch,
  });
  await em.flush();
  return campaign.id;
};

describe('GET /segments/:id/campaigns', () => {
  it("lists the segment's campaigns newest first: status, channel, purpose, counts, who launched them", async () => {
    const older = await storeEnded(ctx.a.id, segmentId, {
      name: 'Winter',
      createdAt: new Date('2026-01-01T09:00:00Z'),
    });
    const cancelled = await storeEnded(ctx.a.id, segmentId, {
      name: 'Autumn',
      status: 'cancelled',
      createdAt: new Date('2025-10-01T09:00:00Z'),
    });
    // Another segment's campaign is not listed.
    const em = forTenant(ctx.orm.em.fork(), ctx.a.id);
    const other = em.create(Segment, { tenant: ctx.a.id, name: 'Other', definition: {} });
    await em.flush();
    await storeEnded(ctx.a.id, other.id, { name: 'Elsewhere' });

    const launched = await request(ctx.app)
      .post(`/api/v1/segments/${segmentId}/launch`)
      .set('Authorization', marketer)
      .send({
        kind: 'campaign',
        name: 'Spring offer',
        channel: 'email',
        content: { type: 'email', subject: 'Spring', text: 'Our spring offer' },
      });
    expect(launched.status).toBe(202);

    const res = await list(segmentId);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ page: 1, pageSize: 25, total: 3 });
    expect(res.body.items.map((c: { id: string }) => c.id)).toEqual([launched.body.id, older, cancelled]);
    const [running, done] = res.body.items;
    expect(running).toMatchObject({
      name: 'Spring offer',
      status: 'running',
      channel: 'email',
      purpose: 'marketing',
      report: null,
      finishedAt: null,
      launchedBy: { id: ctx.a.users.marketer.id, name: `marketer of ${ctx.a.slug}` },
    });
    expect(done).toMatchObject({
      status: 'done',
      purpose: 'service',
      progress: null,
      report: { members: 10, sent: 7, failed: 1, skipped: { not_opted_in: 2 } },
      finishedAt: '2026-01-02T10:00:00.000Z',
      launchedBy: { id: ctx.a.users.manager.id, name: `manager of ${ctx.a.slug}` },
    });

    // Paused through the API: the list shows it so after a reload.
    const paused = await request(ctx.app)
      .post(`/api/v1/campaigns/${launched.body.id}/pause`)
      .set('Authorization', marketer);
    expect(paused.status).toBe(202);
    const page = await list(segmentId, '?page=1&pageSize=1');
    expect(page.body).toMatchObject({ page: 1, pageSize: 1, total: 3 });
    expect(page.body.items).toHaveLength(1);
    expect(page.body.items[0]).toMatchObject({ id: launched.body.id, status: 'paused' });
    const second = await list(segmentId, '?page=2&pageSize=1');
    expect(second.body.items.map((c: { id: string }) => c.id)).toEqual([older]);
  });

  it('takes the launch roles, is tenant-scoped, and answers 400 naming a bad page', async () => {
    expect((await list(segmentId, '', `Bearer ${await ctx.token(ctx.a, 'agent')}`)).status).toBe(403);
    expect((await list(segmentId, '', `Bearer ${await ctx.token(ctx.a, 'manager')}`)).status).toBe(200);
    const foreign = `Bearer ${await ctx.token(ctx.b, 'marketer')}`;
    expect((await list(segmentId, '', foreign)).status).toBe(404);
    expect((await list('3f6c2b1e-6a1d-4c1e-9f8a-2b7d7e0c1a55')).status).toBe(404);
    for (const [query, field] of [
      ['?page=0', 'query.page'],
      ['?pageSize=101', 'query.pageSize'],
      ['?page=x', 'query.page'],
    ] as const) {
      const res = await list(segmentId, query);
      expect(res.status).toBe(400);
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
    }
  });
});
