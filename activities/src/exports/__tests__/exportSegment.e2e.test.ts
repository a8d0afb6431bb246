import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { parse } from 'csv-parse/sync';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker, type WorkflowBundle } from '@temporalio/worker';
import {
  buildCustomerDocuments,
  Customer,
  ensureCustomerIndex,
  ExportSchedule,
  forTenant,
  Notification,
  resolveExportFile,
  Segment,
  SegmentExport,
  Tenant,
  useTestDatabase,
  User,
  writeCustomerDocuments,
  createSearchClient,
  customerIndexName,
} from '@c360/store';
import {
  createExportSchedule,
  deleteExportSchedule,
  describeExportSchedule,
  pauseExportSchedule,
  resumeExportSchedule,
  startSegmentExport,
  triggerExportSchedule,
  workflowsPath,
  type ExportSegmentResult,
} from '@c360/workflows';
import { createActivities } from '../../worker/createActivities';
import { createExportMailer, type ExportMailer } from '../exportMailer';

/**
 * The export workflow end to end on the real parts: the Temporal dev server (namespace
 * c360-test, Schedules included), a worker with the real activities, PostgreSQL, OpenSearch, and
 * an SMTP server started here that captures what the worker sends.
 */
Runtime.install({ logger: new DefaultLogger('WARN') });

const namespace = process.env['C360_TEMPORAL_NAMESPACE'] ?? 'c360-test';
const db = useTestDatabase();
const search = createSearchClient(process.env['C360_OPENSEARCH_URL'] ?? 'http://127.0.0.1:9200');
const indexPrefix = `${process.env['C360_INDEX_PREFIX'] ?? 'c360-test-'}export-${randomUUID().slice(0, 8)}-`;
const taskQueue = `export-e2e-${randomUUID().slice(0, 8)}`;
const exportDir = mkdtempSync(path.join(tmpdir(), 'c360-export-e2e-'));

let env: TestWorkflowEnvironment;
let workflowBundle: WorkflowBundle;
let smtp: SMTPServer;
let mailer: ExportMailer;
const mails: ParsedMail[] = [];
let tenantId: string;
let ownerId: string;
let segmentId: string;
const members: string[] = [];

beforeAll(async () => {
  env = await TestWorkflowEnvironment.createFromExistingServer({
    address: process.env['C360_TEMPORAL_ADDRESS'] ?? '127.0.0.1:7233',
    namespace,
  });
  workflowBundle = await bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('ERROR') });
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream)
        .then((mail) => {
          mails.push(mail);
          done();
        })
        .catch(done);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  mailer = createExportMailer({ host: '127.0.0.1', port, secure: false, from: 'C360 <no-reply@c360.test>' });

  const em = db.orm.em.fork();
  const tenant = em.create(Tenant, {
    name: 'Export Co',
    slug: `export-${randomUUID().slice(0, 8)}`,
    timeZone: 'Asia/Tokyo',
  });
  await em.flush();
  tenantId = tenant.id;
  const scoped = forTenant(em, tenantId);
  const owner = scoped.create(User, {
    tenant: tenantId,
    email: 'marketer@export.test',
    name: 'Marketer',
    passwordHash: 'x',
    roles: ['marketer'],
  });
  ownerId = owner.id;
  const ids: string[] = [];
  for (let i = 0; i < 7; i += 1) {
    const c = scoped.create(Customer, {
      tenant: tenantId,
      firstName: i === 0 ? '@SUM(A1)' : `First${i}`,
      lastName: `Last${i}`,
      emails: [`c${i}@export.test`],
      timeZone: 'Asia/Tokyo',
      language: 'ja',
      tags: i % 2 === 0 ? ['gold'] : ['silver'],
    });
    ids.push(c.id);
    if (i % 2 === 0) members.push(c.id);
  }
  const segment = scoped.create(Segment, {
    tenant: tenantId,
    name: 'Gold customers',
    definition: { field: 'tags', op: 'has', value: 'gold' },
    owner: ownerId,
  });
  segmentId = segment.id;
  await scoped.flush();
  await ensureCustomerIndex(search, indexPrefix);
  const batch = await buildCustomerDocuments(db.orm.em.fork(), tenantId, ids, new Date());
  await writeCustomerDocuments(search, customerIndexName(indexPrefix), batch, { refresh: true });
}, 120_000);

afterAll(async () => {
  mailer?.close();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  await search.indices.delete({ index: customerIndexName(indexPrefix) }).catch(() => undefined);
  await search.close();
  await env?.teardown();
  rmSync(exportDir, { recursive: true, force: true });
});

const withWorker = async <T>(fn: () => Promise<T>): Promise<T> => {
  const worker = await Worker.create({
    connection: env.nativeConnection,
    namespace,
    taskQueue,
    workflowBundle,
    activities: createActivities({ orm: db.orm, search, indexPrefix, exports: { exportDir, mailer } }),
  });
  return worker.runUntil(fn);
};

const idsOfCsv = (text: string): string[] =>
  (parse(text, { columns: true }) as { id: string }[]).map((r) => r.id).sort();

