import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ExportSchedule, exportRelativePath, forTenant, SegmentExport } from '@c360/store';
import { openTestContext, type TestContext } from './support/testContext';

let ctx: TestContext;
let managerA: string;
let adminA: string;
let managerB: string;
let segmentId: string;

beforeAll(async () => {
  ctx = await openTestContext('reports');
  managerA = `Bearer ${await ctx.token(ctx.a, 'manager')}`;
  adminA = `Bearer ${await ctx.token(ctx.a, 'admin')}`;
  managerB = `Bearer ${await ctx.token(ctx.b, 'manager')}`;
  segmentId = await ctx.saveSegment(ctx.a, 'VIPs');
}, 120_000);

afterAll(async () => {
  await ctx?.close();
});

const valid = {
  name: 'Weekly CSAT',
  template: 'csat',
  params: { rangeDays: 7, interval: 'day' },
  formats: ['csv', 'pdf'],
  cron: '0 8 * * MON',
  recipients: ['boss@example.com'],
};

/** A run started on a queue no worker polls is ended here, so it does not stay open. */
const terminate = (workflowId: string) =>
  ctx.temporal.workflow
    .getHandle(workflowId)
    .terminate('test cleanup')
    .catch(() => undefined);

describe('report templates', () => {
  it('lists each template with its formats and parameters, to managers and admins only', async () => {
    const res = await request(ctx.app).get('/api/v1/reports/templates').set('Authorization', managerA);
    expect(res.status).toBe(200);
    expect(res.body.map((t: { template: string }) => t.template)).toEqual([
      'customer_list',
      'segment_members',
      'analytics_overview',
      'csat',
    ]);
    for (const t of res.body) expect(t.formats).toEqual(['csv', 'pdf']);
    const segment = res.body.find((t: { template: string }) => t.template === 'segment_members');
    expect(segment.params.segmentId).toMatchObject({ type: 'string', required: true });
    const list = res.body.find((t: { template: string }) => t.template === 'customer_list');
    expect(list.params.quickFilters.description).toContain('vip');

    for (const role of ['agent', 'marketer'] as const) {
      const refused = await request(ctx.app)
        .get('/api/v1/reports/templates')
        .set('Authorization', `Bearer ${await ctx.token(ctx.a, role)}`);
      expect(refused.status).toBe(403);
    }
    expect(
      (await request(ctx.app).get('/api/v1/reports/templates').set('Authorization', adminA)).status,
    ).toBe(200);
  });
});

