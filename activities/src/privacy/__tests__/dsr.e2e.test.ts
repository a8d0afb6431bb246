import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WorkflowFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker, type WorkflowBundle } from '@temporalio/worker';
import { DSR_ARCHIVE_SECTIONS } from '@c360/domain';
import { createSearchClient, diskAssetStore, forTenant, SegmentExport, useTestDatabase } from '@c360/store';
import {
  startDsr,
  getDsrStatus,
  tenantSearchAttributes,
  workflowsPath,
  type EraseCustomerResult,
} from '@c360/workflows';
import { createActivities } from '../../worker/createActivities';
import { createCustomerWithEverything, createTenant, type PrivacyCustomer } from './privacyFixture';
import {
  connectDevServer,
  indexTenants,
  NAMESPACE,
  saveHistoryFixture,
  testIndexPrefix,
} from './privacyTestKit';

/**
 * Data-subject requests end to end on the real parts (Temporal dev server, PostgreSQL,
 * OpenSearch, files on disk): the access archive holds every kind of record; the erasure leaves
 * no trace of the customer's e-mail or phone in any table, the index or the stored files,
 * cancels their running workflows, and keeps its own audit record.
 */
Runtime.install({ logger: new DefaultLogger('WARN') });

const db = useTestDatabase();
const search = createSearchClient(process.env['C360_OPENSEARCH_URL'] ?? 'http://127.0.0.1:9200');
const indexPrefix = testIndexPrefix('dsr');
const index = `${indexPrefix}customers`;
const root = mkdtempSync(path.join(tmpdir(), 'c360-dsr-'));
const exportDir = path.join(root, 'exports');
const assetDir = path.join(root, 'assets');
let env: TestWorkflowEnvironment;
let bundle: WorkflowBundle;

beforeAll(async () => {
  env = await connectDevServer();
  bundle = await bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('ERROR') });
}, 120_000);
afterAll(async () => {
  await search.indices.delete({ index }).catch(() => undefined);
  await search.close();
  await env?.teardown();
  rmSync(root, { recursive: true, force: true });
});

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });

/** Every text, JSON and array column of every table holding the needle (case-insensitive). */
const rowsMentioning = async (needle: string): Promise<string[]> => {
  const em = db.orm.em.fork();
  const columns = await em.execute<{ table_name: string; column_name: string }[]>(
    `select table_name, column_name from information_schema.columns
      where table_schema = current_schema()
        and data_type in ('text', 'character varying', 'json', 'jsonb', 'ARRAY')`,
  );
  const found: string[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    const [row] = await em.execute<{ n: string }[]>(
      `select count(*) as n from "${table}" where "${column}"::text ilike ?`,
      [`%${needle}%`],
    );
    if (Number(row?.n) > 0) found.push(`${table}.${column}`);
  }
  return found;
};

const indexHits = async (needle: string): Promise<number> => {
  await search.indices.refresh({ index });
  const r = await search.search({
    index,
    body: { query: { query_string: { query: `"${needle}"`, default_field: '*', lenient: true } } },
  });
  return (r.body.hits.total as { value: number }).value;
};

