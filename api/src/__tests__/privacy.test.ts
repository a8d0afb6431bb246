import request from 'supertest';
import { RetentionPolicy } from '@c360/store';
import { createCustomer, openTestContext, type TestContext } from './support/testContext';

let ctx: TestContext;
let admin: string;
const started: string[] = [];

beforeAll(async () => {
  ctx = await openTestContext('privacy');
  admin = `Bearer ${await ctx.token(ctx.a, 'admin')}`;
});
afterAll(async () => {
  // No worker polls this file's queue: the requests it started are ended here.
  await ctx?.endWorkflows(started);
  await ctx?.close();
});

const POLICIES = '/api/v1/admin/retention-policies';

describe('retention policies', () => {
  it('are admin only, start off, and are replaced as a whole', async () => {
    const manager = `Bearer ${await ctx.token(ctx.a, 'manager')}`;
    expect((await request(ctx.app).get(POLICIES).set('Authorization', manager)).status).toBe(403);
    const initial = await request(ctx.app).get(POLICIES).set('Authorization', admin);
    expect(initial.status).toBe(200);
    expect(initial.body).toEqual({
      policies: {
        messageBodiesDays: null,
        callTranscriptsDays: null,
        closedTicketsDays: null,
        exportFilesDays: null,
      },
      lastRunAt: null,
    });
    const put = await request(ctx.app).put(POLICIES).set('Authorization', admin).send({
      messageBodiesDays: 365,
      callTranscriptsDays: 90,
      closedTicketsDays: null,
      exportFilesDays: 30,
    });
    expect(put.status).toBe(200);
    expect(put.body.policies).toEqual({
      messageBodiesDays: 365,
      callTranscriptsDays: 90,
      closedTicketsDays: null,
      exportFilesDays: 30,
    });
    const off = await request(ctx.app)
      .put(POLICIES)
      .set('Authorization', admin)
      .send({ messageBodiesDays: null, callTranscriptsDays: 30, closedTicketsDays: 730, exportFilesDays: 7 });
    expect(off.body.policies).toEqual({
      messageBodiesDays: null,
      callTranscriptsDays: 30,
      closedTicketsDays: 730,
      exportFilesDays: 7,
    });
    const rows = await ctx.orm.em.fork().find(RetentionPolicy, { tenant: ctx.a.id }, { filters: false });
    expect(rows.map((r) => [r.target, r.retentionDays, r.enabled, r.action]).sort()).toEqual([
      ['calls', 30, true, 'anonymize'],
      ['exports', 7, true, 'delete'],
      ['messages', 365, false, 'anonymize'],
      ['tickets', 730, true, 'delete'],
    ]);
    // The other tenant has none.
    const other = await request(ctx.app)
      .get(POLICIES)
      .set('Authorization', `Bearer ${await ctx.token(ctx.b, 'admin')}`);
    expect(other.body.policies).toEqual({
      messageBodiesDays: null,
      callTranscriptsDays: null,
      closedTicketsDays: null,
      exportFilesDays: null,
    });
  });

  it('answer 400 naming the field for a bad value, and change nothing', async () => {
    const before = (await request(ctx.app).get(POLICIES).set('Authorization', admin)).body;
    for (const [body, field] of [
      [
        { messageBodiesDays: 0, callTranscriptsDays: null, closedTicketsDays: null, exportFilesDays: null },
        'body.messageBodiesDays',
      ],
      [
        { messageBodiesDays: 1.5, callTranscriptsDays: null, closedTicketsDays: null, exportFilesDays: null },
        'body.messageBodiesDays',
      ],
      [
        {
          messageBodiesDays: null,
          callTranscriptsDays: '30',
          closedTicketsDays: null,
          exportFilesDays: null,
        },
        'body.callTranscriptsDays',
      ],
      [
        { messageBodiesDays: null, callTranscriptsDays: null, exportFilesDays: null },
        'body.closedTicketsDays',
      ],
      [
        { messageBodiesDays: null, callTranscriptsDays: null, closedTicketsDays: null, exportFilesDays: 0 },
        'body.exportFilesDays',
      ],
    ] as const) {
      const res = await request(ctx.app).put(POLICIES).set('Authorization', admin).send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
    }
    const auditLog = await request(ctx.app).put(POLICIES).set('Authorization', admin).send({
      messageBodiesDays: null,
      callTranscriptsDays: null,
      closedTicketsDays: null,
      exportFilesDays: null,
      auditLogDays: 30,
    });
    expect(auditLog.status).toBe(400);
    expect((await request(ctx.app).get(POLICIES).set('Authorization', admin)).body).toEqual(before);
  });
});

