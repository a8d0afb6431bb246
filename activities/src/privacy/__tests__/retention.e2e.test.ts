import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { REDACTED_BODY } from '@c360/domain';
import {
  buildCustomerDocuments,
  createSearchClient,
  exportRelativePath,
  forTenant,
  RetentionPolicy,
  useTestDatabase,
} from '@c360/store';
import { WorkflowKindKey, workflowsPath, type purgeRetention } from '@c360/workflows';
import { createActivities } from '../../worker/createActivities';
import { createCustomerWithEverything, createTenant, FIXTURE_AS_OF } from './privacyFixture';
import {
  connectDevServer,
  indexTenants,
  NAMESPACE,
  rowsById,
  saveHistoryFixture,
  testIndexPrefix,
} from './privacyTestKit';

/**
 * The retention purge end to end on the real parts: the Temporal dev server, a worker with the
 * real activities, PostgreSQL and OpenSearch. Tenant A has rules of 30 days for message bodies,
 * call transcripts and closed tickets; tenant B has none. Every record kind of the fixture has a
 * row 100 days old (or 99) and one 10 days old, and tickets of every status.
 */
Runtime.install({ logger: new DefaultLogger('WARN') });

const db = useTestDatabase();
const search = createSearchClient(process.env['C360_OPENSEARCH_URL'] ?? 'http://127.0.0.1:9200');
const indexPrefix = testIndexPrefix('retention');
let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await connectDevServer();
}, 60_000);
afterAll(async () => {
  await search.indices.delete({ index: `${indexPrefix}customers` }).catch(() => undefined);
  await search.close();
  await env?.teardown();
});

type Row = Record<string, unknown>;
const parse = (text: string | undefined): Row => JSON.parse(text ?? 'null') as Row;

