import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, type Worker } from '@temporalio/worker';
import { defaultPlaybookSettings, playbookWorkflowId } from '@c360/domain';
import {
  Customer,
  forTenant,
  Message,
  Notification,
  PlaybookEntry,
  PlaybookTicket,
  Ticket,
  TimelineEvent,
  useTestDatabase,
} from '@c360/store';
import {
  customerActivitySignal,
  followUpResolvedSignal,
  SegmentIdKey,
  type ChurnWinbackPlaybookInput,
  type LowCsatPlaybookInput,
} from '@c360/workflows';
import { openSendSetup, type SendSetup } from '../../engagement/__tests__/support/sendSetup';
import {
  addCustomer,
  addMessage,
  createPlaybookFixture,
  type PlaybookFixture,
} from './support/playbookFixture';
import { createTimeSkipping, eventually, playbookWorker, recordHistory } from './support/playbookHarness';

/**
 * Each default playbook's steps on the time-skipping server, with the real playbook activities
 * on the real PostgreSQL: timers of hours and days run in milliseconds. Welcome and win-back
 * messages go through the real send path (`sendMessageWorkflow` and its activities) to the
 * channel sandbox's SMTP capture.
 */
Runtime.install({ logger: new DefaultLogger('WARN') });

const db = useTestDatabase();
let env: TestWorkflowEnvironment;
let worker: Worker;
let taskQueue: string;
let f: PlaybookFixture;
let running: Promise<void>;
let send: SendSetup;
const defaults = defaultPlaybookSettings();

beforeAll(async () => {
  env = await createTimeSkipping();
  send = await openSendSetup(db.orm);
  f = await createPlaybookFixture(db.orm);
  ({ worker, taskQueue } = await playbookWorker(env, db.orm, send));
  running = worker.run();
}, 60_000);
// The worker stops before the database is dropped (see beforeDrop).
db.beforeDrop(async () => {
  worker?.shutdown();
  await running;
  await send?.close();
  await env?.teardown();
});

/** The fixture with a customer of its own, so what the sandbox received is this test's alone. */
const withOwnCustomer = async (): Promise<PlaybookFixture> => ({ ...f, ...(await addCustomer(db.orm, f)) });
/** What the sandbox's SMTP server captured for an address. */
const mailTo = (address: string) => send.mailTo(address);

const em = () => forTenant(db.orm.em.fork(), f.tenantId);
const id = (name: Parameters<typeof playbookWorkflowId>[0], trigger: string) =>
  playbookWorkflowId(name, f.tenantId, f.customerId, `${trigger}-${randomUUID().slice(0, 8)}`);
/** The notifications a run placed (the real notify activity), one per user, in order. */
const notesFor = async (workflowId: string) =>
  (
    await em().find(Notification, { dedupeKey: { $like: `${workflowId}%` } }, { orderBy: { seq: 'asc' } })
  ).map((n) => ({
    userId: n.user.id,
    category: n.category,
    title: n.title,
    body: n.body,
    dedupeKey: n.dedupeKey,
  }));
const usersOf = (notes: { userId: string }[]) => notes.map((n) => n.userId).sort();
/** The timeline events a run wrote (the real timeline activity, main), oldest first. */
const timelineFor = async (workflowId: string) =>
  (
    await em().find(
      TimelineEvent,
      { dedupeKey: { $like: `${workflowId}%` } },
      { orderBy: { occurredAt: 'asc', createdAt: 'asc' } },
    )
  ).map((t) => ({ ...t, occurredAt: t.occurredAt.toISOString() }));

describe('healthDropPlaybook', () => {
  it('tells the owner which factors moved and puts the drop on the timeline', async () => {
    const workflowId = id('healthDrop', 'drop');
    const handle = await env.client.workflow.start('healthDropPlaybook', {
      taskQueue,
      workflowId,
      args: [
        {
          tenantId: f.tenantId,
          customerId: f.customerId,
          occurredAt: '2026-06-01T12:00:00.000Z',
          drop: {
            score: 41,
            previousScore: 63,
            drop: 22,
            factors: [{ name: 'recency', before: 25, after: 5, change: -20 }],
          },
        },
      ],
    });
    expect(await handle.result()).toEqual({ notified: 1 });
    // The owner (the fixture's agent) is told.
    expect(await notesFor(workflowId)).toEqual([
      expect.objectContaining({
        userId: f.agentId,
        category: 'customer',
        title: 'Health fell 22 points (63 → 41)',
        body: 'What moved: recency -20.',
      }),
    ]);
    expect(await timelineFor(workflowId)).toEqual([
      expect.objectContaining({
        kind: 'health_drop',
        occurredAt: '2026-06-01T12:00:00.000Z',
        dedupeKey: workflowId,
      }),
    ]);
    await recordHistory(env.client, handle, 'healthDropPlaybook', 'drop');
  });
});

