import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import {
  appendOutboxEvent,
  createSearchClient,
  cuttableProxy,
  forTenant,
  Tenant,
  useTestDatabase,
  waitFor,
} from '@c360/store';
import { tenantSearchAttributes } from '@c360/workflows';
import { createOutboxRelay, type OutboxRelay } from '../../outbox/createOutboxRelay';
import { createDispatcher, type Dispatcher } from '../createDispatcher';
import type { EventRoute } from '../dispatchTypes';

const temporalAddress = process.env['C360_TEMPORAL_ADDRESS'] ?? '127.0.0.1:7233';
const namespace = process.env['C360_TEMPORAL_NAMESPACE'] ?? 'c360-test';
// No worker polls this queue: started workflows wait there, which is all these tests look at.
const taskQueue = `dispatch-test-${randomUUID().slice(0, 8)}`;
const runKey = randomUUID().slice(0, 8);
const db = useTestDatabase();
const search = createSearchClient(process.env['C360_OPENSEARCH_URL'] ?? 'http://127.0.0.1:9200');
const proxy = cuttableProxy(Number(temporalAddress.split(':')[1] ?? 7233));
const errors: object[] = [];
const logger = { info: () => undefined, warn: () => undefined, error: (o: object) => void errors.push(o) };

let direct: Client;
let directConnection: Connection;
let proxiedConnection: Connection;
let relay: OutboxRelay;
let dispatcher: Dispatcher;
let tenantId: string;

const probeId = (key: string) => `dispatch-probe-${runKey}-${key}`;

/** Test routes: start a probe per `test.started` event, signal it on `test.poked`, refuse `test.bad`. */
const routes: EventRoute[] = [
  {
    name: 'test.start',
    eventType: 'test.started',
    commands: async (event) => [
      {
        kind: 'start',
        workflowType: 'dispatchProbe',
        workflowId: probeId(String(event.payload['key'])),
        args: [event.payload],
        searchAttributes: tenantSearchAttributes(event.tenantId, 'reindex', {
          customerId: String(event.payload['customerId']),
        }),
      },
    ],
  },
  {
    name: 'test.poke',
    eventType: 'test.poked',
    commands: async (event) => [
      { kind: 'signal', workflowId: probeId(String(event.payload['key'])), signal: 'poke', args: [event.id] },
    ],
  },
  {
    name: 'test.pokeCustomer',
    eventType: 'test.customerPoked',
    commands: async (event) => [
      {
        kind: 'signalMatching',
        query: `CustomerId = '${String(event.payload['customerId'])}'`,
        signal: 'poke',
        args: ['matched'],
      },
    ],
  },
  {
    name: 'test.broken',
    eventType: 'test.bad',
    commands: async () => {
      throw new Error('this route cannot read its event');
    },
  },
];

const append = async (type: string, payload: Record<string, unknown>): Promise<void> => {
  const em = forTenant(db.orm.em.fork(), tenantId);
  appendOutboxEvent(em, { type, aggregateType: 'test', aggregateId: randomUUID(), payload });
  await em.flush();
};

const unprocessed = async (): Promise<number> => {
  const [row] = await db.orm.em
    .fork()
    .execute<{ n: string }[]>('select count(*) as n from outbox_event where processed_at is null');
  return Number(row?.n);
};

const signalsOf = async (workflowId: string): Promise<unknown[]> => {
  const history = await direct.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? [])
    .filter((e) => e.workflowExecutionSignaledEventAttributes)
    .map((e) => e.workflowExecutionSignaledEventAttributes!.signalName);
};