it('removes exactly what the policy says from PostgreSQL and OpenSearch, and reports in the audit log', async () => {
  const a = await createTenant(db.orm, 'ret-a');
  const b = await createTenant(db.orm, 'ret-b');
  const a1 = await createCustomerWithEverything(db.orm, a, 'Ann');
  const a2 = await createCustomerWithEverything(db.orm, a, 'Abe');
  const b1 = await createCustomerWithEverything(db.orm, b, 'Bob');
  const emA = forTenant(db.orm.em.fork(), a);
  for (const target of ['messages', 'calls', 'tickets'] as const)
    emA.create(RetentionPolicy, { tenant: a, target, retentionDays: 30, action: 'delete', enabled: true });
  await emA.flush();
  const index = await indexTenants(db.orm, search, indexPrefix, [a, b]);

  const before = {
    message: await rowsById(db.orm, 'message'),
    call: await rowsById(db.orm, 'call'),
    ticket: await rowsById(db.orm, 'ticket'),
    audit_log: await rowsById(db.orm, 'audit_log'),
    customer: await rowsById(db.orm, 'customer'),
  };
  const docB = (await search.get({ index, id: b1.id })).body._source;

  const taskQueue = `retention-${randomUUID().slice(0, 8)}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: NAMESPACE,
    taskQueue,
    workflowsPath,
    activities: createActivities({ orm: db.orm, search, indexPrefix }),
  });
  const workflowId = `retention-test-${randomUUID()}`;
  const run = (id: string, input: Parameters<typeof purgeRetention>[0]) =>
    env.client.workflow.execute<typeof purgeRetention>('purgeRetention', {
      taskQueue,
      workflowId: id,
      args: [input],
      // As the Schedule starts it: the run then shows the tenant it is purging.
      typedSearchAttributes: [{ key: WorkflowKindKey, value: 'retention' }],
    });
  // One row per batch and two batches per run: the purge continues as new several times. The
  // second run finds nothing more to do.
  const [result, again] = await worker.runUntil(async () => [
    await run(workflowId, { asOf: FIXTURE_AS_OF.toISOString(), batchSize: 1, batchesPerRun: 2 }),
    await run(`${workflowId}-again`, { asOf: FIXTURE_AS_OF.toISOString(), batchSize: 10 }),
  ]);
  expect(result).toMatchObject({
    phase: 'done',
    tenantsDone: 1,
    // Per customer: 2 message bodies (100 and 99 days), 1 transcript, 2 closed tickets (closed and resolved, 100 days).
    counts: { messages: 4, calls: 2, tickets: 4 },
  });
  const runs = await env.client.workflow.getHandle(workflowId).describe();
  const firstRunId = runs.raw.workflowExecutionInfo?.firstRunId ?? '';
  expect(runs.runId).not.toBe(firstRunId);
  await saveHistoryFixture(env.client, workflowId, 'purgeRetention-firstRun', firstRunId);
  await saveHistoryFixture(env.client, workflowId, 'purgeRetention-lastRun', runs.runId);

  const cutoff = new Date(FIXTURE_AS_OF.getTime() - 30 * 86_400_000).toISOString();
  // Messages: in tenant A, the old bodies are redacted; everything else is as it was.
  const messagesAfter = await rowsById(db.orm, 'message');
  expect(messagesAfter.size).toBe(before.message.size);
  for (const [id, text] of before.message) {
    const was = parse(text);
    const now = parse(messagesAfter.get(id));
    if (was['tenant_id'] === a && String(was['sent_at']) < cutoff) {
      expect(now['body']).toBe(REDACTED_BODY);
      expect(now['html']).toBeNull();
      expect(now['attachments']).toEqual([]);
      expect(JSON.stringify(now)).not.toContain(a1.email);
    } else expect(messagesAfter.get(id)).toBe(text);
  }
  // Calls: old transcripts gone in A, the calls stay.
  const callsAfter = await rowsById(db.orm, 'call');
  expect(callsAfter.size).toBe(before.call.size);
  for (const [id, text] of before.call) {
    const was = parse(text);
    const now = parse(callsAfter.get(id));
    if (was['tenant_id'] === a && String(was['started_at']) < cutoff) {
      expect(now).toMatchObject({ transcript: null, summary: null, action_items: [], duration_seconds: 120 });
    } else expect(callsAfter.get(id)).toBe(text);
  }
  // Tickets: closed and resolved ones older than 30 days deleted in A; open and recent stay.
  const ticketsAfter = await rowsById(db.orm, 'ticket');
  for (const [id, text] of before.ticket) {
    const was = parse(text);
    const purged =
      was['tenant_id'] === a &&
      ['resolved', 'closed'].includes(String(was['status'])) &&
      String(was['resolved_at']) < cutoff;
    if (purged) expect(ticketsAfter.has(id)).toBe(false);
    else expect(ticketsAfter.get(id)).toBe(text);
  }
  expect(before.ticket.size - ticketsAfter.size).toBe(4);
  // Customers untouched; the audit log kept whole, plus one report for A.
  expect(await rowsById(db.orm, 'customer')).toEqual(before.customer);
  const auditAfter = await rowsById(db.orm, 'audit_log');
  for (const [id, text] of before.audit_log) expect(auditAfter.get(id)).toBe(text);
  const reports = [...auditAfter.values()]
    .map(parse)
    .filter((r) => r['action'] === 'retention.purged' && (r['after'] as Row)['workflowId'] === workflowId);
  expect(reports).toHaveLength(1);
  expect(reports[0]).toMatchObject({
    tenant_id: a,
    entity_id: a,
    after: { asOf: FIXTURE_AS_OF.toISOString(), counts: { messages: 4, calls: 2, tickets: 4 } },
  });

  // OpenSearch: A's documents are what PostgreSQL says now (ticket counts, breaches); B's untouched.
  const fresh = await buildCustomerDocuments(db.orm.em.fork(), a, [a1.id, a2.id], new Date());
  for (const doc of fresh.documents) {
    const indexed = (await search.get({ index, id: doc.customerId })).body._source as Row;
    expect({ ...indexed, indexedAt: null }).toEqual({ ...doc, indexedAt: null });
  }
  expect((await search.get({ index, id: b1.id })).body._source).toEqual(docB);

  // The relay is told too: customer.changed per purged customer of A, none for B.
  const events = await db.orm.em
    .fork()
    .execute<
      { aggregate_id: string }[]
    >(`select distinct aggregate_id from outbox_event where type = 'customer.changed' and payload::text like '%"retention.%'`);
  expect(events.map((e) => e.aggregate_id).sort()).toEqual([a1.id, a2.id].sort());
  expect(again.counts).toEqual({ messages: 0, calls: 0, tickets: 0, exports: 0 });
}, 120_000);

it('deletes export files older than the export-files rule, file first, and keeps the rest', async () => {
  const exportDir = mkdtempSync(path.join(tmpdir(), 'c360-retention-exports-'));
  const c = await createTenant(db.orm, 'ret-c');
  const d = await createTenant(db.orm, 'ret-d');
  const emC = forTenant(db.orm.em.fork(), c);
  emC.create(RetentionPolicy, {
    tenant: c,
    target: 'exports',
    retentionDays: 30,
    action: 'delete',
    enabled: true,
  });
  await emC.flush();
  const day = 86_400_000;
  // tenant, status, age in days, with a file?
  const specs = [
    ['old done', c, 'done', 100, true],
    ['old failed', c, 'failed', 100, false],
    ['old still running', c, 'running', 100, true],
    ['recent done', c, 'done', 10, true],
    ['other tenant old done', d, 'done', 100, true],
  ] as const;
  const ids = new Map<string, { id: string; file: string | null }>();
  for (const [label, tenant, status, age, withFile] of specs) {
    const id = randomUUID();
    const relative = withFile ? exportRelativePath(tenant, id, 'csv') : null;
    if (relative) {
      mkdirSync(path.dirname(path.join(exportDir, relative)), { recursive: true });
      writeFileSync(path.join(exportDir, relative), `id\r\n${label}\r\n`);
    }
    const at = new Date(FIXTURE_AS_OF.getTime() - age * day);
    await db.orm.em.fork().execute(
      `insert into segment_export (id, tenant_id, created_at, updated_at, format, columns, status, workflow_id, file_path, params)
       values (?, ?, ?, ?, 'csv', '{id}', ?, ?, ?, '{}')`,
      [id, tenant, at, at, status, `retention-export-${id}`, relative],
    );
    ids.set(label, { id, file: relative ? path.join(exportDir, relative) : null });
  }

  const taskQueue = `retention-exports-${randomUUID().slice(0, 8)}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: NAMESPACE,
    taskQueue,
    workflowsPath,
    activities: createActivities({
      orm: db.orm,
      search,
      indexPrefix,
      dsr: { exportDir, temporal: env.client },
    }),
  });
  const result = await worker.runUntil(
    env.client.workflow.execute<typeof purgeRetention>('purgeRetention', {
      taskQueue,
      workflowId: `retention-exports-test-${randomUUID()}`,
      args: [{ asOf: FIXTURE_AS_OF.toISOString(), batchSize: 1 }],
      typedSearchAttributes: [{ key: WorkflowKindKey, value: 'retention' }],
    }),
  );
  expect(result.counts.exports).toBe(2);

  const left = new Set(
    (await db.orm.em.fork().execute<{ id: string }[]>('select id from segment_export')).map((r) => r.id),
  );
  for (const [label, { id, file }] of ids) {
    const purged = label === 'old done' || label === 'old failed';
    expect({ label, row: left.has(id) }).toEqual({ label, row: !purged });
    if (file) expect({ label, file: existsSync(file) }).toEqual({ label, file: !purged });
  }
  rmSync(exportDir, { recursive: true, force: true });
}, 120_000);
