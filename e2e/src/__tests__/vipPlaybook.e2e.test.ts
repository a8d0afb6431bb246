import request from 'supertest';
import { instantKey, playbookWorkflowId } from '@c360/domain';
import { useTestDatabase, waitFor } from '@c360/store';
import type { VipPlaybookResult } from '@c360/workflows';
import { openEngagementStack, type EngagementStack } from '../support/engagementStack';

/**
 * The VIP playbook end to end on the real PostgreSQL and Temporal dev server: a recompute
 * through the API finds a new VIP and commits `customer.vip_detected` in the outbox, the relay's
 * dispatcher starts the playbook, the worker tags the customer, notifies the owner and the
 * managers, raises the open ticket's priority and sends the welcome through the send path to
 * the sandbox's SMTP capture.
 */
jest.setTimeout(90_000);

const db = useTestDatabase();
let stack: EngagementStack;

beforeAll(async () => {
  stack = await openEngagementStack(db.orm, db.url);
}, 120_000);
afterAll(() => stack?.close());

type AnyJson = Record<string, unknown>;

it('a rescore that finds a VIP runs the VIP playbook through relay, dispatcher and worker', async () => {
  // Customers tagged `gold` are VIPs in this tenant.
  const tenant = await stack.tenant({ analytics: { vip: { rule: { kind: 'tag', tag: 'gold' } } } });
  const api = () => request(stack.app);
  const agent = tenant.tokens.agent;
  const email = `vera.${Date.now()}@example.test`;
  const customer = await api()
    .post('/api/v1/customers')
    .set('Authorization', agent)
    .send({ firstName: 'Vera', lastName: 'Gold', emails: [email], ownerId: tenant.userIds.agent });
  expect(customer.status).toBe(201);
  const customerId = customer.body.id as string;
  const prefs = await api()
    .post(`/api/v1/customers/${customerId}/preferences`)
    .set('Authorization', agent)
    .send({ channels: { email: { optedIn: true } } });
  expect(prefs.status).toBe(200);
  const ticket = await api()
    .post('/api/v1/tickets')
    .set('Authorization', agent)
    .send({ customerId, subject: 'Where is my order?' });
  expect(ticket.status).toBe(201);
  expect(ticket.body.priority).toBe('normal');

  // Tagged gold, then recomputed: the recompute raises customer.vip_detected in the outbox.
  const tagged = await api()
    .patch(`/api/v1/customers/${customerId}`)
    .set('Authorization', agent)
    .send({ tags: ['gold'] });
  expect(tagged.status).toBe(200);
  const rescored = await api()
    .post(`/api/v1/customers/${customerId}/health-score/rescore`)
    .set('Authorization', agent);
  expect(rescored.status).toBe(200);
  expect(rescored.body.events).toContain('customer.vip_detected');

  // The relay dispatches it; the playbook's id comes from the event.
  const workflowId = playbookWorkflowId('vip', tenant.id, customerId, instantKey(rescored.body.computedAt));
  const result = await waitFor(
    async () => {
      try {
        return (await stack.env.client.workflow.getHandle(workflowId).result()) as VipPlaybookResult;
      } catch (error) {
        // Not started yet (the relay has not dispatched the event); anything else is a failure.
        if ((error as Error).name === 'WorkflowNotFoundError') return undefined;
        throw error;
      }
    },
    'the VIP playbook started by the dispatcher',
    60_000,
  );
  expect(result).toMatchObject({
    tagged: true,
    notified: 2,
    raisedTickets: [ticket.body.id],
    welcome: { status: 'sent' },
  });

  // Its effects, read back through the API and the sandbox.
  const after = await api().get(`/api/v1/customers/${customerId}`).set('Authorization', agent);
  expect(after.body.tags).toEqual(['gold', 'VIP']);
  const raised = await api().get(`/api/v1/tickets/${ticket.body.id}`).set('Authorization', agent);
  expect(raised.body.priority).toBe('high');
  for (const role of ['agent', 'manager'] as const) {
    const notes = await api().get('/api/v1/notifications').set('Authorization', tenant.tokens[role]);
    expect(notes.status).toBe(200);
    expect((notes.body.data as AnyJson[]).filter((n) => n['category'] === 'vip')).toEqual([
      expect.objectContaining({ title: 'A customer became VIP', link: `/customers/${customerId}` }),
    ]);
  }
  const mail = await fetch(`${stack.sandbox.url}/_control/mail?to=${encodeURIComponent(email)}`);
  const items = ((await mail.json()) as { data: AnyJson[] }).data;
  expect(items.map((m) => m['subject'])).toEqual(['Welcome to our VIP programme']);
});