describe('vipPlaybook', () => {
  it('tags, notifies owner and managers, raises open tickets and sends the welcome once through the send path', async () => {
    const c = await withOwnCustomer();
    const workflowId = playbookWorkflowId('vip', c.tenantId, c.customerId, `vip-${randomUUID().slice(0, 8)}`);
    const handle = await env.client.workflow.start('vipPlaybook', {
      taskQueue,
      workflowId,
      args: [
        {
          tenantId: c.tenantId,
          customerId: c.customerId,
          occurredAt: '2026-06-01T12:00:00.000Z',
          reason: { kind: 'event', detail: { matched: [] } },
          params: defaults.vip.params,
        },
      ],
    });
    const result = await handle.result();
    expect(result).toMatchObject({ tagged: true, notified: 3, raisedTickets: [c.openTicketId] });
    expect((await em().findOneOrFail(Customer, { id: c.customerId })).tags).toContain('VIP');
    expect((await em().findOneOrFail(Ticket, { id: c.openTicketId })).priority).toBe('high');
    // The owner and both managers.
    const notes = await notesFor(workflowId);
    expect(usersOf(notes)).toEqual([f.agentId, f.managerId, f.otherManagerId].sort());
    expect(notes.every((n) => n.category === 'vip')).toBe(true);
    expect(await timelineFor(workflowId)).toEqual([expect.objectContaining({ kind: 'vip_detected' })]);

    // The welcome went out as the send path's child, source = this playbook run, and arrived once.
    const sendId = `send:${c.tenantId}:playbook:vip:${c.customerId}:${Date.parse('2026-06-01T12:00:00.000Z')}:${c.customerId}:welcome`;
    const children = (await handle.fetchHistory()).events!.filter(
      (e) => e.startChildWorkflowExecutionInitiatedEventAttributes,
    );
    expect(children.map((e) => e.startChildWorkflowExecutionInitiatedEventAttributes!.workflowId)).toEqual([
      sendId,
    ]);
    expect(result.welcome).toMatchObject({ status: 'sent' });
    const mail = await mailTo(c.email);
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe('Welcome to our VIP programme');
    const messages = await em().find(Message, { idempotencyKey: sendId });
    expect(messages.map((m) => [m.id, m.direction])).toEqual([
      [(result.welcome as { messageId: string }).messageId, 'outbound'],
    ]);
    await recordHistory(env.client, handle, 'vipPlaybook', 'welcome');

    // The same business event again (a replayed trigger under another run id): no second welcome.
    const again = await env.client.workflow.start('vipPlaybook', {
      taskQueue,
      workflowId: `${workflowId}-again`,
      args: [
        {
          tenantId: c.tenantId,
          customerId: c.customerId,
          occurredAt: '2026-06-01T12:00:00.000Z',
          reason: { kind: 'event', detail: { matched: [] } },
          params: defaults.vip.params,
        },
      ],
    });
    expect(await again.result()).toMatchObject({ tagged: false, welcome: { status: 'sent' } });
    expect(await mailTo(c.email)).toHaveLength(1);
  });
});

