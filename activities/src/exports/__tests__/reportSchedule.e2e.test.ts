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
import { defaultAnalyticsSettings, workflowIds } from '@c360/domain';
import {
  buildCustomerDocuments,
  createSearchClient,
  Customer,
  customerIndexName,
  ensureCustomerIndex,
  ExportSchedule,
  forTenant,
  Notification,
  overviewReport,
  resolveExportFile,
  SegmentExport,
  SurveyRequest,
  SurveyResponse,
  Tenant,
  useTestDatabase,
  User,
  writeCustomerDocuments,
} from '@c360/store';
import {
  backfillExportSchedule,
  createExportSchedule,
  deleteExportSchedule,
  startReportExport,
  workflowsPath,
  type ExportReportResult,
} from '@c360/workflows';
import { createActivities } from '../../worker/createActivities';
import { createExportMailer, type ExportMailer } from '../exportMailer';
import { pdfText } from './support/pdfText';

/**
 * Report templates end to end on the real parts: the Temporal dev server (Schedules, catch-up by
 * backfill), a worker with the real activities, PostgreSQL, OpenSearch, and an SMTP server
 * started here that captures what the worker sends. The PDF is opened and its text read back.
 */
Runtime.install({ logger: new DefaultLogger('WARN') });

const namespace = process.env['C360_TEMPORAL_NAMESPACE'] ?? 'c360-test';
const db = useTestDatabase();
const search = createSearchClient(process.env['C360_OPENSEARCH_URL'] ?? 'http://127.0.0.1:9200');
const indexPrefix = `${process.env['C360_INDEX_PREFIX'] ?? 'c360-test-'}report-${randomUUID().slice(0, 8)}-`;
const taskQueue = `report-e2e-${randomUUID().slice(0, 8)}`;
const exportDir = mkdtempSync(path.join(tmpdir(), 'c360-report-e2e-'));
const ZONE = 'Asia/Tokyo';

let env: TestWorkflowEnvironment;
let workflowBundle: WorkflowBundle;
let smtp: SMTPServer;
let mailer: ExportMailer;
const mails: ParsedMail[] = [];
let tenantId: string;
let ownerId: string;
const vips: { first: string; last: string; email: string }[] = [];

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
    name: 'Report Co',
    slug: `report-${randomUUID().slice(0, 8)}`,
    timeZone: ZONE,
  });
  await em.flush();
  tenantId = tenant.id;
  const scoped = forTenant(em, tenantId);
  const owner = scoped.create(User, {
    tenant: tenantId,
    email: 'manager@report.test',
    name: 'Manager',
    passwordHash: 'x',
    roles: ['manager'],
  });
  ownerId = owner.id;
  const ids: string[] = [];
  for (let i = 0; i < 6; i += 1) {
    const vip = i < 4;
    const first = i === 0 ? '=CMD()' : `Vip${i}`;
    const c = scoped.create(Customer, {
      tenant: tenantId,
      firstName: vip ? first : `Plain${i}`,
      lastName: `Last${i}`,
      emails: [`c${i}@report.test`],
      timeZone: ZONE,
      language: 'ja',
      isVip: vip,
      lifecycleStage: i % 2 === 0 ? 'customer' : 'loyal',
    });
    ids.push(c.id);
    if (vip) vips.push({ first, last: `Last${i}`, email: `c${i}@report.test` });
    // Three answers a day apart, two of them satisfied: CSAT 67 %.
    if (i < 3) {
      const request = scoped.create(SurveyRequest, {
        tenant: tenantId,
        customer: c.id,
        kind: 'csat',
        channel: 'web',
        token: randomUUID(),
        status: 'answered',
        expiresAt: new Date(Date.now() + 86_400_000),
      });
      scoped.create(SurveyResponse, {
        tenant: tenantId,
        request: request.id,
        customer: c.id,
        kind: 'csat',
        score: i === 2 ? 2 : 5,
        channel: 'web',
        comment: i === 2 ? '+slow answer' : null,
        answeredAt: new Date(Date.now() - (i + 1) * 86_400_000),
      });
    }
  }
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

const waitFor = async (check: () => Promise<boolean> | boolean, what: string): Promise<void> => {
  for (let i = 0; i < 300; i += 1) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`still waiting for ${what}`);
};