describe('consent export', () => {
  it('gives the consent log as RFC 4180 CSV with formulas neutralised, per customer and per tenant', async () => {
    const customer = await createCustomer(ctx, ctx.a);
    const quiet = await createCustomer(ctx, ctx.a);
    const agent = `Bearer ${await ctx.token(ctx.a, 'agent')}`;
    for (const optedIn of [true, false])
      await request(ctx.app)
        .post(`/api/v1/customers/${customer.id}/preferences`)
        .set('Authorization', agent)
        .send({ channels: { email: { optedIn } }, reason: '=HYPERLINK("x"), said "no"', source: 'phone' })
        .expect(200);
    const res = await request(ctx.app)
      .get(`/api/v1/customers/${customer.id}/consent.csv`)
      .set('Authorization', admin);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.text.split('\r\n');
    expect(lines[0]).toBe('occurredAt,customerId,channel,action,source,reason,actorType,actorId');
    expect(lines).toHaveLength(4); // header, two rows, the empty string after the last CRLF
    expect(lines[1]).toContain(`,${customer.id},email,granted,phone,"'=HYPERLINK(""x""), said ""no""",user,`);
    expect(lines[2]).toContain(`,${customer.id},email,revoked,phone,`);

    const tenant = await request(ctx.app).get('/api/v1/consent.csv').set('Authorization', admin);
    expect(tenant.status).toBe(200);
    expect(tenant.text).toContain(customer.id);
    expect(tenant.text).not.toContain(quiet.id);
    const otherTenant = await request(ctx.app)
      .get('/api/v1/consent.csv')
      .set('Authorization', `Bearer ${await ctx.token(ctx.b, 'admin')}`);
    expect(otherTenant.text).not.toContain(customer.id);
    expect(
      (await request(ctx.app).get(`/api/v1/customers/${customer.id}/consent.csv`).set('Authorization', agent))
        .status,
    ).toBe(403);
  });
});

describe('data-subject requests', () => {
  it('start as workflows an admin can follow; unknown or foreign customers are 404', async () => {
    const customer = await createCustomer(ctx, ctx.a);
    const manager = `Bearer ${await ctx.token(ctx.a, 'manager')}`;
    expect(
      (
        await request(ctx.app)
          .post(`/api/v1/customers/${customer.id}/dsr/erase`)
          .set('Authorization', manager)
      ).status,
    ).toBe(403);
    const foreign = await request(ctx.app)
      .post(`/api/v1/customers/${customer.id}/dsr/export`)
      .set('Authorization', `Bearer ${await ctx.token(ctx.b, 'admin')}`);
    expect(foreign.status).toBe(404);

    const res = await request(ctx.app)
      .post(`/api/v1/customers/${customer.id}/dsr/export`)
      .set('Authorization', admin);
    expect(res.status).toBe(202);
    started.push(res.body.workflowId);
    expect(res.body.statusUrl).toBe(`/api/v1/customers/${customer.id}/dsr/export/${res.body.requestId}`);
    const status = await request(ctx.app).get(res.body.statusUrl).set('Authorization', admin);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ kind: 'export', status: 'RUNNING', downloadUrl: null });
    const download = await request(ctx.app).get(`${res.body.statusUrl}/download`).set('Authorization', admin);
    expect(download.status).toBe(409);
    // Ops find it by the customer in Temporal UI.
    const described = await ctx.temporal.workflow.getHandle(res.body.workflowId).describe();
    expect(described.searchAttributes['CustomerId']).toEqual([customer.id]);
    expect(described.searchAttributes['WorkflowKind']).toEqual(['dsr-export']);

    // Another tenant cannot see it.
    const peek = await request(ctx.app)
      .get(res.body.statusUrl)
      .set('Authorization', `Bearer ${await ctx.token(ctx.b, 'admin')}`);
    expect(peek.status).toBe(404);
  });
});
