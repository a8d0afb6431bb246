import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import type { WorkflowHandle } from '@temporalio/client';
import {
  appendOutboxEvent,
  forTenant,
  OutboxEvent,
  saveSlaSettings,
  SLA_SETTINGS_CHANGED,
  Ticket,
  TICKET_REOPENED,
  useTestDatabase,
  waitFor,
} from '@c360/store';
import {
  SLA_CLOCKS_QUERY,
  slaBackfillWorkflowId,
  slaClockQuery,
  slaClockWorkflowId,
  slaSettingsChangedSignal,
  slaTicketResolvedSignal,
  workflowsPath,
  type backfillSlaClocks,
  type SlaClockInput,
  type SlaClockView,
  type slaClockWorkflow,
} from '@c360/workflows';
import { slaRoutes } from '../../dispatch/routes/slaRoutes';
import { createSlaActivities } from '../createSlaActivities';
import { createSlaFixture, createTicket, TEST_SLA_SETTINGS, type SlaFixture } from './support/slaFixture';
import { notificationsFor, peerActivities } from './support/peerActivities';
import { recordHistory } from './support/recordHistory';
import { createTimeSkippingEnv } from '../../../../workflows/src/__tests__/testEnvironment';

/**
 * New SLA settings reaching running clocks (the `sla.settings_changed` event, its route, the
 * clock's signal) and the backfill that gives every open ticket a clock, on the time-skipping
 * server with the real activities on PostgreSQL.
 */
Runtime.install({ logger: new DefaultLogger('WARN') });

