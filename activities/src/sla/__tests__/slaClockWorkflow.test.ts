import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import type { WorkflowHandle } from '@temporalio/client';
import { forTenant, OutboxEvent, TICKET_SLA_BREACHED, Ticket, useTestDatabase, waitFor } from '@c360/store';
import {
  slaAgentRepliedSignal,
  slaClockQuery,
  slaClockWorkflowId,
  slaWaitingEndedSignal,
  slaTicketAssignedSignal,
  slaTicketReopenedSignal,
  slaTicketResolvedSignal,
  slaWaitingOnCustomerSignal,
  workflowsPath,
  type SlaClockInput,
  type SlaClockView,
  type slaClockWorkflow,
} from '@c360/workflows';
import { createSlaActivities } from '../createSlaActivities';
import { createSlaFixture, createTicket, loadTicket, type SlaFixture } from './support/slaFixture';
import { notificationsFor, peerActivities, timelineOf } from './support/peerActivities';
import { recordHistory } from './support/recordHistory';
import { createTimeSkippingEnv } from '../../../../workflows/src/__tests__/testEnvironment';

/**
 * The SLA clock on Temporal's time-skipping test server with its real activities on PostgreSQL:
 * hours of SLA time pass in milliseconds, the ticket, timeline, notifications and outbox are real rows.
 */
Runtime.install({ logger: new DefaultLogger('WARN') });