it('exports everything held about a customer, then erases every trace of them', async () => {
  const a = await createTenant(db.orm, 'dsr-a');
  const b = await createTenant(db.orm, 'dsr-b');
  const assets = diskAssetStore(assetDir);
  const attachmentKey = `${a}/${randomUUID()}`;
  const target: PrivacyCustomer = await createCustomerWithEverything(db.orm, a, 'Tara', { attachmentKey });
  await assets.put(attachmentKey, Buffer.from(`passport of ${target.email}`));
  const other = await createCustomerWithEverything(db.orm, a, 'Otto');
  const outsider = await createCustomerWithEverything(db.orm, b, 'Olga');
  await indexTenants(db.orm, search, indexPrefix, [a, b]);

  // A segment export file of tenant A naming both customers.
  const exportFile = path.posix.join('segment-exports', a, 'members.csv');
  mkdirSync(path.join(exportDir, 'segment-exports', a), { recursive: true });
  writeFileSync(
    path.join(exportDir, exportFile),
    `customerId,email,phone\r\n${target.id},${target.email},${target.phone}\r\n${other.id},${other.email},${other.phone}\r\n`,
  );
  const emA = forTenant(db.orm.em.fork(), a);
  emA.create(SegmentExport, {
    tenant: a,
    format: 'csv',
    columns: ['customerId', 'email', 'phone'],
    status: 'done',
    workflowId: `segment-export-${randomUUID()}`,
    fileName: 'members.csv',
    filePath: exportFile,
    rowCount: 2,
  });
  await emA.flush();

  const taskQueue = `dsr-${randomUUID().slice(0, 8)}`;
  const idleQueue = `dsr-idle-${randomUUID().slice(0, 8)}`;
  const activities = createActivities({
    orm: db.orm,
    search,
    indexPrefix,
    dsr: { exportDir, assets, temporal: env.client },
  });
  const worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: NAMESPACE,
    taskQueue,
    workflowBundle: bundle,
    activities,
  });

  // Workflows of the customers that are running (queued on a task queue no worker polls yet).
  const pending = async (customerId: string) => {
    const workflowId = `dsr-test-pending-${randomUUID()}`;
    await env.client.workflow.start('exportCustomerData', {
      taskQueue: idleQueue,
      workflowId,
      args: [{ tenantId: a, customerId, requestId: randomUUID(), requestedByUserId: null }],
      typedSearchAttributes: tenantSearchAttributes(a, 'dsr-export', { customerId }),
    });
    return workflowId;
  };
  const targetsWorkflow = await pending(target.id);
  const othersWorkflow = await pending(other.id);
  // Visibility is eventually consistent: the erasure finds what the list shows.
  for (let i = 0; i < 100; i += 1) {
    const seen: string[] = [];
    for await (const wf of env.client.workflow.list({
      query: `TenantId = "${a}" AND ExecutionStatus = "Running"`,
    }))
      seen.push(wf.workflowId);
    if (seen.includes(targetsWorkflow) && seen.includes(othersWorkflow)) break;
    await new Promise((r) => setTimeout(r, 200));
  }

  const exportRequest = randomUUID();
  const eraseRequest = randomUUID();
  const ref = { tenantId: a, customerId: target.id, requestedByUserId: null, taskQueue };
  await worker.runUntil(async () => {
    // Access: one archive with every kind of record.
    const started = await startDsr(env.client, 'export', { ...ref, requestId: exportRequest });
    await env.client.workflow.getHandle(started.workflowId).result();
    const status = await getDsrStatus(env.client, 'export', { ...ref, requestId: exportRequest });
    expect(status?.status).toBe('COMPLETED');
    const archive = JSON.parse(
      readFileSync(path.join(exportDir, (status?.result as { fileName: string }).fileName), 'utf8'),
    ) as Record<string, unknown>;
    for (const section of DSR_ARCHIVE_SECTIONS) {
      expect(archive).toHaveProperty(section);
      if (section === 'scores') continue; // null until the customer is first scored
      const value = archive[section];
      expect(Array.isArray(value) ? value.length : value ? 1 : 0).toBeGreaterThan(0);
    }
    expect(archive['messages']).toHaveLength(3);
    expect(archive['tickets']).toHaveLength(4);
    expect(archive['consentLog']).toHaveLength(2);
    const [file] = archive['files'] as { contentBase64: string }[];
    expect(Buffer.from(file!.contentBase64, 'base64').toString()).toBe(`passport of ${target.email}`);
    expect(JSON.stringify(archive)).not.toContain(other.email);

    // Erasure.
    const erase = await startDsr(env.client, 'erase', { ...ref, requestId: eraseRequest });
    const result = await env.client.workflow.getHandle(erase.workflowId).result();
    expect(result as EraseCustomerResult).toMatchObject({
      cancelledWorkflows: 1,
      indexDocumentRemoved: true,
      files: { filesChanged: 1, linesRemoved: 1, filesDeleted: 2 },
      rows: { customerFound: true, rows: { messages: 3, tickets: 4, calls: 2, deals: 1 } },
    });
    await saveHistoryFixture(env.client, started.workflowId, 'exportCustomerData-archive');
    await saveHistoryFixture(env.client, erase.workflowId, 'eraseCustomerData-erased');
  });

  // No trace in PostgreSQL, in any table.
  for (const needle of [target.email, target.phone, target.name])
    expect(await rowsMentioning(needle)).toEqual([]);
  const em = db.orm.em.fork();
  expect(await em.execute(`select id from customer where id = ?`, [target.id])).toEqual([]);
  // The audit record of the erasure stays, without the erased data; consent history stays, scrubbed.
  const audits = await em.execute<{ action: string; after: Record<string, unknown>; reason: string }[]>(
    `select action, after, reason from audit_log where entity_id = ? order by created_at`,
    [target.id],
  );
  expect(audits.map((r) => r.action).sort()).toEqual(
    ['consent.granted', 'consent.revoked', 'dsr.erased', 'dsr.exported'].sort(),
  );
  expect(audits.find((r) => r.action === 'dsr.erased')?.after).toMatchObject({ cancelledWorkflows: 1 });
  // The others keep everything.
  expect(await rowsMentioning(other.email)).toEqual(
    expect.arrayContaining(['customer.emails', 'message.body']),
  );
  expect(await rowsMentioning(outsider.email)).toEqual(expect.arrayContaining(['customer.emails']));

  // Nor in the index.
  expect(await indexHits(target.email)).toBe(0);
  expect(await indexHits(target.phone)).toBe(0);
  expect((await search.exists({ index, id: target.id })).body).toBe(false);
  expect((await search.exists({ index, id: other.id })).body).toBe(true);

  // Nor in the stored files; the export keeps the other customer's row.
  for (const file of [...filesUnder(exportDir), ...filesUnder(assetDir)]) {
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(target.email);
    expect(text).not.toContain(target.phone);
  }
  expect(readFileSync(path.join(exportDir, exportFile), 'utf8')).toContain(other.email);

  // Their running workflow is cancelled (it ends so when a worker takes it); the other's is not.
  const idle = await Worker.create({
    connection: env.nativeConnection,
    namespace: NAMESPACE,
    taskQueue: idleQueue,
    workflowBundle: bundle,
    activities,
  });
  await idle.runUntil(async () => {
    const error = await env.client.workflow
      .getHandle(targetsWorkflow)
      .result()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkflowFailedError);
    expect((await env.client.workflow.getHandle(targetsWorkflow).describe()).status.name).toBe('CANCELLED');
    // The other customer's export runs to completion.
    await env.client.workflow.getHandle(othersWorkflow).result();
  });
}, 180_000);
