import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { WorkflowFailedError } from '@temporalio/client';
import { forTenant, Message, useTestDatabase } from '@c360/store';
import { openAdapterSetup, type AdapterSetup, type AnyJson } from './support/adapterSetup';
import { connectToDevServer } from '../../../../workflows/src/__tests__/testEnvironment';

/**
 * The adapter under Temporal's retry policy on the real dev server: each failed attempt is a
 * new activity execution, and the message still goes out once.
 */
Runtime.install({ logger: new DefaultLogger('WARN') });

const db = useTestDatabase();
let s: AdapterSetup;
let env: TestWorkflowEnvironment;
const namespace = process.env['C360_TEMPORAL_NAMESPACE'] ?? 'c360-test';
beforeAll(async () => {
  // One call per activity attempt, and provider delays over 200 ms go back to Temporal.
  s = await openAdapterSetup(db.orm, { attempts: 1, baseDelayMs: 10, maxDelayMs: 10, maxRetryAfterMs: 200 });
  env = await connectToDevServer();
}, 60_000);
afterAll(async () => {
  await s?.close();
  await env?.teardown();
});

const sentTo = async (waId: string) =>
  ((await s.control('GET', `/whatsapp/messages?to=${waId}`)).json.data as AnyJson[]).length;

it('retries failed attempts through Temporal, honouring Retry-After, and sends once', async () => {
  const taskQueue = `chan-${randomUUID().slice(0, 8)}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    namespace,
    taskQueue,
    workflowsPath: require.resolve('./support/sendWorkflows'),
    activities: s.activities,
  });
  await worker.runUntil(async () => {
    const c = await s.whatsappConversation(new Date());
    await s.control('POST', '/faults', { endpoint: 'whatsapp.messages', kind: 'server_error', count: 2 });
    await s.control('POST', '/faults', {
      endpoint: 'whatsapp.messages',
      kind: 'rate_limit',
      count: 1,
      retryAfterSeconds: 1,
    });
    const idempotencyKey = `temporal-${randomUUID()}`;
    const result = await env.client.workflow.execute('sendWhatsAppThroughTemporal', {
      taskQueue,
      workflowId: `send-${idempotencyKey}`,
      args: [
        {
          tenantId: s.tenantId,
          conversationId: c.id,
          idempotencyKey,
          content: { type: 'text', text: 'Through Temporal' },
        },
      ],
    });
    expect(result).toMatchObject({ alreadySent: false });
    expect(await sentTo(c.waId)).toBe(1);
    expect(await forTenant(db.orm.em.fork(), s.tenantId).count(Message, { idempotencyKey })).toBe(1);

    // A refusal for good is not retried: one attempt, the workflow fails with the reason.
    const late = await s.whatsappConversation(new Date(Date.now() - 48 * 3600_000));
    const failed = await env.client.workflow
      .execute('sendWhatsAppThroughTemporal', {
        taskQueue,
        workflowId: `send-late-${randomUUID()}`,
        args: [
          {
            tenantId: s.tenantId,
            conversationId: late.id,
            idempotencyKey: randomUUID(),
            content: { type: 'text', text: 'x' },
          },
        ],
      })
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(WorkflowFailedError);
    const activityFailure = (failed as WorkflowFailedError).cause as Error & { cause?: Error };
    expect(activityFailure.cause?.message).toMatch(/24-hour/);
    expect(await sentTo(late.waId)).toBe(0);
  });
}, 120_000);