/** The local fields of `at` in the zone, as a seven-field cron (seconds first, year last). */
const cronAt = (at: Date, timeZone: string): string => {
  const part = (p: Intl.DateTimeFormatPartTypes) =>
    Number(
      new Intl.DateTimeFormat('en-GB', {
        timeZone,
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(at)
        .find((x) => x.type === p)!.value,
    );
  return `${part('second')} ${part('minute')} ${part('hour')} * * * *`;
};

const readFile = (record: SegmentExport): Buffer =>
  readFileSync(resolveExportFile(exportDir, record.filePath!));

it('fires a schedule in the tenant zone, catches up a missed run, and delivers CSV and PDF by mail and in-app', async () => {
  const em = forTenant(db.orm.em.fork(), tenantId);
  const params = {
    quickFilters: ['vip'],
    sort: 'name',
    columns: ['firstName', 'lastName', 'email', 'lifecycleStage'],
  };
  const schedule = em.create(ExportSchedule, {
    tenant: tenantId,
    name: 'Daily VIPs',
    owner: ownerId,
    reportTemplate: 'customer_list',
    format: 'csv',
    formats: ['csv', 'pdf'],
    filters: params,
    cron: '0 8 * * *',
    timeZone: ZONE,
    recipients: ['boss@report.test'],
  });
  await em.flush();
  // A daily tick a few seconds from now, written in Tokyo's local time: the schedule fires on
  // its own, in the tenant's zone (a five-field cron through the API; seconds here to be quick).
  const tick = new Date(Math.ceil((Date.now() + 6_000) / 1000) * 1000);
  const temporalId = await createExportSchedule(env.client, {
    tenantId,
    scheduleId: schedule.id,
    template: 'customer_list',
    params,
    formats: ['csv', 'pdf'],
    ownerUserId: ownerId,
    cron: cronAt(tick, ZONE),
    timeZone: ZONE,
    overlap: 'BUFFER_ONE',
    catchupWindowSeconds: 600,
    taskQueue,
  });
  try {
    const handle = env.client.schedule.getHandle(temporalId);
    const described = await handle.describe();
    expect(described.info.nextActionTimes[0]?.toISOString()).toBe(tick.toISOString());
    expect(described.policies).toMatchObject({ overlap: 'BUFFER_ONE', catchupWindow: 600_000 });

    await withWorker(async () => {
      await waitFor(() => mails.length === 1, 'the scheduled run');
      // Yesterday's tick was missed (the schedule did not exist): caught up by a backfill.
      await backfillExportSchedule(env.client, tenantId, schedule.id, {
        start: new Date(tick.getTime() - 86_400_000 - 1000),
        end: new Date(tick.getTime() - 86_400_000 + 1000),
      });
      await waitFor(() => mails.length === 2, 'the caught-up run');
    });

    const fresh = forTenant(db.orm.em.fork(), tenantId);
    const runs = await fresh.find(
      SegmentExport,
      { schedule: schedule.id },
      { orderBy: { createdAt: 'asc' } },
    );
    expect(runs).toHaveLength(4);
    expect(new Set(runs.map((r) => r.workflowId)).size).toBe(2);
    expect(runs.every((r) => r.status === 'done' && r.rowCount === vips.length)).toBe(true);
    expect(runs.every((r) => r.workflowId.startsWith(temporalId))).toBe(true);
    expect((await fresh.findOneOrFail(ExportSchedule, { id: schedule.id })).lastRunAt).not.toBeNull();

    for (const mail of mails) {
      expect(mail.subject).toBe(`Scheduled export: Customer list (${vips.length} customers)`);
      expect(mail.attachments.map((a) => a.contentType)).toEqual(['text/csv', 'application/pdf']);
      const [csv, pdf] = mail.attachments;
      const rows = parse(csv!.content.toString('utf8'), { columns: true }) as Record<string, string>[];
      // The list's order (by last name) and its quick filter (VIPs only), formula text neutralised.
      expect(rows.map((r) => r['email'])).toEqual(vips.map((v) => v.email));
      expect(rows[0]!['firstName']).toBe("'=CMD()");
      expect(Object.keys(rows[0]!)).toEqual(['firstName', 'lastName', 'email', 'lifecycleStage']);

      const text = await pdfText(pdf!.content);
      expect(text).toContain('Customer list');
      expect(text).toContain('Generated: ');
      expect(text).toContain(`(${ZONE})`);
      expect(text).toContain('Customers per lifecycle stage');
      expect(text).toMatch(/firstName\s+lastName\s+email\s+lifecycleStage/);
      // The table, row by row, in the list's order.
      const table = text.slice(text.search(/firstName\s+lastName\s+email/));
      let at = 0;
      for (const v of vips) {
        const row = new RegExp(
          `${v.first.replace(/[()=]/g, '\\$&')}\\s+${v.last}\\s+${v.email}\\s+(customer|loyal)`,
        );
        const found = table.slice(at).search(row);
        expect(found).toBeGreaterThanOrEqual(0);
        at += found + 1;
      }
      expect(text).not.toContain('Plain4');
    }

    // In the app: one notice per file of each run, with its download link, through `notify`.
    const notes = await fresh.find(Notification, { user: ownerId, category: 'export' });
    expect(notes.map((n) => n.link).sort()).toEqual(
      runs.map((r) => `/api/v1/exports/${r.id}/download`).sort(),
    );
    expect(notes.every((n) => n.title === 'Export of "Customer list" is ready')).toBe(true);
  } finally {
    await deleteExportSchedule(env.client, tenantId, schedule.id);
  }
}, 120_000);

it('writes the analytics overview with the numbers of /analytics/overview, and the CSAT report', async () => {
  const to = new Date();
  const from = new Date(to.getTime() - 7 * 86_400_000);
  const run = (
    template: 'analytics_overview' | 'csat',
    format: 'csv' | 'pdf',
    params: Record<string, unknown>,
  ) =>
    startReportExport(env.client, {
      requestId: randomUUID(),
      tenantId,
      template,
      params,
      formats: [format],
      requestedByUserId: ownerId,
      taskQueue,
    }).then(
      ({ workflowId }) => env.client.workflow.getHandle(workflowId).result() as Promise<ExportReportResult>,
    );

  const range = { from: from.toISOString(), to: to.toISOString() };
  // One run at a time: each result() is awaited before the next starts.
  const results = await withWorker(async () => {
    const overviewCsv = await run('analytics_overview', 'csv', range);
    const overviewPdf = await run('analytics_overview', 'pdf', range);
    const csatCsv = await run('csat', 'csv', { ...range, interval: 'day' });
    const csatPdf = await run('csat', 'pdf', { ...range, interval: 'day' });
    return { overviewCsv, overviewPdf, csatCsv, csatPdf };
  });
  const em = forTenant(db.orm.em.fork(), tenantId);
  const record = (r: ExportReportResult) => em.findOneOrFail(SegmentExport, { id: r.exportId });

  const expected = await overviewReport(db.orm.em.fork(), { tenantId, from, to }, defaultAnalyticsSettings());
  const kpis = parse(readFile(await record(results.overviewCsv)).toString('utf8'), {
    columns: true,
  }) as Record<string, string>[];
  const byLabel = new Map(kpis.map((k) => [k['metric'], k]));
  expect(byLabel.get('New customers')?.['current']).toBe(String(expected.kpis.newCustomers.current));
  expect(byLabel.get('New customers')?.['current']).toBe('6');
  expect(byLabel.get('CSAT (%)')?.['current']).toBe(String(expected.kpis.csat.current));
  expect(byLabel.get('CSAT answers')?.['current']).toBe('3');
  const overviewPdf = await record(results.overviewPdf);
  expect(overviewPdf.fileName).toMatch(/^analytics-overview-\d{8}-\d{4}\.pdf$/);
  const overviewText = await pdfText(readFile(overviewPdf));
  expect(overviewText).toContain('Analytics overview');
  expect(overviewText).toMatch(/New customers\s+6\s+0/);

  const answers = parse(readFile(await record(results.csatCsv)).toString('utf8'), {
    columns: true,
  }) as Record<string, string>[];
  expect(answers.map((a) => a['score'])).toEqual(['2', '5', '5']);
  // A comment that would start a formula is neutralised by the shared CSV writer.
  expect(answers[0]!['comment']).toBe("'+slow answer");
  const csatText = await pdfText(readFile(await record(results.csatPdf)));
  expect(csatText).toContain('CSAT and NPS');
  expect(csatText).toContain('CSAT (%) per day');
  expect(csatText).toMatch(/Trend per day/);
  expect(csatText).toMatch(/csat\s+5\s+web/);
}, 120_000);

it('writes into the export row the API recorded before starting the run', async () => {
  const em = forTenant(db.orm.em.fork(), tenantId);
  const exportId = randomUUID();
  // What `POST /reports/run` and a too-large segment export write before the start.
  em.create(SegmentExport, {
    id: exportId,
    tenant: tenantId,
    requestedBy: ownerId,
    reportTemplate: 'customer_list',
    format: 'csv',
    columns: [],
    status: 'running',
    workflowId: workflowIds.reportExport(tenantId, exportId),
  });
  await em.flush();
  const result = await withWorker(async () => {
    const { workflowId } = await startReportExport(env.client, {
      requestId: exportId,
      tenantId,
      template: 'customer_list',
      params: { isVip: false },
      formats: ['csv'],
      requestedByUserId: ownerId,
      taskQueue,
    });
    return (await env.client.workflow.getHandle(workflowId).result()) as ExportReportResult;
  });
  expect(result).toMatchObject({ exportId, rows: 2, notified: 1, emailedTo: [] });
  const record = await forTenant(db.orm.em.fork(), tenantId).findOneOrFail(SegmentExport, { id: exportId });
  expect(record).toMatchObject({ status: 'done', params: { isVip: false }, rowCount: 2 });
  const rows = parse(readFile(record).toString('utf8'), { columns: true }) as Record<string, string>[];
  expect(rows.map((r) => r['firstName']).sort()).toEqual(['Plain4', 'Plain5']);
}, 120_000);
