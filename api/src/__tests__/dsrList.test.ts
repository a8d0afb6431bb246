import request from 'supertest';
import { createDsrActivities } from '@c360/activities';
import { AuditLog, Customer, forTenant } from '@c360/store';
import { createCustomer, openTestContext, type TestContext } from './support/testContext';

/**
 * `GET /customers/:id/dsr`. No worker polls this file's queue: a request's status while it has
 * recorded no outcome is Temporal's (RUNNING, then TERMINATED here); the steps the workflows run
 * are called as the worker would, with the real activities on the real database.
 */
let ctx: TestContext;
let admin: string;
const started: string[] = [];

beforeAll(async () => {
  ctx = await openTestContext('dsrlist');
  admin = `Bearer ${await ctx.token(ctx.a, 'admin')}`;
});
afterAll(async () => {
  await ctx?.endWorkflows(started);
  await ctx?.close();
});

type Item = {
  requestId: string;
  kind: string;
  status: string;
  requestedBy: { id: string; name: string } | null;
  createdAt: string;
  finishedAt: string | null;
  downloadUrl: string | null;
};

const list = (customerId: string, query = '', auth = admin) =>
  request(ctx.app).get(`/api/v1/customers/${customerId}/dsr${query}`).set('Authorization', auth);
const start = async (customerId: string, kind: 'export' | 'erase') => {
  const res = await request(ctx.app)
    .post(`/api/v1/customers/${customerId}/dsr/${kind}`)
    .set('Authorization', admin);
  expect(res.status).toBe(202);
  started.push(res.body.workflowId);
  return res.body as { requestId: string; workflowId: string };
};
const activities = () =>
  createDsrActivities({
    orm: ctx.orm,
    search: ctx.search,
    indexPrefix: ctx.prefix,
    exportDir: ctx.exportDir,
    temporal: ctx.temporal,
  });

describe('GET /customers/:id/dsr', () => {
  it("lists the customer's requests newest first, with Temporal's status while no outcome is recorded", async () => {
    const customer = await createCustomer(ctx, ctx.a);
    expect((await list(customer.id)).body).toEqual({ items: [], page: 1, pageSize: 25, total: 0 });
    const first = await start(customer.id, 'export');
    const second = await start(customer.id, 'export');

    const res = await list(customer.id);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    const items = res.body.items as Item[];
    expect(items.map((i) => i.requestId)).toEqual([second.requestId, first.requestId]);
    expect(items[0]).toMatchObject({
      kind: 'export',
      status: 'RUNNING',
      requestedBy: { id: ctx.a.users.admin.id, name: `admin of ${ctx.a.slug}` },
      finishedAt: null,
      downloadUrl: null,
    });

    await ctx.temporal.workflow.getHandle(first.workflowId).terminate('stopped by the test');
    const after = (await list(customer.id)).body.items as Item[];
    expect(after[1]).toMatchObject({ requestId: first.requestId, status: 'TERMINATED' });
    expect(after[1]!.finishedAt).not.toBeNull();

    const paged = await list(customer.id, '?page=2&pageSize=1');
    expect(paged.body).toMatchObject({ page: 2, pageSize: 1, total: 2 });
    expect((paged.body.items as Item[]).map((i) => i.requestId)).toEqual([first.requestId]);
  });

  it('is for admins, 404 for an unknown or foreign customer, 400 naming a bad page', async () => {
    const customer = await createCustomer(ctx, ctx.a);
    await start(customer.id, 'export');
    for (const role of ['manager', 'agent', 'marketer'] as const)
      expect((await list(customer.id, '', `Bearer ${await ctx.token(ctx.a, role)}`)).status).toBe(403);
    expect((await list(customer.id, '', `Bearer ${await ctx.token(ctx.b, 'admin')}`)).status).toBe(404);
    expect((await list('3f6c2b1e-6a1d-4c1e-9f8a-2b7d7e0c1a55')).status).toBe(404);
    for (const [query, field] of [
      ['?page=0', 'query.page'],
      ['?pageSize=500', 'query.pageSize'],
      ['?pageSize=abc', 'query.pageSize'],
    ] as const) {
      const res = await list(customer.id, query);
      expect(res.status).toBe(400);
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
    }
    expect((await list('not-a-uuid')).status).toBe(400);
  });

  it('gives a completed export its download link, and still answers after the erasure, without the archive', async () => {
    const customer = await createCustomer(ctx, ctx.a);
    const run = activities();
    const exported = await start(customer.id, 'export');
    const input = {
      tenantId: ctx.a.id,
      customerId: customer.id,
      requestId: exported.requestId,
      requestedByUserId: ctx.a.users.admin.id,
    };
    // What exportCustomerData runs, in order.
    const archive = await run.writeDsrArchive(input);
    await run.recordDsrAudit({
      ...input,
      kind: 'export',
      workflowId: exported.workflowId,
      outcome: { fileName: archive.fileName, bytes: archive.bytes, counts: archive.counts },
    });
    const done = (await list(customer.id)).body.items as Item[];
    expect(done[0]).toMatchObject({
      requestId: exported.requestId,
      status: 'COMPLETED',
      downloadUrl: `/api/v1/customers/${customer.id}/dsr/export/${exported.requestId}/download`,
    });
    expect(done[0]!.finishedAt).not.toBeNull();
    // The link serves the archive the audit record names (the run itself never ends in Temporal here).
    const archiveRes = await request(ctx.app).get(done[0]!.downloadUrl!).set('Authorization', admin);
    expect(archiveRes.status).toBe(200);
    expect(JSON.stringify(archiveRes.body)).toContain((customer['emails'] as string[])[0]);

    const erasure = await start(customer.id, 'erase');
    const eraseInput = { ...input, requestId: erasure.requestId };
    // What eraseCustomerData runs that touches PostgreSQL and files, in order.
    await run.scrubCustomerFiles(eraseInput);
    const outcome = await run.eraseCustomerRows(eraseInput);
    await run.recordDsrAudit({ ...eraseInput, kind: 'erase', workflowId: erasure.workflowId, outcome });
    expect(await forTenant(ctx.orm.em.fork(), ctx.a.id).count(Customer, { id: customer.id })).toBe(0);

    const res = await list(customer.id);
    expect(res.status).toBe(200);
    const items = res.body.items as Item[];
    expect(items.map((i) => [i.kind, i.status, i.downloadUrl])).toEqual([
      ['erase', 'COMPLETED', null],
      ['export', 'COMPLETED', null],
    ]);
    // The erasure deleted the archive: the old link is gone too.
    expect((await request(ctx.app).get(done[0]!.downloadUrl!).set('Authorization', admin)).status).toBe(404);
    // The list is the audit log's: ids only, nothing of the erased customer's details.
    const rows = await forTenant(ctx.orm.em.fork(), ctx.a.id).find(AuditLog, {
      entityId: customer.id,
      action: 'dsr.requested',
    });
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toContain((customer['emails'] as string[])[0]);
    // Still nothing for the other tenant.
    expect((await list(customer.id, '', `Bearer ${await ctx.token(ctx.b, 'admin')}`)).status).toBe(404);
  });
});
