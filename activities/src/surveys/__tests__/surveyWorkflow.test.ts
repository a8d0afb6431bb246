import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker, type WorkflowBundle } from '@temporalio/worker';
import { sendWorkflowId, workflowIds } from '@c360/domain';
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
  sendStatusQuery,
  surveyAnsweredSignal,
  surveyStatusQuery,
  surveyTicketReopenedSignal,
  workflowsPath,
  type SurveyResult,
  type SurveyWorkflowInput,
} from '@c360/workflows';
import { openSendSetup, type SendSetup } from '../../engagement/__tests__/support/sendSetup';
import type { AnyJson } from '../../channels/__tests__/support/adapterSetup';
import { createTimelineActivities } from '../../timeline/createTimelineActivities';
import { createSurveyActivities } from '../createSurveyActivities';
import { saveHistoryFixture } from '../../../../workflows/src/__tests__/historyFixtures';
import { createTimeSkippingEnv } from '../../../../workflows/src/__tests__/testEnvironment';
import { surveyFixture, type SurveyFixture } from './support/surveyFixtures';

/**
 * The survey workflow on the time-skipping test server (hours of delay, reminder and deadline
 * in milliseconds), with its real activities on a database of its own, and its invites and
 * reminders sent through the real send path (`sendMessageWorkflow` and its activities) to the
 * channel sandbox (SMTP capture, WhatsApp Cloud API).
 */
Runtime.install({ logger: new DefaultLogger('ERROR') });
jest.setTimeout(60_000);

const db = useTestDatabase();
let env: TestWorkflowEnvironment;
let bundle: WorkflowBundle;
let s: SendSetup;
const SECRET = 'survey-test-secret-0123456789abcdef';

beforeAll(async () => {
  bundle = await bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('ERROR') });
  s = await openSendSetup(db.orm);
}, 120_000);
afterAll(async () => {
  await s?.close();
});
// Skipped time is global to a test server: each test gets its own, so one test's timers never
// fire in another's.
beforeEach(async () => {
  env = await createTimeSkippingEnv();
});
afterEach(async () => {
  await env?.teardown();
});

