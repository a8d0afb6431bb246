import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { WorkflowKindKey, SegmentIdKey, TenantIdKey } from '@c360/workflows';
import {
  buildCustomerDocuments,
  ensureCustomerIndex,
  forTenant,
  SegmentExport,
  writeCustomerDocuments,
} from '@c360/store';
import { createCustomer, openTestContext, type TenantFixture, type TestContext } from './support/testContext';

let ctx: TestContext;
let marketerA: string;
let marketerB: string;
let segmentId: string;
let emptySegmentId: string;
const wine: Record<string, string> = {};

const indexCustomers = async (tenant: TenantFixture, ids: string[]) => {
  await ensureCustomerIndex(ctx.search, ctx.indexPrefix);
  const batch = await buildCustomerDocuments(ctx.orm.em.fork(), tenant.id, ids, new Date());
  await writeCustomerDocuments(ctx.search, ctx.index, batch, { refresh: true });
};

beforeAll(async () => {
  ctx = await openTestContext('segexport');
  marketerA = `Bearer ${await ctx.token(ctx.a, 'marketer')}`;
  marketerB = `Bearer ${await ctx.token(ctx.b, 'marketer')}`;
  const people: [string, Record<string, unknown>][] = [
    ['ada', { firstName: 'Ada', lastName: 'Lovelace', emails: ['ada@example.com'], tags: ['wine'] }],
    // A name that a spreadsheet would run as a formula, and one that needs quoting.
    [
      'eve',
      {
        firstName: '=HYPERLINK("http://evil")',
        lastName: 'Doe, "Jr"',
        emails: ['eve@example.com'],
        tags: ['wine'],
      },
    ],
    [
      'zoe',
      {
        firstName: 'Zoé',
        lastName: 'Lefèvre',
        emails: ['zoe@example.fr'],
        tags: ['wine', 'tea'],
        isVip: true,
      },
    ],
  ];
  for (const [key, body] of people) wine[key] = (await createCustomer(ctx, ctx.a, body)).id;
  const tea = await createCustomer(ctx, ctx.a, { firstName: 'Tom', lastName: 'Tea', tags: ['tea'] });
  const other = await createCustomer(ctx, ctx.b, { firstName: 'Bob', lastName: 'Other', tags: ['wine'] });
  await indexCustomers(ctx.a, [...Object.values(wine), tea.id]);
  await indexCustomers(ctx.b, [other.id]);
  segmentId = await ctx.saveSegment(ctx.a, 'Wine lovers', { field: 'tags', op: 'has', value: 'wine' });
  emptySegmentId = await ctx.saveSegment(ctx.a, 'Nobody', { field: 'tags', op: 'has', value: 'none-such' });
}, 120_000);

afterAll(async () => {
  await ctx?.close();
});