beforeAll(async () => {
  directConnection = await Connection.connect({ address: temporalAddress });
  direct = new Client({ connection: directConnection, namespace });
  await proxy.open();
  // Without the SDK's retry interceptor, a cut connection fails the call at once (the relay retries).
  proxiedConnection = await Connection.connect({
    address: proxy.url().replace(/^http:\/\//, ''),
    interceptors: [],
  });
  dispatcher = createDispatcher({
    client: new Client({ connection: proxiedConnection, namespace }),
    routes,
    logger,
    taskQueue,
  });
  const em = db.orm.em.fork();
  const tenant = em.create(Tenant, { name: 'Dispatch', slug: `dispatch-${runKey}`, timeZone: 'UTC' });
  await em.flush();
  tenantId = tenant.id;
  relay = createOutboxRelay({
    orm: db.orm,
    databaseUrl: db.url,
    search,
    indexPrefix: `${process.env['C360_INDEX_PREFIX'] ?? 'c360-test-'}dispatch-${runKey}-`,
    logger,
    maxBackoffMs: 300,
    dispatcher,
  });
});

afterAll(async () => {
  await relay?.stop();
  for await (const w of direct.workflow.list({
    query: `TaskQueue = '${taskQueue}' AND ExecutionStatus = 'Running'`,
  }))
    await direct.workflow
      .getHandle(w.workflowId, w.runId)
      .terminate('test over')
      .catch(() => undefined);
  await proxy.cut();
  await proxiedConnection?.close();
  await directConnection?.close();
  await search.close();
});

describe('outbox dispatcher', () => {
  it('starts one workflow per event, with its search attributes, even when the event is handed over twice', async () => {
    const customerId = randomUUID();
    await append('test.started', { key: 'once', customerId });
    await relay.drain();
    const described = await direct.workflow.getHandle(probeId('once')).describe();
    expect(described.type).toBe('dispatchProbe');
    expect(described.taskQueue).toBe(taskQueue);
    expect(described.typedSearchAttributes.getAll().map((p) => [p.key.name, p.value])).toEqual(
      expect.arrayContaining([
        ['TenantId', tenantId],
        ['CustomerId', customerId],
      ]),
    );

    // The same business event again (a batch replayed after a crash): nothing new starts.
    const before = dispatcher.stats();
    await append('test.started', { key: 'once', customerId });
    await relay.drain();
    expect(dispatcher.stats().alreadyDone).toBe(before.alreadyDone + 1);
    const runs: string[] = [];
    for await (const w of direct.workflow.list({ query: `WorkflowId = '${probeId('once')}'` }))
      runs.push(w.runId);
    expect(runs).toEqual([described.runId]);
  });

  it('signals the workflow of an event, and drops a signal for a workflow that does not exist', async () => {
    await append('test.started', { key: 'poked', customerId: randomUUID() });
    await append('test.poked', { key: 'poked' });
    await append('test.poked', { key: 'nobody' });
    await relay.drain();
    expect(await signalsOf(probeId('poked'))).toEqual(['poke']);
    expect(await unprocessed()).toBe(0);
  });

  it("signals the tenant's running workflows a visibility query finds", async () => {
    const customerId = randomUUID();
    await append('test.started', { key: 'match-a', customerId });
    await append('test.started', { key: 'match-b', customerId });
    await append('test.started', { key: 'match-other', customerId: randomUUID() });
    await relay.drain();
    // Visibility is eventually consistent: wait until both are listed before poking.
    await waitFor(async () => {
      let n = 0;
      for await (const _ of direct.workflow.list({ query: `CustomerId = '${customerId}'` })) n += 1;
      return n === 2 ? true : undefined;
    }, 'visibility lists the two probes');
    await append('test.customerPoked', { customerId });
    await relay.drain();
    expect(await signalsOf(probeId('match-a'))).toEqual(['poke']);
    expect(await signalsOf(probeId('match-b'))).toEqual(['poke']);
    expect(await signalsOf(probeId('match-other'))).toEqual([]);
  });

  it('keeps the events while Temporal is down and starts their workflows once it is back', async () => {
    await proxy.cut();
    await append('test.started', { key: 'outage', customerId: randomUUID() });
    await expect(relay.drain()).rejects.toThrow();
    expect(await unprocessed()).toBe(1);
    await expect(direct.workflow.getHandle(probeId('outage')).describe()).rejects.toThrow();

    await proxy.open();
    await waitFor(
      async () => ((await relay.drain().catch(() => -1)) >= 0 ? true : undefined),
      'relay drains',
    );
    expect(await unprocessed()).toBe(0);
    expect((await direct.workflow.getHandle(probeId('outage')).describe()).type).toBe('dispatchProbe');
  });

  it('records an event its route rejects for good, and goes on with the rest', async () => {
    errors.length = 0;
    await append('test.bad', {});
    await append('test.started', { key: 'after-bad', customerId: randomUUID() });
    await relay.drain();
    expect(await unprocessed()).toBe(0);
    const [bad] = await db.orm.em
      .fork()
      .execute<{ last_error: string }[]>(`select last_error from outbox_event where type = 'test.bad'`);
    expect(bad?.last_error).toBe('test.broken: this route cannot read its event');
    expect(errors).toHaveLength(1);
    expect((await direct.workflow.getHandle(probeId('after-bad')).describe()).type).toBe('dispatchProbe');
  });
});