const MIN = 60_000;
const db = useTestDatabase();
let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
const taskQueue = `sla-bf-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  env = await createTimeSkippingEnv();
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath,
    activities: { ...createSlaActivities({ orm: db.orm }), ...peerActivities(db.orm) },
  });
  running = worker.run();
}, 120_000);
// The worker stops before the database is dropped (see beforeDrop).
db.beforeDrop(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
});

const now = async (): Promise<Date> => new Date(await env.currentTimeMs());
const iso = (ms: number) => new Date(ms).toISOString();

const startClock = (f: SlaFixture, ticketId: string, openedAt: Date) => {
  const input: SlaClockInput = {
    tenantId: f.tenantId,
    ticketId,
    customerId: f.customerId,
    openedAt: openedAt.toISOString(),
    cycle: 'created',
  };
  return env.client.workflow.start<typeof slaClockWorkflow>('slaClockWorkflow', {
    taskQueue,
    workflowId: slaClockWorkflowId(f.tenantId, ticketId),
    args: [input],
  });
};

const view = (h: WorkflowHandle, ready: (v: SlaClockView) => boolean, what: string): Promise<SlaClockView> =>
  waitFor(async () => {
    const v = await h.query(slaClockQuery).catch(() => undefined);
    return v && ready(v) ? v : undefined;
  }, what);

describe('SLA settings changed', () => {
  it('announces the change, and a running clock takes the new targets and risk threshold', async () => {
    const f = await createSlaFixture(db.orm);
    const opened = await now();
    const ticketId = await createTicket(db.orm, f, opened);
    const h = await startClock(f, ticketId, opened);
    await view(h, (v) => v.firstResponseDueAt === iso(opened.getTime() + 60 * MIN), 'the first due dates');

    // Standard gets twice the first-response time, and the risk moment comes at half of it.
    const changedAt = await now();
    await saveSlaSettings(
      forTenant(db.orm.em.fork(), f.tenantId),
      f.tenantId,
      {
        ...TEST_SLA_SETTINGS,
        policies: {
          ...TEST_SLA_SETTINGS.policies,
          standard: { firstResponseMinutes: 120, resolutionMinutes: 600 },
        },
        riskThreshold: 0.5,
      },
      changedAt,
    );
    const [event] = await forTenant(db.orm.em.fork(), f.tenantId).find(OutboxEvent, {
      tenantId: f.tenantId,
      type: SLA_SETTINGS_CHANGED,
    });
    expect(event).toMatchObject({ aggregateType: 'tenant', aggregateId: f.tenantId });
    // The dispatcher's route signals every running clock of the tenant (dispatcher.test.ts covers
    // how a visibility query's matches are signalled, on the dev server).
    const route = slaRoutes.find((r) => r.eventType === SLA_SETTINGS_CHANGED)!;
    const commands = await route.commands(
      { ...event!, payload: event!.payload as Record<string, unknown> },
      { em: db.orm.em.fork() },
    );
    expect(commands).toEqual([
      {
        kind: 'signalMatching',
        query: SLA_CLOCKS_QUERY,
        signal: slaSettingsChangedSignal.name,
        args: [{ at: changedAt.toISOString() }],
      },
    ]);
    await h.signal(slaSettingsChangedSignal, { at: changedAt.toISOString() });
    await view(h, (v) => v.firstResponseDueAt === iso(opened.getTime() + 120 * MIN), 'the new due date');
    expect(
      (
        await forTenant(db.orm.em.fork(), f.tenantId).findOneOrFail(Ticket, { id: ticketId })
      ).firstResponseDueAt?.getTime(),
    ).toBe(opened.getTime() + 120 * MIN);

    // 50 % of 120 minutes: the risk notification at 60 minutes (the old threshold said 96).
    await env.sleep(61 * MIN);
    await view(h, (v) => v.riskNotified.includes('first_response'), 'the risk at the new threshold');
    expect(await notificationsFor(db.orm, f, f.agentId)).toHaveLength(1);
    await h.signal(slaTicketResolvedSignal, { at: (await now()).toISOString() });
    expect(await h.result()).toMatchObject({ ended: 'resolved', breached: [] });
    await recordHistory(h, 'slaClockWorkflow-settingsChanged');
  });
});

describe('backfillSlaClocks', () => {
  it('starts a clock for every open ticket without one, leaves running clocks alone, and can run again', async () => {
    const f = await createSlaFixture(db.orm);
    const em = forTenant(db.orm.em.fork(), f.tenantId);
    const created = new Date((await now()).getTime() - 30 * MIN);
    const withClock = await createTicket(db.orm, f, created);
    const clocked = await startClock(f, withClock, created);
    await view(clocked, (v) => v.resolutionDueAt !== null, 'the running clock');
    const open = await createTicket(db.orm, f, created);
    const pending = await createTicket(db.orm, f, created);
    const reopened = await createTicket(db.orm, f, created);
    const resolved = await createTicket(db.orm, f, created);
    await em.nativeUpdate(Ticket, { id: pending }, { status: 'pending' });
    await em.nativeUpdate(Ticket, { id: resolved }, { status: 'resolved', resolvedAt: created });
    const reopenedAt = new Date(created.getTime() + 10 * MIN);
    appendOutboxEvent(em, {
      type: TICKET_REOPENED,
      aggregateType: 'ticket',
      aggregateId: reopened,
      payload: { ticketId: reopened, customerId: f.customerId, reopenedAt: reopenedAt.toISOString() },
    });
    await em.flush();

    const backfill = () =>
      env.client.workflow.start<typeof backfillSlaClocks>('backfillSlaClocks', {
        taskQueue,
        workflowId: slaBackfillWorkflowId(f.tenantId),
        args: [{ tenantId: f.tenantId }],
      });
    const first = await backfill();
    expect(await first.result()).toEqual({ started: 3, alreadyRunning: 1 });
    await recordHistory(first, 'backfillSlaClocks-started');

    const clock = (ticketId: string) =>
      env.client.workflow.getHandle<typeof slaClockWorkflow>(slaClockWorkflowId(f.tenantId, ticketId));
    // Each clock measures its ticket's latest opening: the creation, or the reopening.
    expect((await view(clock(open), (v) => v.resolutionDueAt !== null, 'open')).resolutionDueAt).toBe(
      iso(created.getTime() + 600 * MIN),
    );
    expect((await view(clock(reopened), (v) => v.resolutionDueAt !== null, 'reopened')).resolutionDueAt).toBe(
      iso(reopenedAt.getTime() + 600 * MIN),
    );
    // Waiting on the customer: the clock runs, paused (no due dates while paused).
    expect((await view(clock(pending), () => true, 'pending')).paused).toBe(true);
    await expect(clock(resolved).describe()).rejects.toThrow();

    // Again (e.g. the next worker start): every open ticket has its clock already.
    const second = await backfill();
    expect(await second.result()).toEqual({ started: 0, alreadyRunning: 4 });
  });
});
