import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { exportRelativePath, forTenant, ExportSchedule, Segment, SegmentExport } from '@c360/store';
import { openTestContext, type TestContext } from './support/testContext';

let ctx: TestContext;
let marketerA: string;
let marketerB: string;
let segmentId: string;

beforeAll(async () => {
  ctx = await openTestContext('expsched');
  marketerA = `Bearer ${await ctx.token(ctx.a, 'marketer')}`;
  marketerB = `Bearer ${await ctx.token(ctx.b, 'marketer')}`;
  segmentId = await ctx.saveSegment(ctx.a, 'VIPs');
}, 120_000);

afterAll(async () => {
  await ctx?.close();
});

const valid = {
  name: 'Monday VIPs',
  cron: '30 7 * * MON',
  format: 'csv',
  columns: ['id', 'email'],
  recipients: ['boss@example.com'],
};

describe('export schedules on the real Temporal server', () => {
  it('creates, lists, pauses, resumes and deletes a schedule', async () => {
    const created = await request(ctx.app)
      .post(`/api/v1/segments/${segmentId}/schedules`)
      .set('Authorization', marketerA)
      .send(valid);
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const temporalId = `export-schedule-${ctx.a.id}-${id}`;
    // The tenant's time zone when none is given.
    expect(created.body).toMatchObject({
      timeZone: 'Europe/Paris',
      paused: false,
      overlapPolicy: 'SKIP',
      catchupWindowSeconds: 3600,
      temporalScheduleId: temporalId,
    });
    expect(created.body.nextRunAt).toEqual(expect.any(String));
    try {
      const described = await ctx.temporal.schedule.getHandle(temporalId).describe();
      expect(described.spec.timezone).toBe('Europe/Paris');
      expect(described.action.type).toBe('startWorkflow');

      const list = await request(ctx.app)
        .get(`/api/v1/segments/${segmentId}/schedules`)
        .set('Authorization', marketerA);
      expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([id]);

      const paused = await request(ctx.app)
        .post(`/api/v1/segments/${segmentId}/schedules/${id}/pause`)
        .set('Authorization', marketerA);
      expect(paused.status).toBe(200);
      expect(paused.body.paused).toBe(true);
      expect((await ctx.temporal.schedule.getHandle(temporalId).describe()).state.paused).toBe(true);

      // Another tenant can neither see nor touch it.
      const foreign = await request(ctx.app)
        .post(`/api/v1/segments/${segmentId}/schedules/${id}/resume`)
        .set('Authorization', marketerB);
      expect(foreign.status).toBe(404);
      expect((await ctx.temporal.schedule.getHandle(temporalId).describe()).state.paused).toBe(true);

      const resumed = await request(ctx.app)
        .post(`/api/v1/segments/${segmentId}/schedules/${id}/resume`)
        .set('Authorization', marketerA);
      expect(resumed.body.paused).toBe(false);
      expect((await ctx.temporal.schedule.getHandle(temporalId).describe()).state.paused).toBe(false);
    } finally {
      const deleted = await request(ctx.app)
        .delete(`/api/v1/segments/${segmentId}/schedules/${id}`)
        .set('Authorization', marketerA);
      expect(deleted.status).toBe(204);
    }
    await expect(ctx.temporal.schedule.getHandle(temporalId).describe()).rejects.toMatchObject({
      name: 'ScheduleNotFoundError',
    });
    expect(await forTenant(ctx.orm.em.fork(), ctx.a.id).count(ExportSchedule, { id })).toBe(0);
  });

  it('refuses bad input with 400 naming each field, and creates nothing', async () => {
    const res = await request(ctx.app)
      .post(`/api/v1/segments/${segmentId}/schedules`)
      .set('Authorization', marketerA)
      .send({
        ...valid,
        cron: 'every monday',
        timeZone: 'Mars/Olympus',
        recipients: ['not-an-email'],
        columns: ['id', 'password'],
        overlapPolicy: 'SOMETIMES',
      });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'body.columns.1',
      'body.cron',
      'body.overlapPolicy',
      'body.recipients.0',
      'body.timeZone',
    ]);
    expect(await forTenant(ctx.orm.em.fork(), ctx.a.id).count(ExportSchedule, {})).toBe(0);
  });

  it('deletes a segment with its export schedules, in PostgreSQL and in Temporal', async () => {
    const doomed = { id: await ctx.saveSegment(ctx.a, 'Doomed') };
    const ids: string[] = [];
    for (const name of ['Daily', 'Weekly']) {
      const created = await request(ctx.app)
        .post(`/api/v1/segments/${doomed.id}/schedules`)
        .set('Authorization', marketerA)
        .send({ ...valid, name });
      expect(created.status).toBe(201);
      ids.push(created.body.id as string);
    }
    // Another segment's schedule is not touched.
    const kept = await request(ctx.app)
      .post(`/api/v1/segments/${segmentId}/schedules`)
      .set('Authorization', marketerA)
      .send({ ...valid, name: 'Kept' });
    expect(kept.status).toBe(201);
    const temporalId = (id: string) => `export-schedule-${ctx.a.id}-${id}`;
    try {
      // Another tenant cannot delete it, and nothing goes.
      const foreign = await request(ctx.app)
        .delete(`/api/v1/segments/${doomed.id}`)
        .set('Authorization', marketerB);
      expect(foreign.status).toBe(404);
      expect(await forTenant(ctx.orm.em.fork(), ctx.a.id).count(ExportSchedule, { id: { $in: ids } })).toBe(
        2,
      );

      const deleted = await request(ctx.app)
        .delete(`/api/v1/segments/${doomed.id}`)
        .set('Authorization', marketerA);
      expect(deleted.status).toBe(204);
      for (const id of ids)
        await expect(ctx.temporal.schedule.getHandle(temporalId(id)).describe()).rejects.toMatchObject({
          name: 'ScheduleNotFoundError',
        });
      const scoped = forTenant(ctx.orm.em.fork(), ctx.a.id);
      expect(await scoped.count(ExportSchedule, { id: { $in: ids } })).toBe(0);
      expect(await scoped.count(Segment, { id: doomed.id })).toBe(0);
      expect((await ctx.temporal.schedule.getHandle(temporalId(kept.body.id)).describe()).state.paused).toBe(
        false,
      );
    } finally {
      await request(ctx.app)
        .delete(`/api/v1/segments/${segmentId}/schedules/${kept.body.id}`)
        .set('Authorization', marketerA);
      for (const id of ids)
        await ctx.temporal.schedule
          .getHandle(temporalId(id))
          .delete()
          .catch(() => undefined);
    }
  });

  it("answers 404 for another tenant's segment", async () => {
    const res = await request(ctx.app)
      .post(`/api/v1/segments/${segmentId}/schedules`)
      .set('Authorization', marketerB)
      .send(valid);
    expect(res.status).toBe(404);
  });
});

describe('GET /exports/:id/download', () => {
  it('serves a finished export file to its tenant only, as a named download', async () => {
    const em = forTenant(ctx.orm.em.fork(), ctx.a.id);
    const record = em.create(SegmentExport, {
      tenant: ctx.a.id,
      segment: segmentId,
      format: 'csv',
      columns: ['id'],
      status: 'done',
      workflowId: `test-download-${ctx.a.id}`,
      fileName: 'vips-20261129-1000.csv',
      rowCount: 1,
    });
    const relative = exportRelativePath(ctx.a.id, record.id, 'csv');
    mkdirSync(path.dirname(path.join(ctx.exportDir, relative)), { recursive: true });
    writeFileSync(path.join(ctx.exportDir, relative), 'id\r\nabc\r\n');
    record.filePath = relative;
    await em.flush();

    const res = await request(ctx.app)
      .get(`/api/v1/exports/${record.id}/download`)
      .set('Authorization', marketerA);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain('filename="vips-20261129-1000.csv"');
    expect(res.text).toBe('id\r\nabc\r\n');
    const foreign = await request(ctx.app)
      .get(`/api/v1/exports/${record.id}/download`)
      .set('Authorization', marketerB);
    expect(foreign.status).toBe(404);
  });
});
