import request from 'supertest';
import { openTestContext, type TestContext } from './support/testContext';

let ctx: TestContext;
const started: string[] = [];

beforeAll(async () => {
  ctx = await openTestContext('reindex');
});
afterAll(async () => {
  // Leave no run behind on the shared test namespace.
  for (const workflowId of started) {
    await ctx.temporal.workflow
      .getHandle(workflowId)
      .terminate('api test cleanup')
      .catch(() => undefined);
  }
  await ctx?.close();
});

describe('admin reindex', () => {
  it("starts the tenant's reindex workflow for an admin, refuses a replay of the same request, and reports its state", async () => {
    const admin = `Bearer ${await ctx.token(ctx.a, 'admin')}`;
    const requestId = `reindex-test-${Date.now()}`;
    const res = await request(ctx.app)
      .post('/api/v1/admin/reindex')
      .set('Authorization', admin)
      .set('X-Request-Id', requestId);
    expect(res.status).toBe(202);
    const workflowId = res.body.workflowId as string;
    started.push(workflowId);
    expect(workflowId).toBe(`reindex-${ctx.a.id}-${requestId}`);
    expect(res.headers['location']).toBe(res.body.statusUrl);

    const replay = await request(ctx.app)
      .post('/api/v1/admin/reindex')
      .set('Authorization', admin)
      .set('X-Request-Id', requestId);
    expect(replay.status).toBe(409);

    // Stop it so its state no longer depends on whether a worker runs on this namespace.
    await ctx.temporal.workflow
      .getHandle(workflowId)
      .terminate('api test')
      .catch(() => undefined);
    const status = await request(ctx.app)
      .get(res.body.statusUrl as string)
      .set('Authorization', admin);
    expect(status.status).toBe(200);
    expect(status.body.workflowId).toBe(workflowId);
    expect(['TERMINATED', 'COMPLETED']).toContain(status.body.status);

    const description = await ctx.temporal.workflow.getHandle(workflowId).describe();
    expect(description.typedSearchAttributes.getAll().map((p) => [p.key.name, p.value])).toEqual(
      expect.arrayContaining([['TenantId', ctx.a.id]]),
    );
  });

  it("answers 404 for another tenant's reindex and for one that never ran", async () => {
    const adminA = `Bearer ${await ctx.token(ctx.a, 'admin')}`;
    const adminB = `Bearer ${await ctx.token(ctx.b, 'admin')}`;
    const res = await request(ctx.app).post('/api/v1/admin/reindex').set('Authorization', adminA);
    expect(res.status).toBe(202);
    started.push(res.body.workflowId as string);

    const theirs = await request(ctx.app)
      .get(res.body.statusUrl as string)
      .set('Authorization', adminB);
    expect(theirs.status).toBe(404);
    const never = await request(ctx.app)
      .get(`/api/v1/admin/reindex/reindex-${ctx.b.id}-never-ran`)
      .set('Authorization', adminB);
    expect(never.status).toBe(404);
    expect(theirs.body.error.code).toBe('not_found');
  });
});