describe('lowCsatPlaybook', () => {
  const start = async (hours: number) => {
    const surveyResponseId = randomUUID();
    const workflowId = playbookWorkflowId('lowCsat', f.tenantId, f.customerId, surveyResponseId);
    const input: LowCsatPlaybookInput = {
      tenantId: f.tenantId,
      customerId: f.customerId,
      ticketId: f.ratedTicketId,
      surveyResponseId,
      score: 1,
      kind: 'csat',
      occurredAt: '2026-06-01T12:00:00.000Z',
      params: { ...defaults.lowCsat.params, resolveWithinHours: hours },
    };
    const handle = await env.client.workflow.start('lowCsatPlaybook', {
      taskQueue,
      workflowId,
      args: [input],
    });
    // The follow-up ticket, once the workflow has opened it (time does not skip while we poll).
    const link = await eventually(() =>
      em().findOne(PlaybookTicket, { workflowId }, { populate: ['ticket'] }),
    );
    return { handle, workflowId, ticket: link.ticket.getEntity() };
  };

  it('opens a high-priority follow-up for the team lead and ends when it is resolved', async () => {
    const { handle, workflowId, ticket } = await start(24);
    expect(ticket).toMatchObject({ priority: 'high', status: 'open' });
    expect(ticket.assignee?.id).toBe(f.managerId);
    await em().nativeUpdate(Ticket, { id: ticket.id }, { status: 'resolved', resolvedAt: new Date() });
    await handle.signal(followUpResolvedSignal, {
      ticketId: ticket.id,
      resolvedAt: new Date().toISOString(),
    });
    expect(await handle.result()).toEqual({ followUpTicketId: ticket.id, outcome: 'resolved' });
    expect((await em().findOneOrFail(Ticket, { id: ticket.id })).priority).toBe('high');
    expect((await notesFor(workflowId)).map((n) => [n.category, n.userId])).toEqual([
      ['survey', f.managerId],
    ]);
    expect((await timelineFor(workflowId)).map((t) => t.data?.['step'])).toEqual([
      'followup_opened',
      'followup_resolved',
    ]);
    await recordHistory(env.client, handle, 'lowCsatPlaybook', 'resolved');
  });

  it('escalates to urgent and tells the managers when the tenant time passes unresolved', async () => {
    const { handle, workflowId, ticket } = await start(48);
    // A resolution of some other ticket does not end the wait.
    await handle.signal(followUpResolvedSignal, {
      ticketId: f.openTicketId,
      resolvedAt: new Date().toISOString(),
    });
    expect(await handle.result()).toEqual({ followUpTicketId: ticket.id, outcome: 'escalated' });
    expect((await em().findOneOrFail(Ticket, { id: ticket.id })).priority).toBe('urgent');
    const escalation = (await notesFor(workflowId)).filter((n) => n.dedupeKey === `${workflowId}:escalated`);
    expect(escalation.map((n) => n.title)).toEqual([
      'Escalated: low-score follow-up not resolved within 48 h',
      'Escalated: low-score follow-up not resolved within 48 h',
    ]);
    expect(usersOf(escalation)).toEqual([f.managerId, f.otherManagerId].sort());
    expect((await timelineFor(workflowId)).map((t) => t.data?.['step'])).toEqual([
      'followup_opened',
      'followup_escalated',
    ]);
    await recordHistory(env.client, handle, 'lowCsatPlaybook', 'escalated');
  });
});