const run = async (
  f: SurveyFixture,
  test: (ctx: {
    start: (
      input?: Partial<SurveyWorkflowInput>,
    ) => Promise<{ workflowId: string; result: () => Promise<SurveyResult> }>;
  }) => Promise<void>,
) => {
  const taskQueue = `survey-${randomUUID().slice(0, 8)}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: bundle,
    activities: {
      ...s.allActivities,
      ...createSurveyActivities({
        orm: db.orm,
        links: { secret: SECRET, publicBaseUrl: 'https://surveys.example.test' },
      }),
      ...createTimelineActivities({ orm: db.orm }),
    },
  });
  await worker.runUntil(
    test({
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

/** What the sandbox received for the fixture's customer: e-mails and WhatsApp messages. */
const received = async (f: SurveyFixture): Promise<{ mail: AnyJson[]; whatsapp: AnyJson[] }> => ({
  mail: await s.mailTo(f.email),
  whatsapp: await s.whatsappTo(f.waId),
});

/** A WhatsApp number of the sandbox for one tenant (numbers are unique across tenants). */
const sandboxNumber = async (): Promise<string> => {
  const digits = () => String(Math.floor(1e14 + Math.random() * 8e14));
  const phoneNumberId = digits();
  const added = await s.control('POST', '/whatsapp/accounts', {
    phoneNumberId,
    wabaId: digits(),
    displayPhoneNumber: '15550003333',
  });
  if (added.status !== 201) throw new Error(`sandbox number not added: ${added.status}`);
  return phoneNumberId;
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
    await run(f, async ({ start }) => {
      const { workflowId, result } = await start();
      await until(async () => (await phase(workflowId)) === 'waiting_delay', 'waiting_delay');
      await env.client.workflow
        .getHandle(workflowId)
        .signal(surveyTicketReopenedSignal, { reopenedAt: new Date().toISOString() });
      expect(await result()).toMatchObject({ outcome: 'cancelled', reason: 'ticket_reopened' });
      await saveHistoryFixture(env.client, workflowId, 'surveyWorkflow-reopenCancelled');
      expect(await received(f)).toEqual({ mail: [], whatsapp: [] });
      expect((await requestOf(f.tenantId, workflowId)).status).toBe('cancelled');
    });
  });

  it('gives up a send held by quiet hours when the ticket is reopened', async () => {
    // Quiet for the next two hours of the customer's (UTC) day.
    const hour = new Date().getUTCHours();
    const hh = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
    const f = await surveyFixture(db.orm, {
      emailOptIn: true,
      surveys: { delayMinutes: 0 },
      quietHours: { start: hh(hour), end: hh(hour + 2), timeZone: 'UTC' },
    });
    await run(f, async ({ start }) => {
      const { workflowId, result } = await start();
      await until(async () => (await phase(workflowId)) === 'sending', 'sending');
      const request = await requestOf(f.tenantId, workflowId);
      const invite = env.client.workflow.getHandle(
        sendWorkflowId({
          tenantId: f.tenantId,
          customerId: f.customerId,
          source: { kind: 'survey', id: request.id },
          step: 'invite-email',
        }),
      );
      await until(
        async () => (await invite.query(sendStatusQuery).catch(() => null))?.heldBy === 'quiet_hours',
        'the invite held by quiet hours',
      );
      await env.client.workflow
        .getHandle(workflowId)
        .signal(surveyTicketReopenedSignal, { reopenedAt: new Date().toISOString() });
      expect(await result()).toMatchObject({ outcome: 'cancelled' });
      expect(await invite.result()).toEqual({ status: 'skipped', reason: 'cancelled' });
      expect((await requestOf(f.tenantId, workflowId)).status).toBe('cancelled');
      expect(await received(f)).toEqual({ mail: [], whatsapp: [] });
    });
  });

  it('sends the invite after the delay, one reminder, then records the answer on the timeline', async () => {
    const f = await surveyFixture(db.orm, { emailOptIn: true });
    await run(f, async ({ start }) => {
      const { workflowId, result } = await start();
      await env.sleep('61 minutes');
      await until(async () => (await phase(workflowId)) === 'waiting_answer', 'waiting_answer');
      // The invite arrived in the sandbox's mailbox, with the survey's link.
      const [invite] = (await received(f)).mail;
      expect(invite.text).toContain('https://surveys.example.test/s/');
      await env.sleep('24 hours');
      const mail = await waitFor(async () => {
        const m = (await received(f)).mail;
        return m.length === 2 ? m : undefined;
      }, 'the reminder');
      expect(mail[1].text).toContain('https://surveys.example.test/s/');
      expect(mail[1].subject).not.toBe(invite.subject);
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
    await run(f, async ({ start }) => {
      const { workflowId, result } = await start();
      expect(await result()).toMatchObject({ outcome: 'expired', reason: 'deadline' });
      await saveHistoryFixture(env.client, workflowId, 'surveyWorkflow-deadlineExpired');
      // The invite and the one reminder.
      expect((await received(f)).mail).toHaveLength(2);
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
    await run(f, async ({ start }) => {
      const { result } = await start({ autoResolved: true });
      expect(await result()).toMatchObject({ outcome: 'skipped', reason: 'auto_resolved' });
      expect(await received(f)).toEqual({ mail: [], whatsapp: [] });
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
        whatsappPhoneNumberId: await sandboxNumber(),
      });
      await run(f, async ({ start }) => {
        const { workflowId, result } = await start();
        await until(async () => (await phase(workflowId)) === 'waiting_answer', 'waiting_answer');
        const request = await requestOf(f.tenantId, workflowId);
        expect(request.channel).toBe('whatsapp');
        // The flow message the sandbox accepted, carrying the survey's token; no e-mail.
        const { mail, whatsapp } = await received(f);
        expect(mail).toEqual([]);
        expect(whatsapp).toHaveLength(1);
        expect(whatsapp[0].request.interactive).toMatchObject({
          type: 'flow',
          action: { parameters: { flow_id: '800000000000001', flow_token: request.token } },
        });
        await answer(f, workflowId, 5);
        expect(await result()).toMatchObject({ outcome: 'answered', channel: 'whatsapp' });
      });
    });

    it('falls through to e-mail when the WhatsApp send fails for good', async () => {
      const f = await surveyFixture(db.orm, {
        whatsappOptIn: true,
        emailOptIn: true,
        surveys: { delayMinutes: 0 },
        whatsappPhoneNumberId: await sandboxNumber(),
      });
      // The Graph API answers the next call with an expired access token (code 190): not retried.
      const fault = await s.control('POST', '/faults', { kind: 'token_expired', count: 1 });
      expect(fault.status).toBe(201);
      try {
        await run(f, async ({ start }) => {
          const { workflowId } = await start();
          await until(async () => (await phase(workflowId)) === 'waiting_answer', 'waiting_answer');
          expect((await requestOf(f.tenantId, workflowId)).channel).toBe('email');
          const { mail, whatsapp } = await received(f);
          expect(whatsapp).toEqual([]);
          expect(mail).toHaveLength(1);
        });
      } finally {
        await s.control('DELETE', '/faults');
      }
    });

    it('sends nothing and keeps the web link when the customer opted in nowhere', async () => {
      const f = await surveyFixture(db.orm, { surveys: { delayMinutes: 0 } });
      await run(f, async ({ start }) => {
        const { workflowId, result } = await start();
        await until(async () => (await phase(workflowId)) === 'waiting_answer', 'waiting_answer');
        expect((await requestOf(f.tenantId, workflowId)).channel).toBe('web');
        expect(await result()).toMatchObject({ outcome: 'expired', channel: 'web' });
        expect(await received(f)).toEqual({ mail: [], whatsapp: [] });
        await saveHistoryFixture(env.client, workflowId, 'surveyWorkflow-webLinkOnly');
      });
    });
  });
});
