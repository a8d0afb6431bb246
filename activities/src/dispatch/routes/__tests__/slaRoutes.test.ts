import { randomUUID } from 'node:crypto';
import { Client, Connection, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createSearchClient, forTenant, ticketRecords, useTestDatabase, waitFor } from '@c360/store';
import { slaClockQuery, slaClockWorkflowId, workflowsPath, type SlaClockView } from '@c360/workflows';
import { createOutboxRelay, type OutboxRelay } from '../../../outbox/createOutboxRelay';
import { createSlaActivities } from '../../../sla/createSlaActivities';
import { createSlaFixture, loadTicket, type SlaFixture } from '../../../sla/__tests__/support/slaFixture';
import { peerActivities } from '../../../sla/__tests__/support/peerActivities';
import { createDispatcher } from '../../createDispatcher';
import { slaRoutes } from '../slaRoutes';

/**
 * The SLA routes end to end on the dev server: ticket writes append their lifecycle events, the
 * relay hands them to the dispatcher, and the ticket's clock starts, pauses, resumes, takes a
 * new policy, ends and starts again, exactly as the events say.
 */
Runtime.install({ logger: new DefaultLogger('WARN') });

const address = process.env['C360_TEMPORAL_ADDRESS'] ?? '127.0.0.1:7233';
const namespace = process.env['C360_TEMPORAL_NAMESPACE'] ?? 'c360-test';
const taskQueue = `sla-routes-${randomUUID().slice(0, 8)}`;
const db = useTestDatabase();
const search = createSearchClient(process.env['C360_OPENSEARCH_URL'] ?? 'http://127.0.0.1:9200');
const logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

let connection: Connection;
let client: Client;
let workerConnection: NativeConnection;
let worker: Worker;
let running: Promise<void>;
let relay: OutboxRelay;
let f: SlaFixture;

beforeAll(async () => {
  connection = await Connection.connect({ address });
  client = new Client({ connection, namespace });
  workerConnection = await NativeConnection.connect({ address });
  f = await createSlaFixture(db.orm);
  worker = await Worker.create({
    connection: workerConnection,
    namespace,
    taskQueue,
    workflowsPath,
    activities: { ...createSlaActivities({ orm: db.orm }), ...peerActivities(db.orm) },
  });
  running = worker.run();
  relay = createOutboxRelay({
    orm: db.orm,
    databaseUrl: db.url,
    search,
    indexPrefix: `${process.env['C360_INDEX_PREFIX'] ?? 'c360-test-'}sla-routes-${randomUUID().slice(0, 8)}-`,
    logger,
    dispatcher: createDispatcher({ client, routes: slaRoutes, logger, taskQueue }),
  });
}, 120_000);

// The worker stops before the database is dropped (see beforeDrop).
db.beforeDrop(async () => {
  for await (const w of client.workflow.list({
    query: `TaskQueue = '${taskQueue}' AND ExecutionStatus = 'Running'`,
  }))
    await client.workflow
      .getHandle(w.workflowId, w.runId)
      .terminate('test over')
      .catch(() => undefined);
  worker?.shutdown();
  await running;
  await workerConnection?.close();
  await connection?.close();
  await search.close();
});

const actor = { userId: null, requestId: null, source: 'test' };

const clockOf = (ticketId: string, ready: (v: SlaClockView) => boolean, what: string) =>
  waitFor(async () => {
    const v = await client.workflow
      .getHandle(slaClockWorkflowId(f.tenantId, ticketId))
      .query(slaClockQuery)
      .catch(() => undefined);
    return v && ready(v) ? v : undefined;
  }, what);

const statusOf = async (ticketId: string) => {
  const d = await client.workflow.getHandle(slaClockWorkflowId(f.tenantId, ticketId)).describe();
  return { runId: d.runId, status: d.status.name, kind: d.typedSearchAttributes };
};