describe('churnWinbackPlaybook', () => {
  const start = async (c: PlaybookFixture, name: string, channel: 'email' | 'instagram' = 'email') => {
    const workflowId = playbookWorkflowId(
      'churnWinback',
      c.tenantId,
      c.customerId,
      `${name}-${randomUUID().slice(0, 8)}`,
    );
    const input: ChurnWinbackPlaybookInput = {
      tenantId: c.tenantId,
      customerId: c.customerId,
      occurredAt: new Date(await env.currentTimeMs()).toISOString(),
      reason: { kind: 'event', detail: { probability: 0.72 } },
      drivers: [{ feature: 'daysSinceLastOrder', value: 1.8, coefficient: 1.2, contribution: 2.16 }],
      probability: 0.72,
      params: {
        ...defaults.churnWinback.params,
        message: { ...defaults.churnWinback.params.message, channel },
      },
    };
    const handle = await env.client.workflow.start('churnWinbackPlaybook', {
      taskQueue,
      workflowId,
      args: [input],
    });
    return { handle, workflowId };
  };

  it('stops before the win-back when the customer writes in during the wait', async () => {
    const c = await withOwnCustomer();
    const { handle, workflowId } = await start(c, 'engaged');
    await eventually(async () => (await notesFor(workflowId))[0]);
    // An outbound message is not engagement: the hint is checked and the wait goes on.
    await addMessage(db.orm, c, 'outbound', new Date(await env.currentTimeMs()));
    await handle.signal(customerActivitySignal, {
      at: new Date().toISOString(),
      reasons: ['message.created'],
    });
    await addMessage(db.orm, c, 'inbound', new Date(await env.currentTimeMs()));
    await handle.signal(customerActivitySignal, {
      at: new Date().toISOString(),
      reasons: ['message.created'],
    });
    const result = await handle.result();
    expect(result).toMatchObject({
      outcome: 'engaged_before_winback',
      winback: null,
      engagement: { kind: 'inbound_message' },
    });
    expect((await notesFor(workflowId))[0]!.body).toContain('daysSinceLastOrder (+2.16)');
    expect(await timelineFor(workflowId)).toEqual([
      expect.objectContaining({
        kind: 'churn_winback',
        data: expect.objectContaining({ outcome: 'engaged_before_winback' }),
      }),
    ]);
    expect(await mailTo(c.email)).toHaveLength(0);
    await recordHistory(env.client, handle, 'churnWinbackPlaybook', 'engaged');
  });

  it('sends the win-back once after N quiet days, then records no response after the second wait', async () => {
    const c = await withOwnCustomer();
    const { handle, workflowId } = await start(c, 'quiet');
    const result = await handle.result();
    expect(result).toMatchObject({ outcome: 'no_response', engagement: null, winback: { status: 'sent' } });
    expect((await timelineFor(workflowId))[0]!.title).toBe('No response to the win-back message');
    const mail = await mailTo(c.email);
    expect(mail.map((m: { subject: string }) => m.subject)).toEqual(['We miss you']);
    await recordHistory(env.client, handle, 'churnWinbackPlaybook', 'noResponse');
  });

  it('records won_back when the customer writes in within N days of the win-back', async () => {
    const c = await withOwnCustomer();
    const { engagementWaitDays } = defaults.churnWinback.params;
    const { handle, workflowId } = await start(c, 'wonBack');
    // Skip the first wait (the server's clock only: nothing else runs meanwhile), then the
    // win-back goes out through the send path and the playbook waits again.
    await env.sleep(`${engagementWaitDays * 24 + 1} hours`);
    const mail = await eventually(async () => (await mailTo(c.email))[0]);
    expect(mail.subject).toBe('We miss you');
    // The customer answers during the second wait (a time after the win-back, on the server's clock).
    await addMessage(db.orm, c, 'inbound', new Date(await env.currentTimeMs()));
    await handle.signal(customerActivitySignal, {
      at: new Date().toISOString(),
      reasons: ['message.created'],
    });
    const result = await handle.result();
    expect(result).toMatchObject({
      outcome: 'won_back',
      winback: { status: 'sent' },
      engagement: { kind: 'inbound_message' },
    });
    expect(await timelineFor(workflowId)).toEqual([
      expect.objectContaining({
        kind: 'churn_winback',
        title: 'Won back after the win-back message',
        data: expect.objectContaining({ outcome: 'won_back' }),
      }),
    ]);
    expect(await mailTo(c.email)).toHaveLength(1);
    await recordHistory(env.client, handle, 'churnWinbackPlaybook', 'wonBack');
  });

  it('records a win-back the send path skipped, without waiting again', async () => {
    const { handle } = await start(f, 'skipped', 'instagram');
    expect(await handle.result()).toMatchObject({
      outcome: 'winback_not_sent',
      winback: { status: 'skipped', reason: 'no_address' },
    });
  });
});

