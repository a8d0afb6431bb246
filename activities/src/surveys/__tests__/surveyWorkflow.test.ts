import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker, type WorkflowBundle } from '@temporalio/worker';
import { workflowIds, type SendOutcome, type SendRequest } from '@c360/domain';
import {
  forTenant,
  OutboxEvent,
  recordSurveyAnswer,
  SurveyRequest,
  Ticket,
  useTestDatabase,
  waitFor,
} from '@c360/store';
import {
  surveyAnsweredSignal,
  surveyStatusQuery,
  surveyTicketReopenedSignal,
  type SurveyResult,
  type SurveyWorkflowInput,
} from '@c360/workflows';
import { createTimelineActivities } from '../../timeline/createTimelineActivities';
import { createSurveyActivities } from '../createSurveyActivities';
import { saveHistoryFixture } from '../../../../workflows/src/__tests__/historyFixtures';
import { createTimeSkippingEnv } from '../../../../workflows/src/__tests__/testEnvironment';
import { surveyFixture, type SurveyFixture } from './support/surveyFixtures';

/**
 * The survey workflow on the time-skipping test server (hours of delay, reminder and deadline
 * in milliseconds), with its real activities on a database of its own. The send path's child is
 * a stand-in whose outcome each test decides; the send path is tested on its own.
 */
Runtime.install({ logger: new DefaultLogger('ERROR') });
jest.setTimeout(60_000);

const db = useTestDatabase();
let env: TestWorkflowEnvironment;
let bundle: WorkflowBundle;
const SECRET = 'survey-test-secret-0123456789abcdef';

beforeAll(async () => {
  bundle = await bundleWorkflowCode({
    workflowsPath: require.resolve('./support/surveyTestWorkflows'),
    logger: new DefaultLogger('ERROR'),
  });
}, 120_000);
// Skipped time is global to a test server: each test gets its own, so one test's timers never
// fire in another's.
beforeEach(async () => {
  env = await createTimeSkippingEnv();
});
afterEach(async () => {
  await env?.teardown();
});

type Decide = (req: SendRequest) => SendOutcome | { status: 'hold' };
const sentOk: Decide = () => ({ status: 'sent', messageId: randomUUID(), sentAt: new Date().toISOString() });