it('runs a ticket clock from the ticket lifecycle events: start, pause, resume, new policy, end, restart', async () => {
  const tickets = ticketRecords(db.orm.em, f.tenantId, () => new Date());
  const ticket = await tickets.create(
    { customerId: f.customerId, subject: 'Broken', assigneeId: f.agentId },
    actor,
  );
  await relay.drain();
  const started = await clockOf(ticket.id, (v) => v.resolutionDueAt !== null, 'the clock');
  expect(started).toMatchObject({ policy: 'standard', paused: false, assigneeId: f.agentId });
  expect(started.resolutionDueAt).toBe(new Date(ticket.createdAt.getTime() + 600 * 60_000).toISOString());
  expect((await loadTicket(db.orm, f, ticket.id)).resolutionDueAt?.toISOString()).toBe(
    started.resolutionDueAt,
  );
  const attributes = (await statusOf(ticket.id)).kind.getAll().map((p) => [p.key.name, p.value]);
  expect(attributes).toEqual(
    expect.arrayContaining([
      ['TenantId', f.tenantId],
      ['CustomerId', f.customerId],
      ['WorkflowKind', 'sla'],
    ]),
  );

  // A replayed ticket.created finds the clock running: nothing new starts.
  await expect(
    client.workflow.start('slaClockWorkflow', {
      taskQueue,
      workflowId: slaClockWorkflowId(f.tenantId, ticket.id),
      args: [{}],
    }),
  ).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);

  await tickets.change(ticket.id, { status: 'pending' }, actor);
  await relay.drain();
  await clockOf(ticket.id, (v) => v.paused && v.resolutionDueAt === null, 'the pause');
  expect((await loadTicket(db.orm, f, ticket.id)).resolutionDueAt).toBeNull();

  await tickets.change(ticket.id, { status: 'open' }, actor);
  await relay.drain();
  await clockOf(ticket.id, (v) => !v.paused && v.resolutionDueAt !== null, 'the resume');

  await tickets.change(ticket.id, { assigneeId: f.otherAgentId, slaPolicy: 'gold' }, actor);
  await relay.drain();
  await clockOf(ticket.id, (v) => v.policy === 'gold' && v.assigneeId === f.otherAgentId, 'the new policy');

  const first = await statusOf(ticket.id);
  await tickets.change(ticket.id, { status: 'resolved' }, actor);
  await relay.drain();
  await waitFor(
    async () => ((await statusOf(ticket.id)).status === 'COMPLETED' ? true : undefined),
    'the end',
  );

  await tickets.change(ticket.id, { status: 'open' }, actor);
  await relay.drain();
  const reopened = await waitFor(async () => {
    const s = await statusOf(ticket.id);
    return s.runId !== first.runId && s.status === 'RUNNING' ? s : undefined;
  }, 'the clock of the reopening');
  expect(reopened.status).toBe('RUNNING');
  await clockOf(ticket.id, (v) => v.resolutionDueAt !== null && v.policy === 'gold', 'the new clock');
});

it('signals nothing for a status change that is not about waiting on the customer', async () => {
  const event = {
    id: '1',
    tenantId: f.tenantId,
    type: 'ticket.status_changed',
    aggregateType: 'ticket',
    aggregateId: randomUUID(),
    createdAt: new Date(),
  };
  const route = slaRoutes.find((r) => r.eventType === 'ticket.status_changed')!;
  const em = forTenant(db.orm.em.fork(), f.tenantId);
  const commands = async (from: string, to: string) =>
    route.commands(
      { ...event, payload: { ticketId: event.aggregateId, customerId: f.customerId, from, to } },
      { em },
    );
  expect(await commands('open', 'closed')).toEqual([]);
  expect((await commands('open', 'pending'))[0]).toMatchObject({
    kind: 'signal',
    signal: 'slaWaitingOnCustomer',
  });
  expect((await commands('pending', 'open'))[0]).toMatchObject({ kind: 'signal', signal: 'slaWaitingEnded' });
});
