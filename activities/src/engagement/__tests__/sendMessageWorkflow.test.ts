import { randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker, type WorkflowBundle } from '@temporalio/worker';
import type { WorkflowHandle } from '@temporalio/client';
import { sendWorkflowId, type SendRequest } from '@c360/domain';
import {
  AuditLog,
  CONSENT_REVOKED,
  Conversation,
  forTenant,
  Message,
  reserveSendSlot,
  useTestDatabase,
  waitFor,
} from '@c360/store';
import {
  consentRevokedSignal,
  customerSendsQuery,
  sendMessageWorkflow,
  sendStatusQuery,
  workflowsPath,
  type SendStatus,
} from '@c360/workflows';
import { createDispatcher } from '../../dispatch/createDispatcher';
import { sendRoutes } from '../../dispatch/routes/sendRoutes';
import { openSendSetup, type SendSetup } from './support/sendSetup';
import { recordFixture } from './support/recordFixture';
import {
  connectToDevServer,
  createTimeSkippingEnv,
} from '../../../../workflows/src/__tests__/testEnvironment';

/**
 * The send path on Temporal's time-skipping server, with the real activities: PostgreSQL, the
 * channel adapters and the sandbox. Hours of quiet hours and days of deferral run in seconds.
 */
Runtime.install({ logger: new DefaultLogger('WARN') });

const db = useTestDatabase();
let s: SendSetup;
let env: TestWorkflowEnvironment;
// Bundled once for the file: bundling is most of a worker's start.
let workflowBundle: WorkflowBundle;
beforeAll(async () => {
  s = await openSendSetup(db.orm);
  workflowBundle = await bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('ERROR') });
  env = await createTimeSkippingEnv();
}, 60_000);
afterAll(async () => {
  await s?.close();
  await env?.teardown();
});

const HOUR = 3600_000;

/** A fixed-offset zone whose wall clock reads 23:xx at `nowMs` (Etc/GMT+X is UTC-X). */
const zoneAt23 = (nowMs: number): { zone: string; offsetHours: number } => {
  let x = (new Date(nowMs).getUTCHours() + 1) % 24;
  if (x > 12) x -= 24;
  return { zone: x === 0 ? 'Etc/GMT' : x > 0 ? `Etc/GMT+${x}` : `Etc/GMT-${-x}`, offsetHours: -x };
};

const withWorker = async <T>(
  on: TestWorkflowEnvironment,
  fn: (taskQueue: string) => Promise<T>,
): Promise<T> => {
  const taskQueue = `send-${randomUUID()}`;
  const worker = await Worker.create({
    connection: on.nativeConnection,
    taskQueue,
    workflowBundle,
    activities: s.allActivities,
  });
  return worker.runUntil(fn(taskQueue));
};

const start = (taskQueue: string, req: SendRequest): Promise<WorkflowHandle<typeof sendMessageWorkflow>> =>
  env.client.workflow.start(sendMessageWorkflow, { taskQueue, workflowId: sendWorkflowId(req), args: [req] });