describe('POST /reports/run', () => {
  it('records the export and starts its workflow, answering 202 with both ids', async () => {
    const res = await request(ctx.app)
      .post('/api/v1/reports/run')
      .set('Authorization', managerA)
      .send({ template: 'segment_members', format: 'pdf', params: { segmentId } });
    expect(res.status).toBe(202);
    const { exportId, workflowId } = res.body as { exportId: string; workflowId: string };
    try {
      expect(workflowId).toBe(`report-export-${ctx.a.id}-${exportId}`);
      const described = await ctx.temporal.workflow.getHandle(workflowId).describe();
      expect(described.type).toBe('exportReport');
      const status = await request(ctx.app).get(`/api/v1/exports/${exportId}`).set('Authorization', managerA);
      expect(status.body).toMatchObject({
        id: exportId,
        template: 'segment_members',
        format: 'pdf',
        status: 'running',
        segmentId,
        downloadUrl: null,
      });
      // Another tenant does not see it.
      expect(
        (await request(ctx.app).get(`/api/v1/exports/${exportId}`).set('Authorization', managerB)).status,
      ).toBe(404);
    } finally {
      await terminate(workflowId);
    }
  });

  it('refuses bad parameters with 400 naming them, an unknown segment with 404, and starts nothing', async () => {
    const before = await forTenant(ctx.orm.em.fork(), ctx.a.id).count(SegmentExport, {});
    const bad = await request(ctx.app)
      .post('/api/v1/reports/run')
      .set('Authorization', managerA)
      .send({ template: 'analytics_overview', format: 'pdf', params: { from: 'yesterday', channel: 'fax' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'body.params.channel',
      'body.params.from',
    ]);
    const badFormat = await request(ctx.app)
      .post('/api/v1/reports/run')
      .set('Authorization', managerA)
      .send({ template: 'csat', format: 'xlsx' });
    expect(badFormat.status).toBe(400);
    expect(badFormat.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['body.format']);
    const unknown = await request(ctx.app)
      .post('/api/v1/reports/run')
      .set('Authorization', managerA)
      .send({ template: 'segment_members', format: 'csv', params: { segmentId: randomUUID() } });
    expect(unknown.status).toBe(404);
    // A segment of another tenant is as unknown as one that does not exist.
    const foreign = await request(ctx.app)
      .post('/api/v1/reports/run')
      .set('Authorization', managerB)
      .send({ template: 'analytics_overview', format: 'csv', params: { segmentId } });
    expect(foreign.status).toBe(404);
    expect(await forTenant(ctx.orm.em.fork(), ctx.a.id).count(SegmentExport, {})).toBe(before);
  });

  it('serves a finished PDF report at the export download', async () => {
    const em = forTenant(ctx.orm.em.fork(), ctx.a.id);
    const record = em.create(SegmentExport, {
      tenant: ctx.a.id,
      reportTemplate: 'csat',
      format: 'pdf',
      columns: [],
      status: 'done',
      workflowId: `test-report-download-${ctx.a.id}`,
      fileName: 'csat-and-nps-20261129-1000.pdf',
      rowCount: 3,
    });
    const relative = exportRelativePath(ctx.a.id, record.id, 'pdf');
    mkdirSync(path.dirname(path.join(ctx.exportDir, relative)), { recursive: true });
    writeFileSync(path.join(ctx.exportDir, relative), '%PDF-1.3\n%%EOF\n');
    record.filePath = relative;
    await em.flush();
    const res = await request(ctx.app)
      .get(`/api/v1/exports/${record.id}/download`)
      .set('Authorization', managerA);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('filename="csat-and-nps-20261129-1000.pdf"');
  });
});

describe('report schedules on the real Temporal server', () => {
  it('creates, lists, gets, pauses, resumes, triggers and deletes a schedule', async () => {
    const created = await request(ctx.app)
      .post('/api/v1/report-schedules')
      .set('Authorization', managerA)
      .send(valid);
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const temporalId = `export-schedule-${ctx.a.id}-${id}`;
    expect(created.headers['location']).toBe(`/api/v1/report-schedules/${id}`);
    // The tenant's zone and the defaults when none are given.
    expect(created.body).toMatchObject({
      name: 'Weekly CSAT',
      template: 'csat',
      params: { rangeDays: 7, interval: 'day' },
      formats: ['csv', 'pdf'],
      cron: '0 8 * * MON',
      timeZone: 'Europe/Paris',
      recipients: ['boss@example.com'],
      overlapPolicy: 'skip',
      catchupWindowSeconds: 3600,
      paused: false,
      lastRunAt: null,
      temporalScheduleId: temporalId,
    });
    // Monday 08:00 in Paris is 07:00 UTC in winter.
    expect(new Date(created.body.nextRunAt).getUTCDay()).toBe(1);
    expect(new Date(created.body.nextRunAt).getUTCHours()).toBe(7);
    let started: string | undefined;
    try {
      const described = await ctx.temporal.schedule.getHandle(temporalId).describe();
      expect(described.spec.timezone).toBe('Europe/Paris');
      expect(described.policies).toMatchObject({ overlap: 'SKIP', catchupWindow: 3_600_000 });
      expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'exportReport' });

      const list = await request(ctx.app).get('/api/v1/report-schedules').set('Authorization', managerA);
      expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([id]);
      expect(
        (await request(ctx.app).get('/api/v1/report-schedules').set('Authorization', managerB)).body.items,
      ).toEqual([]);
      const one = await request(ctx.app).get(`/api/v1/report-schedules/${id}`).set('Authorization', adminA);
      expect(one.body).toEqual(created.body);

      const paused = await request(ctx.app)
        .post(`/api/v1/report-schedules/${id}/pause`)
        .set('Authorization', managerA);
      expect(paused.status).toBe(200);
      expect(paused.body.paused).toBe(true);
      expect((await ctx.temporal.schedule.getHandle(temporalId).describe()).state.paused).toBe(true);
      // Another tenant can neither see nor touch it.
      const foreign = await request(ctx.app)
        .post(`/api/v1/report-schedules/${id}/resume`)
        .set('Authorization', managerB);
      expect(foreign.status).toBe(404);
      expect((await ctx.temporal.schedule.getHandle(temporalId).describe()).state.paused).toBe(true);
      const resumed = await request(ctx.app)
        .post(`/api/v1/report-schedules/${id}/resume`)
        .set('Authorization', managerA);
      expect(resumed.body.paused).toBe(false);

      const triggered = await request(ctx.app)
        .post(`/api/v1/report-schedules/${id}/trigger`)
        .set('Authorization', managerA);
      expect(triggered.status).toBe(202);
      for (let i = 0; i < 100 && !started; i += 1) {
        const d = await ctx.temporal.schedule.getHandle(temporalId).describe();
        started = d.info.recentActions[0]?.action.workflow.workflowId;
        if (!started) await new Promise((r) => setTimeout(r, 100));
      }
      expect(started?.startsWith(temporalId)).toBe(true);
      const run = await ctx.temporal.workflow.getHandle(started!).describe();
      expect(run.type).toBe('exportReport');
      expect(run.searchAttributes['WorkflowKind']).toEqual(['report-export']);
      expect(run.searchAttributes['TenantId']).toEqual([ctx.a.id]);
    } finally {
      if (started) await terminate(started);
      const deleted = await request(ctx.app)
        .delete(`/api/v1/report-schedules/${id}`)
        .set('Authorization', managerA);
      expect(deleted.status).toBe(204);
    }
    await expect(ctx.temporal.schedule.getHandle(temporalId).describe()).rejects.toMatchObject({
      name: 'ScheduleNotFoundError',
    });
    expect(await forTenant(ctx.orm.em.fork(), ctx.a.id).count(ExportSchedule, { id })).toBe(0);
  });

  it('lists segment export schedules too, as the segment_members template', async () => {
    const created = await request(ctx.app)
      .post('/api/v1/report-schedules')
      .set('Authorization', managerA)
      .send({
        ...valid,
        name: 'VIP list',
        template: 'segment_members',
        params: { segmentId, columns: ['id', 'email'] },
        formats: ['csv'],
        overlapPolicy: 'buffer_one',
        timeZone: 'Asia/Tokyo',
      });
    expect(created.status).toBe(201);
    try {
      expect(created.body).toMatchObject({
        template: 'segment_members',
        params: { segmentId, columns: ['id', 'email'] },
        overlapPolicy: 'buffer_one',
        timeZone: 'Asia/Tokyo',
      });
      const segmentList = await request(ctx.app)
        .get(`/api/v1/segments/${segmentId}/schedules`)
        .set('Authorization', managerA);
      expect(segmentList.body.items.map((s: { id: string }) => s.id)).toEqual([created.body.id]);
      const described = await ctx.temporal.schedule.getHandle(created.body.temporalScheduleId).describe();
      expect(described.policies.overlap).toBe('BUFFER_ONE');
    } finally {
      await request(ctx.app)
        .delete(`/api/v1/report-schedules/${created.body.id}`)
        .set('Authorization', managerA);
    }
  });

  it('refuses bad input with 400 naming each field, and creates nothing', async () => {
    const res = await request(ctx.app)
      .post('/api/v1/report-schedules')
      .set('Authorization', managerA)
      .send({
        ...valid,
        formats: [],
        cron: 'every monday',
        timeZone: 'Mars/Olympus',
        recipients: ['not-an-email'],
        overlapPolicy: 'sometimes',
      });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'body.cron',
      'body.formats',
      'body.overlapPolicy',
      'body.recipients.0',
      'body.timeZone',
    ]);
    const params = await request(ctx.app)
      .post('/api/v1/report-schedules')
      .set('Authorization', managerA)
      .send({ ...valid, params: { interval: 'hour', rangeDays: 0 } });
    expect(params.status).toBe(400);
    expect(params.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'body.params.interval',
      'body.params.rangeDays',
    ]);
    const unknown = await request(ctx.app)
      .post('/api/v1/report-schedules')
      .set('Authorization', managerA)
      .send({ ...valid, template: 'segment_members', params: { segmentId: randomUUID() } });
    expect(unknown.status).toBe(404);
    const marketer = await request(ctx.app)
      .post('/api/v1/report-schedules')
      .set('Authorization', `Bearer ${await ctx.token(ctx.a, 'marketer')}`)
      .send(valid);
    expect(marketer.status).toBe(403);
    expect(await forTenant(ctx.orm.em.fork(), ctx.a.id).count(ExportSchedule, {})).toBe(0);
  });
});