const run = async (
  f: SurveyFixture,
  test: (ctx: {
    start: (
      input?: Partial<SurveyWorkflowInput>,
    ) => Promise<{ workflowId: string; result: () => Promise<SurveyResult> }>;
    sends: SendRequest[];
  }) => Promise<void>,
  decide: Decide = sentOk,
) => {
  const sends: SendRequest[] = [];
  const taskQueue = `survey-${randomUUID().slice(0, 8)}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: bundle,
    activities: {
      ...createSurveyActivities({
        orm: db.orm,
        links: { secret: SECRET, publicBaseUrl: 'https://surveys.example.test' },
      }),
      async decideSend(req: SendRequest) {
        sends.push(req);
        return decide(req);
      },
      ...createTimelineActivities({ orm: db.orm }),
    },
  });
  await worker.runUntil(
    test({
      sends,
      start: async (input = {}) => {
        const workflowId = workflowIds.surveyForResolution(f.tenantId, f.ticketId, f.resolvedAt);
        const handle = await env.client.workflow.start('surveyWorkflow', {
          taskQueue,
          workflowId,
          args: [
            {
              tenantId: f.tenantId,
              customerId: f.customerId,
              ticketId: f.ticketId,
              trigger: 'resolved',
              resolvedAt: f.resolvedAt,
              autoResolved: false,
              ...input,
            } satisfies SurveyWorkflowInput,
          ],
        });
        return { workflowId, result: () => handle.result() as Promise<SurveyResult> };
      },
    }),
  );
};

/** Polls until the probe holds (the workflow runs on its own; queries do not skip time). */
const until = (probe: () => Promise<boolean> | boolean, what: string) =>
  waitFor(async () => ((await probe()) ? true : undefined), what);

const requestOf = async (tenantId: string, workflowId: string) =>
  forTenant(db.orm.em.fork(), tenantId).findOneOrFail(SurveyRequest, { workflowId });

const phase = async (workflowId: string) =>
  (await env.client.workflow.getHandle(workflowId).query(surveyStatusQuery)).phase;

const answer = async (f: SurveyFixture, workflowId: string, score: number) => {
  const request = await requestOf(f.tenantId, workflowId);
  const recorded = await recordSurveyAnswer(db.orm.em, {
    tenantId: f.tenantId,
    requestId: request.id,
    score,
    comment: 'ok',
    channel: request.channel,
    answeredAt: new Date(),
  });
  if (recorded.outcome !== 'recorded') throw new Error(`answer not recorded: ${recorded.outcome}`);
  await env.client.workflow
    .getHandle(workflowId)
    .signal(surveyAnsweredSignal, { surveyResponseId: recorded.responseId });
  return recorded.responseId;
};

describe('surveyWorkflow', () => {
  it('is cancelled when the ticket is reopened during the delay, and sends nothing', async () => {
    const f = await surveyFixture(db.orm, { emailOptIn: true });
    await run(f, async ({ start, sends }) => {
      const { workflowId, result } = await start();
      await until(async () => (await phase(workflowId)) === 'waiting_delay', 'waiting_delay');
      await env.client.workflow
        .getHandle(workflowId)
        .signal(surveyTicketReopenedSignal, { reopenedAt: new Date().toISOString() });
      expect(await result()).toMatchObject({ outcome: 'cancelled', reason: 'ticket_reopened' });
      await saveHistoryFixture(env.client, workflowId, 'surveyWorkflow-reopenCancelled');
      expect(sends).toEqual([]);
      expect((await requestOf(f.tenantId, workflowId)).status).toBe('cancelled');
    });
  });

  it('gives up a send held by quiet hours when the ticket is reopened', async () => {
    const f = await surveyFixture(db.orm, { emailOptIn: true, surveys: { delayMinutes: 0 } });
    await run(
      f,
      async ({ start, sends }) => {
        const { workflowId, result } = await start();
        await until(() => sends.length === 1, '1 sends');
        await env.client.workflow
          .getHandle(workflowId)
          .signal(surveyTicketReopenedSignal, { reopenedAt: new Date().toISOString() });
        expect(await result()).toMatchObject({ outcome: 'cancelled' });
        expect((await requestOf(f.tenantId, workflowId)).status).toBe('cancelled');
      },
      () => ({ status: 'hold' }),
    );
  });

  it('sends the invite after the delay, one reminder, then records the answer on the timeline', async () => {
    const f = await surveyFixture(db.orm, { emailOptIn: true });
    await run(f, async ({ start, sends }) => {
      const { workflowId, result } = await start();
      await env.sleep('61 minutes');
      await until(async () => (await phase(workflowId)) === 'waiting_answer', 'waiting_answer');
      expect(sends.map((s) => [s.channel, s.step, s.purpose, s.source.kind])).toEqual([
        ['email', 'invite-email', 'service', 'survey'],
      ]);
      const invite = sends[0]!.content;
      expect(invite.type === 'email' && invite.text).toContain('https://surveys.example.test/s/');
      await env.sleep('24 hours');
      await until(() => sends.length === 2, '2 sends');
      expect(sends[1]).toMatchObject({ channel: 'email', step: 'reminder-email' });
      const responseId = await answer(f, workflowId, 4);
      expect(await result()).toMatchObject({
        outcome: 'answered',
        score: 4,
        lowRating: false,
        channel: 'email',
      });
      await saveHistoryFixture(env.client, workflowId, 'surveyWorkflow-reminderThenAnswer');
      const timeline = await db.orm.em
        .fork()
        .execute('select customer_id, kind, title, dedupe_key from timeline_event where tenant_id = ?', [
          f.tenantId,
        ]);
      expect(timeline).toEqual([
        {
          customer_id: f.customerId,
          kind: 'survey_answered',
          title: 'CSAT 4/5',
          dedupe_key: `survey_answered:${responseId}`,
        },
      ]);
      const request = await requestOf(f.tenantId, workflowId);
      expect(request.status).toBe('answered');
      expect(request.remindedAt).not.toBeNull();
    });
  });

  it('expires at the deadline without an answer', async () => {
    const f = await surveyFixture(db.orm, { emailOptIn: true, surveys: { delayMinutes: 0 } });
    await run(f, async ({ start, sends }) => {
      const { workflowId, result } = await start();
      expect(await result()).toMatchObject({ outcome: 'expired', reason: 'deadline' });
      await saveHistoryFixture(env.client, workflowId, 'surveyWorkflow-deadlineExpired');
      expect(sends.map((s) => s.step)).toEqual(['invite-email', 'reminder-email']);
      expect((await requestOf(f.tenantId, workflowId)).status).toBe('expired');
    });
  });

  it('raises csat.low_rating_received once for a low score', async () => {
    const f = await surveyFixture(db.orm, { emailOptIn: true, surveys: { delayMinutes: 0 } });
    await run(f, async ({ start }) => {
      const { workflowId, result } = await start();
      await until(async () => (await phase(workflowId)) === 'waiting_answer', 'waiting_answer');
      const responseId = await answer(f, workflowId, 2);
      expect(await result()).toMatchObject({ outcome: 'answered', score: 2, lowRating: true });
      await saveHistoryFixture(env.client, workflowId, 'surveyWorkflow-lowScore');
      const events = await db.orm.em
        .fork()
        .find(OutboxEvent, { tenantId: f.tenantId, type: 'csat.low_rating_received' });
      expect(events.map((e) => e.payload)).toEqual([
        {
          customerId: f.customerId,
          ticketId: f.ticketId,
          surveyResponseId: responseId,
          score: 2,
          kind: 'csat',
        },
      ]);
    });
  });

  it('skips an auto-resolved ticket when the tenant says so', async () => {
    const f = await surveyFixture(db.orm, { emailOptIn: true, autoResolved: true });
    await run(f, async ({ start, sends }) => {
      const { result } = await start({ autoResolved: true });
      expect(await result()).toMatchObject({ outcome: 'skipped', reason: 'auto_resolved' });
      expect(sends).toEqual([]);
    });
  });

  it('does not start a survey for a resolution the ticket no longer has', async () => {
    const f = await surveyFixture(db.orm, { emailOptIn: true });
    await forTenant(db.orm.em.fork(), f.tenantId).nativeUpdate(
      Ticket,
      { id: f.ticketId },
      { status: 'open' },
    );
    await run(f, async ({ start }) => {
      expect(await (await start()).result()).toMatchObject({ outcome: 'skipped', reason: 'ticket_reopened' });
    });
  });

  describe('channel choice by consent', () => {
    it('uses the WhatsApp flow, carrying the survey token, when the customer opted in there', async () => {
      const f = await surveyFixture(db.orm, {
        whatsappOptIn: true,
        emailOptIn: true,
        surveys: { delayMinutes: 0 },
      });
      await run(f, async ({ start, sends }) => {
        const { workflowId, result } = await start();
        await until(async () => (await phase(workflowId)) === 'waiting_answer', 'waiting_answer');
        const request = await requestOf(f.tenantId, workflowId);
        expect(request.channel).toBe('whatsapp');
        expect(sends[0]).toMatchObject({
          channel: 'whatsapp',
          content: { type: 'flow', flowId: '800000000000001', flowToken: request.token },
        });
        await answer(f, workflowId, 5);
        expect(await result()).toMatchObject({ outcome: 'answered', channel: 'whatsapp' });
      });
    });

    it('falls through to e-mail when the WhatsApp send is skipped', async () => {
      const f = await surveyFixture(db.orm, {
        whatsappOptIn: true,
        emailOptIn: true,
        surveys: { delayMinutes: 0 },
      });
      await run(
        f,
        async ({ start, sends }) => {
          const { workflowId } = await start();
          await until(async () => (await phase(workflowId)) === 'waiting_answer', 'waiting_answer');
          expect(sends.map((s) => s.channel)).toEqual(['whatsapp', 'email']);
          expect((await requestOf(f.tenantId, workflowId)).channel).toBe('email');
        },
        (req) =>
          req.channel === 'whatsapp' ? { status: 'skipped', reason: 'consent_revoked' } : sentOk(req),
      );
    });

    it('sends nothing and keeps the web link when the customer opted in nowhere', async () => {
      const f = await surveyFixture(db.orm, { surveys: { delayMinutes: 0 } });
      await run(f, async ({ start, sends }) => {
        const { workflowId, result } = await start();
        await until(async () => (await phase(workflowId)) === 'waiting_answer', 'waiting_answer');
        expect((await requestOf(f.tenantId, workflowId)).channel).toBe('web');
        expect(await result()).toMatchObject({ outcome: 'expired', channel: 'web' });
        expect(sends).toEqual([]);
        await saveHistoryFixture(env.client, workflowId, 'surveyWorkflow-webLinkOnly');
      });
    });
  });
});