/** Queries until the send is held (the query does not move the test server's clock). */
const heldStatus = async (handle: WorkflowHandle): Promise<SendStatus> => {
  for (let i = 0; i < 200; i += 1) {
    const status = await handle.query(sendStatusQuery);
    if (status.phase === 'held' || status.phase === 'done') return status;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the send never got held');
};

const audit = async (customerId: string) =>
  forTenant(db.orm.em.fork(), s.tenantId).find(AuditLog, { entityId: customerId, source: 'send' });

describe('sendMessageWorkflow', () => {
  it('holds a send through quiet hours that cross midnight, then sends once at their end', async () => {
    const now = await env.currentTimeMs();
    const { zone, offsetHours } = zoneAt23(now);
    const c = await s.customer({
      quietHours: { start: '22:00', end: '07:00', timeZone: zone },
      timeZone: zone,
    });
    // 07:00 on the customer's next day, computed without the code under test.
    const localNow = now + offsetHours * HOUR;
    const expected =
      Math.floor(localNow / (24 * HOUR)) * 24 * HOUR + 24 * HOUR + 7 * HOUR - offsetHours * HOUR;

    const req = s.request(c.id);
    const { held, outcome } = await withWorker(env, async (taskQueue) => {
      const handle = await start(taskQueue, req);
      const held = await heldStatus(handle);
      expect(await s.mailTo(c.email)).toHaveLength(0);
      const outcome = await handle.result();
      await recordFixture(handle, 'quietHours');
      return { held, outcome };
    });
    expect(held).toMatchObject({
      phase: 'held',
      heldBy: 'quiet_hours',
      plannedAt: new Date(expected).toISOString(),
    });
    expect(outcome).toMatchObject({ status: 'sent' });
    if (outcome.status !== 'sent') throw new Error('not sent');
    expect(new Date(outcome.sentAt).getTime()).toBeGreaterThanOrEqual(expected);
    const mail = await s.mailTo(c.email);
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe('Welcome');
    const messages = await forTenant(db.orm.em.fork(), s.tenantId).find(Message, {
      idempotencyKey: sendWorkflowId(req),
    });
    expect(messages.map((m) => m.id)).toEqual([outcome.messageId]);
    expect((await audit(c.id)).map((a) => a.action)).toEqual(['send.sent']);
  });

  it('gives up a held send at once when consent is revoked (signal), and records it', async () => {
    const now = await env.currentTimeMs();
    const { zone } = zoneAt23(now);
    const c = await s.customer({ quietHours: { start: '22:00', end: '07:00', timeZone: zone } });
    const outcome = await withWorker(env, async (taskQueue) => {
      const handle = await start(taskQueue, s.request(c.id));
      await heldStatus(handle);
      await s.setOptIn(c.id, 'email', false);
      await handle.signal(consentRevokedSignal, { channel: 'email' });
      const outcome = await handle.result();
      await recordFixture(handle, 'consentRevoked');
      return outcome;
    });
    expect(outcome).toEqual({ status: 'skipped', reason: 'consent_revoked' });
    expect(await s.mailTo(c.email)).toHaveLength(0);
    const rows = await audit(c.id);
    expect(rows.map((a) => [a.action, a.reason])).toEqual([['send.skipped', 'consent_revoked']]);
  });

  it('loads consent again after the hold: revoked meanwhile without a signal, nothing is sent', async () => {
    const { zone } = zoneAt23(await env.currentTimeMs());
    const c = await s.customer({ quietHours: { start: '22:00', end: '07:00', timeZone: zone } });
    const outcome = await withWorker(env, async (taskQueue) => {
      const handle = await start(taskQueue, s.request(c.id));
      await heldStatus(handle);
      await s.setOptIn(c.id, 'email', false);
      return handle.result();
    });
    expect(outcome).toEqual({ status: 'skipped', reason: 'consent_revoked' });
    expect(await s.mailTo(c.email)).toHaveLength(0);
  });

  it('never sends marketing without opt-in; a service message goes', async () => {
    const c = await s.customer({ optedIn: false });
    // One result() at a time: each call unlocks the test server's clock and locks it again after,
    // so two concurrent calls unbalance its lock count and let time jump while an activity runs.
    const [marketing, service] = await withWorker(env, async (taskQueue) => {
      const m = await start(taskQueue, s.request(c.id));
      const sv = await start(taskQueue, s.request(c.id, { purpose: 'service', step: 'receipt' }));
      return [await m.result(), await sv.result()];
    });
    expect(marketing).toEqual({ status: 'skipped', reason: 'not_opted_in' });
    expect(service).toMatchObject({ status: 'sent' });
    expect(await s.mailTo(c.email)).toHaveLength(1);
  });

  it("defers a send over the daily cap to the customer's next day, and sends it then", async () => {
    await s.setCap(1);
    try {
      const c = await s.customer({ timeZone: 'UTC' });
      const now = await env.currentTimeMs();
      const nextDay = new Date(Math.floor(now / (24 * HOUR)) * 24 * HOUR + 24 * HOUR).toISOString();
      const { statuses, outcomes } = await withWorker(env, async (taskQueue) => {
        // Today's only slot is taken by an earlier send (the race for it: store sendSlots.test.ts).
        const today = new Date(now).toISOString().slice(0, 10);
        await reserveSendSlot(forTenant(db.orm.em.fork(), s.tenantId), {
          tenantId: s.tenantId,
          customerId: c.id,
          key: `earlier-${randomUUID()}`,
          localDay: today,
          cap: 1,
        });
        const second = await start(taskQueue, s.request(c.id, { step: 'second' }));
        const outcomes = [await second.result()];
        // Read once it is done: the status keeps why and until when it was held.
        const statuses = [await second.query(sendStatusQuery)];
        await recordFixture(second, 'frequencyCap');
        return { statuses, outcomes };
      });
      expect(statuses[0]).toMatchObject({ heldBy: 'frequency_cap', plannedAt: nextDay });
      const deferred = outcomes[0]!;
      if (deferred.status !== 'sent') throw new Error('not sent');
      expect(new Date(deferred.sentAt).getTime()).toBeGreaterThanOrEqual(new Date(nextDay).getTime());
      expect(await s.mailTo(c.email)).toHaveLength(1);
    } finally {
      await s.setCap(3);
    }
  });

  it('refuses free text outside the WhatsApp window and sends an approved template', async () => {
    const closed = await s.whatsappConversation(new Date(Date.now() - 30 * HOUR));
    const customerId = await customerOf(closed.id);
    const template: SendRequest['content'] = {
      type: 'template',
      name: 'order_update',
      language: 'en_US',
      parameters: {
        header: [{ type: 'text', text: 'Order' }],
        body: [
          { type: 'text', text: 'Ada' },
          { type: 'text', text: 'A-1' },
          { type: 'text', text: 'Monday' },
        ],
      },
    };
    const base = { channel: 'whatsapp' as const, purpose: 'service' as const, conversationId: closed.id };
    const [text, tpl] = await withWorker(env, async (taskQueue) => {
      const h1 = await start(
        taskQueue,
        s.request(customerId, { ...base, step: 'text', content: { type: 'text', text: 'hi' } }),
      );
      const h2 = await start(
        taskQueue,
        s.request(customerId, { ...base, step: 'template', content: template }),
      );
      const results = [await h1.result(), await h2.result()]; // one at a time (see above)
      await recordFixture(h1, 'windowClosed');
      return results;
    });
    expect(text).toEqual({ status: 'skipped', reason: 'window_closed' });
    expect(tpl).toMatchObject({ status: 'sent' });
    const sent = await s.whatsappTo(closed.waId);
    expect(sent).toHaveLength(1);
    expect(sent[0].type).toBe('template');
  });
});

const customerOf = async (conversationId: string): Promise<string> => {
  const c = await forTenant(db.orm.em.fork(), s.tenantId).findOneOrFail(Conversation, { id: conversationId });
  return c.customer.id;
};

describe('sendMessageWorkflow on the dev server', () => {
  let dev: TestWorkflowEnvironment;
  beforeAll(async () => {
    dev = await connectToDevServer();
  });
  afterAll(async () => {
    await dev?.teardown();
  });

  it('delivers exactly one message when the worker stops mid-send and another one takes over', async () => {
    const open = await s.whatsappConversation(new Date(Date.now() - HOUR));
    const customerId = await customerOf(open.id);
    const req = s.request(customerId, {
      channel: 'whatsapp',
      purpose: 'service',
      conversationId: open.id,
      content: { type: 'text', text: 'Your parcel left the warehouse' },
    });
    const taskQueue = `send-${randomUUID()}`;
    let providerCalled!: () => void;
    const called = new Promise<void>((resolve) => (providerCalled = resolve));
    // The first worker's adapter reaches the provider, then its process goes away before it can
    // report to Temporal (it waits until the worker shuts down, and fails then).
    const dying = {
      ...s.allActivities,
      sendWhatsAppMessage: async (input: never) => {
        await s.activities.sendWhatsAppMessage(input);
        providerCalled();
        await Context.current().cancelled;
      },
    };
    const first = await Worker.create({
      connection: dev.nativeConnection,
      namespace: dev.namespace ?? 'c360-test',
      taskQueue,
      workflowBundle,
      activities: dying,
      shutdownGraceTime: '50 ms',
    });
    const running = first.run();
    const handle = await dev.client.workflow.start(sendMessageWorkflow, {
      taskQueue,
      workflowId: sendWorkflowId(req),
      args: [req],
    });
    await called;
    first.shutdown();
    await running;

    expect(await s.whatsappTo(open.waId)).toHaveLength(1);

    const second = await Worker.create({
      connection: dev.nativeConnection,
      namespace: dev.namespace ?? 'c360-test',
      taskQueue,
      workflowBundle,
      activities: s.allActivities,
    });
    const outcome = await second.runUntil(handle.result());
    await recordFixture(handle, 'workerRestart');
    expect(outcome).toMatchObject({ status: 'sent' });
    expect(await s.whatsappTo(open.waId)).toHaveLength(1);
    const rows = await forTenant(db.orm.em.fork(), s.tenantId).find(Message, {
      idempotencyKey: sendWorkflowId(req),
    });
    expect(rows).toHaveLength(1);
  });
  it('gives up a held send when the consent.revoked event is dispatched (signalMatching by customer)', async () => {
    const { zone } = zoneAt23(Date.now());
    const c = await s.customer({ quietHours: { start: '22:00', end: '07:00', timeZone: zone } });
    const req = s.request(c.id);
    const taskQueue = `send-${randomUUID()}`;
    const worker = await Worker.create({
      connection: dev.nativeConnection,
      namespace: dev.namespace ?? 'c360-test',
      taskQueue,
      workflowBundle,
      activities: s.allActivities,
    });
    const outcome = await worker.runUntil(async () => {
      const handle = await dev.client.workflow.start(sendMessageWorkflow, {
        taskQueue,
        workflowId: sendWorkflowId(req),
        args: [req],
      });
      await heldStatus(handle);
      // Visibility is eventually consistent: wait until the held send can be found by its customer.
      await waitFor(async () => {
        const query = `${customerSendsQuery(c.id)} AND ExecutionStatus = 'Running'`;
        for await (const found of dev.client.workflow.list({ query })) return found.workflowId;
        return undefined;
      }, 'the held send in visibility');
      await s.setOptIn(c.id, 'email', false);
      const dispatcher = createDispatcher({
        client: dev.client,
        routes: sendRoutes,
        logger: { warn: () => undefined, error: () => undefined },
      });
      const event = {
        id: randomUUID(),
        tenantId: s.tenantId,
        type: CONSENT_REVOKED,
        aggregateType: 'customer',
        aggregateId: c.id,
        payload: { customerId: c.id, channel: 'email', changedAt: new Date().toISOString(), source: 'api' },
        createdAt: new Date(),
      };
      expect(await dispatcher.dispatch(db.orm.em.fork(), [event])).toEqual({ failed: [] });
      return handle.result();
    });
    expect(outcome).toEqual({ status: 'skipped', reason: 'consent_revoked' });
    expect(await s.mailTo(c.email)).toHaveLength(0);
  });
});

// Its own server: it moves the clock months ahead.
describe('sendMessageWorkflow across a DST change', () => {
  let dst: TestWorkflowEnvironment;
  beforeAll(async () => {
    dst = await createTimeSkippingEnv();
  }, 60_000);
  afterAll(async () => {
    await dst?.teardown();
  });

  it('ends quiet hours at 07:00 on the wall clock across the spring-forward night', async () => {
    const c = await s.customer({
      quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/Paris' },
      timeZone: 'Europe/Paris',
    });
    // Saturday 27 March 2027, 22:30 CET; that night Paris goes from 02:00 CET to 03:00 CEST.
    const req = s.request(c.id, { notBefore: '2027-03-27T21:30:00.000Z' });
    const outcome = await withWorker(dst, async (taskQueue) => {
      const handle = await dst.client.workflow.start(sendMessageWorkflow, {
        taskQueue,
        workflowId: sendWorkflowId(req),
        args: [req],
      });
      const outcome = await handle.result();
      const status = await handle.query(sendStatusQuery);
      expect(status.plannedAt).toBe('2027-03-28T05:00:00.000Z'); // 07:00 CEST, 6.5 h after 22:30 CET
      await recordFixture(handle, 'dstQuietHours');
      return outcome;
    });
    expect(outcome).toMatchObject({ status: 'sent' });
    if (outcome.status !== 'sent') throw new Error('not sent');
    expect(outcome.sentAt.slice(0, 16)).toBe('2027-03-28T05:00');
    expect(await s.mailTo(c.email)).toHaveLength(1);
  });
});