it('writes the file, records the export and notifies the requester with a download link', async () => {
  const result = await withWorker(async () => {
    const { workflowId } = await startSegmentExport(env.client, {
      requestId: randomUUID(),
      tenantId,
      segmentId,
      format: 'csv',
      columns: ['id', 'firstName', 'email'],
      requestedByUserId: ownerId,
      taskQueue,
    });
    return (await env.client.workflow.getHandle(workflowId).result()) as ExportSegmentResult;
  });
  expect(result).toMatchObject({ rows: members.length, notified: 1, emailedTo: [] });

  const em = forTenant(db.orm.em.fork(), tenantId);
  const record = await em.findOneOrFail(SegmentExport, { id: result.exportId });
  expect(record).toMatchObject({ status: 'done', rowCount: members.length, format: 'csv' });
  expect(record.fileName).toMatch(/^gold-customers-\d{8}-\d{4}\.csv$/);
  const text = readFileSync(resolveExportFile(exportDir, record.filePath!), 'utf8');
  expect(text.startsWith('id,firstName,email\r\n')).toBe(true);
  expect(idsOfCsv(text)).toEqual([...members].sort());
  expect(text).toContain(`,'@SUM(A1),`);
  expect(record.byteSize).toBe(Buffer.byteLength(text));

  const notes = await em.find(Notification, { user: ownerId, link: `/api/v1/exports/${record.id}/download` });
  expect(notes).toHaveLength(1);
  expect(notes[0]).toMatchObject({ category: 'export', title: 'Export of "Gold customers" is ready' });
}, 120_000);

it('runs a Temporal Schedule that can be paused, resumed, triggered to e-mail the file, and deleted', async () => {
  const em = forTenant(db.orm.em.fork(), tenantId);
  const schedule = em.create(ExportSchedule, {
    tenant: tenantId,
    name: 'Weekly gold',
    owner: ownerId,
    reportTemplate: 'segment_members',
    format: 'json',
    segment: segmentId,
    cron: '0 8 * * MON',
    timeZone: 'Asia/Tokyo',
    recipients: ['boss@export.test', 'team@export.test'],
    columns: ['id', 'email'],
  });
  await em.flush();
  const scheduleId = await createExportSchedule(env.client, {
    tenantId,
    scheduleId: schedule.id,
    template: 'segment_members',
    params: { segmentId, columns: ['id', 'email'] },
    formats: ['json'],
    ownerUserId: ownerId,
    cron: schedule.cron,
    timeZone: schedule.timeZone,
    overlap: 'SKIP',
    catchupWindowSeconds: 600,
    taskQueue,
  });
  try {
    expect(scheduleId).toBe(`export-schedule-${tenantId}-${schedule.id}`);
    const described = await env.client.schedule.getHandle(scheduleId).describe();
    expect(described.spec.timezone).toBe('Asia/Tokyo');
    expect(described.policies).toMatchObject({ overlap: 'SKIP', catchupWindow: 600_000 });
    const next = (await describeExportSchedule(env.client, tenantId, schedule.id))!;
    expect(next.paused).toBe(false);
    // Monday 08:00 in Tokyo is Sunday 23:00 UTC.
    expect(new Date(next.nextRunAt!).getUTCDay()).toBe(0);
    expect(new Date(next.nextRunAt!).getUTCHours()).toBe(23);

    await pauseExportSchedule(env.client, tenantId, schedule.id, 'test pause');
    expect((await describeExportSchedule(env.client, tenantId, schedule.id))?.paused).toBe(true);
    await resumeExportSchedule(env.client, tenantId, schedule.id, 'test resume');
    expect((await describeExportSchedule(env.client, tenantId, schedule.id))?.paused).toBe(false);

    await withWorker(async () => {
      await triggerExportSchedule(env.client, tenantId, schedule.id);
      for (let i = 0; i < 200 && mails.length === 0; i += 1) await new Promise((r) => setTimeout(r, 100));
    });
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(
      (Array.isArray(mail.to) ? mail.to : [mail.to]).flatMap((a) => a!.value.map((v) => v.address)),
    ).toEqual(['boss@export.test', 'team@export.test']);
    expect(mail.subject).toBe(`Scheduled export: Gold customers (${members.length} customers)`);
    expect(mail.attachments).toHaveLength(1);
    const file = mail.attachments[0]!;
    expect(file.filename).toMatch(/^gold-customers-\d{8}-\d{4}\.json$/);
    const rows = JSON.parse(file.content.toString('utf8')) as { id: string; email: string }[];
    expect(rows.map((r) => r.id).sort()).toEqual([...members].sort());
    expect(Object.keys(rows[0]!)).toEqual(['id', 'email']);

    const fresh = forTenant(db.orm.em.fork(), tenantId);
    const run = await fresh.findOneOrFail(SegmentExport, { schedule: schedule.id });
    expect(run).toMatchObject({ status: 'done', rowCount: members.length });
    expect(run.workflowId.startsWith(scheduleId)).toBe(true);
    expect(
      await fresh.count(Notification, { user: ownerId, link: `/api/v1/exports/${run.id}/download` }),
    ).toBe(1);
    expect((await fresh.findOneOrFail(ExportSchedule, { id: schedule.id })).lastRunAt).not.toBeNull();
  } finally {
    await deleteExportSchedule(env.client, tenantId, schedule.id);
  }
  expect(await describeExportSchedule(env.client, tenantId, schedule.id)).toBeNull();
}, 120_000);