const MIN = 60_000;
const db = useTestDatabase();
let env: TestWorkflowEnvironment;
let f: SlaFixture;
let worker: Worker;
let running: Promise<void>;
const taskQueue = `sla-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  env = await createTimeSkippingEnv();
  f = await createSlaFixture(db.orm);
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
const at = async () => ({ at: (await now()).toISOString() });

const startClock = async (
  ticketId: string,
  openedAt: Date,
): Promise<WorkflowHandle<typeof slaClockWorkflow>> => {
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

/** The clock's view once `ready` holds (the workflow has caught up with what the test did). */
const view = (h: WorkflowHandle, ready: (v: SlaClockView) => boolean, what: string): Promise<SlaClockView> =>
  waitFor(async () => {
    const v = await h.query(slaClockQuery).catch(() => undefined);
    return v && ready(v) ? v : undefined;
  }, what);

const breachEvents = async (ticketId: string) =>
  forTenant(db.orm.em.fork(), f.tenantId).find(OutboxEvent, {
    tenantId: f.tenantId,
    type: TICKET_SLA_BREACHED,
    aggregateId: ticketId,
  });

const iso = (ms: number) => new Date(ms).toISOString();

describe('slaClockWorkflow', () => {
  it('notifies the assignee at 80 % of the first-response time, then marks the breach at its due date', async () => {
    const opened = await now();
    const ticketId = await createTicket(db.orm, f, opened);
    const h = await startClock(ticketId, opened);
    const fresh = await view(h, (v) => v.resolutionDueAt !== null, 'due dates');
    expect(fresh.firstResponseDueAt).toBe(iso(opened.getTime() + 60 * MIN));
    expect(fresh.resolutionDueAt).toBe(iso(opened.getTime() + 600 * MIN));
    const stored = await loadTicket(db.orm, f, ticketId);
    expect(stored.firstResponseDueAt?.toISOString()).toBe(fresh.firstResponseDueAt);
    expect(stored.resolutionDueAt?.toISOString()).toBe(fresh.resolutionDueAt);

    await env.sleep(47 * MIN);
    expect((await h.query(slaClockQuery)).riskNotified).toEqual([]);
    expect(await notificationsFor(db.orm, f, f.agentId)).toHaveLength(0);

    await env.sleep(2 * MIN);
    await view(h, (v) => v.riskNotified.includes('first_response'), 'the risk notification');
    const notes = await notificationsFor(db.orm, f, f.agentId);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ category: 'sla' });
    const risks = (await timelineOf(db.orm, f, 'sla_risk')).filter((e) => e.data['ticketId'] === ticketId);
    expect(risks).toHaveLength(1);
    expect((await loadTicket(db.orm, f, ticketId)).firstResponseBreached).toBe(false);

    await env.sleep(12 * MIN);
    await view(h, (v) => v.breached.includes('first_response'), 'the breach');
    const breached = await loadTicket(db.orm, f, ticketId);
    expect(breached.firstResponseBreached).toBe(true);
    expect(breached.resolutionBreached).toBe(false);
    const events = await breachEvents(ticketId);
    expect(events).toHaveLength(1);
    expect(events[0]?.payload).toMatchObject({
      ticketId,
      customerId: f.customerId,
      target: 'first_response',
      policy: 'standard',
      dueAt: iso(opened.getTime() + 60 * MIN),
    });
    const markers = (await timelineOf(db.orm, f, 'sla_breach')).filter(
      (e) => e.data['ticketId'] === ticketId,
    );
    expect(markers).toHaveLength(1);

    // The first answer stops the first-response deadline; resolving ends the clock.
    await h.signal(slaAgentRepliedSignal, await at());
    await view(h, (v) => v.firstRespondedAt !== null, 'the first response');
    await h.signal(slaTicketResolvedSignal, await at());
    const outcome = await h.result();
    expect(outcome).toEqual({
      ended: 'resolved',
      policy: 'standard',
      breached: ['first_response'],
      riskNotified: ['first_response'],
    });
    await recordHistory(h, 'slaClockWorkflow-risk-breach-resolve');
  });

  it('pauses while the ticket waits on the customer and resumes on their reply', async () => {
    const opened = await now();
    const ticketId = await createTicket(db.orm, f, opened);
    const h = await startClock(ticketId, opened);
    await view(h, (v) => v.resolutionDueAt !== null, 'due dates');
    await h.signal(slaAgentRepliedSignal, await at());
    await env.sleep(10 * MIN);
    const pausedAt = await now();
    await h.signal(slaWaitingOnCustomerSignal, { at: pausedAt.toISOString() });
    // Paused: no due dates, on the clock and on the ticket.
    await view(h, (v) => v.paused && v.resolutionDueAt === null, 'the pause');
    expect((await loadTicket(db.orm, f, ticketId)).resolutionDueAt).toBeNull();

    // Far past the 600 minutes of resolution time: nothing fires while paused.
    await env.sleep(20 * 60 * MIN);
    expect((await h.query(slaClockQuery)).breached).toEqual([]);

    const resumedAt = await now();
    await h.signal(slaWaitingEndedSignal, { at: resumedAt.toISOString() });
    // About 10 minutes were used before the pause: the rest of the 600 is left from the reply.
    const used = pausedAt.getTime() - opened.getTime();
    expect(used).toBeGreaterThanOrEqual(10 * MIN);
    const due = iso(resumedAt.getTime() + 600 * MIN - used);
    const resumed = await view(h, (v) => !v.paused && v.resolutionDueAt !== null, 'the resume');
    expect(resumed.resolutionDueAt).toBe(due);
    expect((await loadTicket(db.orm, f, ticketId)).resolutionDueAt?.toISOString()).toBe(
      resumed.resolutionDueAt,
    );

    await env.sleep(591 * MIN);
    await view(h, (v) => v.breached.includes('resolution'), 'the resolution breach');
    expect((await loadTicket(db.orm, f, ticketId)).resolutionBreached).toBe(true);
    expect((await breachEvents(ticketId)).map((e) => e.payload['target'])).toEqual(['resolution']);
    await h.signal(slaTicketResolvedSignal, await at());
    await h.result();
    await recordHistory(h, 'slaClockWorkflow-pause-resume');
  });

  it('applies the new policy on reassignment to the time already used, and notifies the new assignee', async () => {
    const opened = await now();
    const ticketId = await createTicket(db.orm, f, opened);
    const h = await startClock(ticketId, opened);
    const fresh = await view(h, (v) => v.resolutionDueAt !== null, 'due dates');
    await env.sleep(20 * MIN);
    // 20 minutes used: past gold's 15 minutes of first response, within its 120 of resolution.
    await h.signal(slaTicketAssignedSignal, {
      ...(await at()),
      assigneeId: f.otherAgentId,
      slaPolicy: 'gold',
    });
    const goldDue = iso(opened.getTime() + 120 * MIN);
    const gold = await view(
      h,
      (v) => v.breached.includes('first_response') && v.resolutionDueAt !== fresh.resolutionDueAt,
      'the gold policy',
    );
    expect(gold).toMatchObject({ policy: 'gold', assigneeId: f.otherAgentId, resolutionDueAt: goldDue });
    const stored = await loadTicket(db.orm, f, ticketId);
    expect(stored.firstResponseBreached).toBe(true);
    expect(stored.resolutionDueAt?.toISOString()).toBe(iso(opened.getTime() + 120 * MIN));
    expect((await breachEvents(ticketId))[0]?.payload).toMatchObject({
      policy: 'gold',
      target: 'first_response',
    });

    // Gold's resolution risk is at 96 minutes; it goes to the new assignee.
    const before = (await notificationsFor(db.orm, f, f.otherAgentId)).length;
    await env.sleep(77 * MIN);
    await view(h, (v) => v.riskNotified.includes('resolution'), 'the resolution risk');
    expect(await notificationsFor(db.orm, f, f.otherAgentId)).toHaveLength(before + 1);
    await h.signal(slaTicketResolvedSignal, await at());
    expect((await h.result()).policy).toBe('gold');
    await recordHistory(h, 'slaClockWorkflow-reassigned');
  });

  it('ends at resolution, starts a fresh clock on reopening, and ignores a replayed creation of a resolved ticket', async () => {
    const opened = await now();
    const ticketId = await createTicket(db.orm, f, opened);
    const h = await startClock(ticketId, opened);
    await view(h, (v) => v.resolutionDueAt !== null, 'due dates');
    await env.sleep(30 * MIN);
    const em = forTenant(db.orm.em.fork(), f.tenantId);
    await em.nativeUpdate(Ticket, { id: ticketId }, { status: 'resolved', resolvedAt: await now() });
    await h.signal(slaTicketResolvedSignal, await at());
    expect((await h.result()).ended).toBe('resolved');

    // A replayed `ticket.created` finds the ticket resolved: the clock ends at once.
    const replayed = await startClock(ticketId, opened);
    expect((await replayed.result()).ended).toBe('not_open');

    await env.sleep(60 * MIN);
    const reopenedAt = await now();
    await em.nativeUpdate(Ticket, { id: ticketId }, { status: 'open', resolvedAt: null });
    const reopened = await env.client.workflow.signalWithStart<typeof slaClockWorkflow, [{ at: string }]>(
      'slaClockWorkflow',
      {
        taskQueue,
        workflowId: slaClockWorkflowId(f.tenantId, ticketId),
        args: [
          {
            tenantId: f.tenantId,
            ticketId,
            customerId: f.customerId,
            openedAt: reopenedAt.toISOString(),
            cycle: 'reopened',
          },
        ],
        signal: slaTicketReopenedSignal,
        signalArgs: [{ at: reopenedAt.toISOString() }],
      },
    );
    const fresh = await view(reopened, (v) => v.resolutionDueAt !== null, 'the new clock');
    expect(fresh.resolutionDueAt).toBe(iso(reopenedAt.getTime() + 600 * MIN));

    // A reopening that reaches a running clock (its resolution and reopening raced) continues it as new.
    await env.sleep(30 * MIN);
    const again = await now();
    const firstRun = (await reopened.describe()).runId;
    await reopened.signal(slaTicketReopenedSignal, { at: again.toISOString() });
    // The run that continued it, addressed by its run id (the test server loses run-less calls across the change).
    const latest = await waitFor(async () => {
      const d = await env.client.workflow.getHandle(reopened.workflowId).describe();
      return d.runId !== firstRun && d.status.name === 'RUNNING'
        ? env.client.workflow.getHandle<typeof slaClockWorkflow>(reopened.workflowId, d.runId)
        : undefined;
    }, 'the continued run');
    const second = iso(again.getTime() + 600 * MIN);
    expect((await view(latest, (v) => v.resolutionDueAt === second, 'the continued clock')).breached).toEqual(
      [],
    );
    await latest.signal(slaTicketResolvedSignal, await at());
    expect((await latest.result()).ended).toBe('resolved');
    await recordHistory(
      env.client.workflow.getHandle(reopened.workflowId, firstRun),
      'slaClockWorkflow-reopened',
    );
    await recordHistory(latest, 'slaClockWorkflow-continued');
  });
});