describe('GET /segments/:id/export', () => {
  it('streams the members as RFC 4180 CSV with the chosen columns, formulas neutralised, as a named download', async () => {
    const res = await request(ctx.app)
      .get(`/api/v1/segments/${segmentId}/export?format=csv&columns=id,firstName,lastName,email,isVip`)
      .set('Authorization', marketerA)
      .buffer(true)
      .parse((r, done) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (c: string) => (text += c));
        r.on('end', () => done(null, text));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="wine-lovers-\d{8}-\d{4}\.csv"/,
    );
    const text = res.body as string;
    expect(text.startsWith('id,firstName,lastName,email,isVip\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")","Doe, ""Jr"""`);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r['id']).sort()).toEqual(Object.values(wine).sort());
    const byId = Object.fromEntries(rows.map((r) => [r['id'], r]));
    expect(byId[wine['eve']!]).toEqual({
      id: wine['eve'],
      firstName: `'=HYPERLINK("http://evil")`,
      lastName: 'Doe, "Jr"',
      email: 'eve@example.com',
      isVip: 'false',
    });
    expect(byId[wine['zoe']!]).toMatchObject({ firstName: 'Zoé', isVip: 'true' });
  });

  it('streams JSON as one array of objects with the chosen columns only', async () => {
    const res = await request(ctx.app)
      .get(`/api/v1/segments/${segmentId}/export?format=json&columns=id,tags`)
      .set('Authorization', marketerA);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/filename="wine-lovers-\d{8}-\d{4}\.json"/);
    const items = res.body as { id: string; tags: string[] }[];
    expect(items.map((i) => i.id).sort()).toEqual(Object.values(wine).sort());
    for (const item of items) expect(Object.keys(item)).toEqual(['id', 'tags']);
    expect(items.find((i) => i.id === wine['zoe'])?.tags.sort()).toEqual(['tea', 'wine']);
  });

  it('exports an empty segment as a header only, and an empty JSON array', async () => {
    const csv = await request(ctx.app)
      .get(`/api/v1/segments/${emptySegmentId}/export?columns=id,email`)
      .set('Authorization', marketerA);
    expect(csv.text).toBe('id,email\r\n');
    const json = await request(ctx.app)
      .get(`/api/v1/segments/${emptySegmentId}/export?format=json`)
      .set('Authorization', marketerA);
    expect(json.body).toEqual([]);
  });

  it('refuses a column outside the allowlist with 400 naming it', async () => {
    const res = await request(ctx.app)
      .get(`/api/v1/segments/${segmentId}/export?columns=id,customFields,scores`)
      .set('Authorization', marketerA);
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([
      { path: 'query.columns', message: expect.stringContaining('unknown columns "customFields", "scores"') },
    ]);
    const format = await request(ctx.app)
      .get(`/api/v1/segments/${segmentId}/export?format=xlsx`)
      .set('Authorization', marketerA);
    expect(format.status).toBe(400);
    expect(format.body.error.fields[0].path).toBe('query.format');
  });

  it("answers 404 for another tenant's segment, and refuses agents", async () => {
    const res = await request(ctx.app)
      .get(`/api/v1/segments/${segmentId}/export`)
      .set('Authorization', marketerB);
    expect(res.status).toBe(404);
    const agent = await request(ctx.app)
      .get(`/api/v1/segments/${segmentId}/export`)
      .set('Authorization', `Bearer ${await ctx.token(ctx.a, 'agent')}`);
    expect(agent.status).toBe(403);
  });

  it('answers 202 and starts the export workflow, findable by tenant and segment, when the segment is too large', async () => {
    const app = ctx.appWith({
      segmentExports: {
        search: ctx.search,
        indexPrefix: ctx.indexPrefix,
        exportDir: ctx.exportDir,
        syncMaxRows: 2,
        temporal: ctx.temporal,
        taskQueue: ctx.taskQueue,
      },
    });
    const res = await request(app)
      .get(`/api/v1/segments/${segmentId}/export?format=csv&columns=id,email`)
      .set('Authorization', marketerA);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'running', members: 3 });
    const record = await forTenant(ctx.orm.em.fork(), ctx.a.id).findOneOrFail(SegmentExport, {
      id: res.body.exportId,
    });
    expect(record).toMatchObject({ status: 'running', format: 'csv', columns: ['id', 'email'] });
    const status = await request(ctx.app).get(res.body.statusUrl).set('Authorization', marketerA);
    expect(status.body).toMatchObject({ id: record.id, status: 'running', downloadUrl: null });
    // Another tenant sees neither the record nor its file.
    expect((await request(ctx.app).get(res.body.statusUrl).set('Authorization', marketerB)).status).toBe(404);
    expect(
      (await request(ctx.app).get(`/api/v1/exports/${record.id}/download`).set('Authorization', marketerB))
        .status,
    ).toBe(404);

    const handle = ctx.temporal.workflow.getHandle(res.body.workflowId);
    const described = await handle.describe();
    // The segment_members report run: one workflow type for every export (issue 7).
    expect(described.type).toBe('exportReport');
    expect(described.taskQueue).toBe(ctx.taskQueue);
    expect(described.typedSearchAttributes.get(TenantIdKey)).toBe(ctx.a.id);
    expect(described.typedSearchAttributes.get(SegmentIdKey)).toBe(segmentId);
    expect(described.typedSearchAttributes.get(WorkflowKindKey)).toBe('segment-export');
    // No worker listens on this test's queue: the run is the workflow test's business.
    await handle.terminate('api test only checks the start');
  });
});

describe('POST /segments/:id/launch', () => {
  it('validates first: 400 for a bad body, 404 for another tenant', async () => {
    const bad = await request(ctx.app)
      .post(`/api/v1/segments/${segmentId}/launch`)
      .set('Authorization', marketerA)
      .send({ kind: 'rocket' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'body.kind',
      'body.name',
    ]);
    const other = await request(ctx.app)
      .post(`/api/v1/segments/${segmentId}/launch`)
      .set('Authorization', marketerB)
      .send({
        kind: 'campaign',
        name: 'spring',
        channel: 'email',
        content: { type: 'email', subject: 'Spring', text: 'Spring offer' },
      });
    expect(other.status).toBe(404);
  });
});