describe('segmentEnteredPlaybook', () => {
  const enter = async (at: string, reentry: { kind: 'never' } | { kind: 'afterDays'; days: number }) => {
    const workflowId = playbookWorkflowId(
      'segmentEntered',
      f.tenantId,
      f.customerId,
      `${f.segmentId}:${Date.parse(at)}`,
    );
    const handle = await env.client.workflow.start('segmentEnteredPlaybook', {
      taskQueue,
      workflowId,
      args: [
        {
          tenantId: f.tenantId,
          segmentId: f.segmentId,
          customerId: f.customerId,
          enteredAt: at,
          reentry,
          start: { playbook: 'vip', params: defaults.vip.params },
        },
      ],
    });
    return { handle, result: await handle.result() };
  };

  it('starts the attached playbook once per entry, and again only as the re-entry rule allows', async () => {
    const rule = { kind: 'afterDays' as const, days: 30 };
    const first = await enter('2026-03-01T00:00:00.000Z', rule);
    const childId = playbookWorkflowId(
      'vip',
      f.tenantId,
      f.customerId,
      `segment:${f.segmentId}:${Date.parse('2026-03-01T00:00:00.000Z')}`,
    );
    expect(first.result).toEqual({ started: true, workflowId: childId });
    expect(await env.client.workflow.getHandle(childId).result()).toMatchObject({
      welcome: { status: 'sent' },
    });
    await recordHistory(env.client, first.handle, 'segmentEnteredPlaybook', 'started');

    const tooSoon = await enter('2026-03-15T00:00:00.000Z', rule);
    expect(tooSoon.result).toEqual({ started: false, lastStartedAt: '2026-03-01T00:00:00.000Z' });
    await recordHistory(env.client, tooSoon.handle, 'segmentEnteredPlaybook', 'refused');
    const again = await enter('2026-04-01T00:00:00.000Z', rule);
    expect(again.result).toMatchObject({ started: true });
    // The second entry's playbook sends its own welcome (another business event), through the send path.
    const againId = (again.result as { workflowId: string }).workflowId;
    expect(await env.client.workflow.getHandle(againId).result()).toMatchObject({
      welcome: { status: 'sent' },
    });
    expect(await mailTo(f.email)).toHaveLength(2);
    expect((await enter('2027-04-01T00:00:00.000Z', { kind: 'never' })).result).toMatchObject({
      started: false,
    });
    const entry = await em().findOneOrFail(PlaybookEntry, { segment: f.segmentId, customer: f.customerId });
    expect(entry.lastStartedAt.toISOString()).toBe('2026-04-01T00:00:00.000Z');
  });

  it("sends the segment's entry message once per entry through the send path, as the re-entry rule allows", async () => {
    const c = await withOwnCustomer();
    const message = {
      channel: 'email' as const,
      content: { type: 'email' as const, subject: 'Welcome to the club', text: 'Glad to have you with us.' },
      purpose: 'marketing' as const,
    };
    const enterWith = async (at: string) => {
      const handle = await env.client.workflow.start('segmentEnteredPlaybook', {
        taskQueue,
        workflowId: playbookWorkflowId(
          'segmentEntered',
          c.tenantId,
          c.customerId,
          `${f.segmentId}:${Date.parse(at)}`,
        ),
        args: [
          {
            tenantId: c.tenantId,
            segmentId: f.segmentId,
            customerId: c.customerId,
            enteredAt: at,
            reentry: { kind: 'never' },
            start: { message },
          },
        ],
      });
      return { handle, result: await handle.result() };
    };

    const first = await enterWith('2026-05-01T00:00:00.000Z');
    // The send's id and idempotency key come from the entry: segment, instant, customer, step.
    const sendId = `send:${c.tenantId}:campaign:segment:${f.segmentId}:${Date.parse('2026-05-01T00:00:00.000Z')}:${c.customerId}:entry`;
    expect(first.result).toEqual({ started: true, workflowId: sendId });
    expect(await env.client.workflow.getHandle(sendId).result()).toMatchObject({ status: 'sent' });
    // Found in Temporal UI by its segment too.
    const described = await env.client.workflow.getHandle(sendId).describe();
    expect(described.typedSearchAttributes.get(SegmentIdKey)).toBe(f.segmentId);
    const mail = await mailTo(c.email);
    expect(mail.map((m: { subject: string }) => m.subject)).toEqual(['Welcome to the club']);
    expect((await em().find(Message, { idempotencyKey: sendId })).map((m) => m.direction)).toEqual([
      'outbound',
    ]);
    await recordHistory(env.client, first.handle, 'segmentEnteredPlaybook', 'message');

    // Entering again later: the rule is "never", so nothing more is sent.
    expect((await enterWith('2026-06-01T00:00:00.000Z')).result).toEqual({
      started: false,
      lastStartedAt: '2026-05-01T00:00:00.000Z',
    });
    expect(await mailTo(c.email)).toHaveLength(1);
  });
});
