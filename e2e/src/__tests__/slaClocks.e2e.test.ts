import request from 'supertest';
import { Customer, forTenant, Ticket, useTestDatabase, waitFor } from '@c360/store';
import {
  slaClockQuery,
  slaClockWorkflowId,
  startSlaBackfills,
  type SlaClockView,
  type slaClockWorkflow,
} from '@c360/workflows';
import { openEngagementStack, type EngagementStack } from '../support/engagementStack';

/**
 * SLA clocks on the real PostgreSQL and Temporal dev server: a ticket opened through the API
 * gets its clock from the relay's dispatcher; new SLA settings saved through the API reach the
 * running clock (`sla.settings_changed`, signalled to every running clock of the tenant); a
 * ticket that never had a clock gets one from the backfill.
 */
jest.setTimeout(90_000);

const db = useTestDatabase();
let stack: EngagementStack;

beforeAll(async () => {
  stack = await openEngagementStack(db.orm, db.url);
}, 120_000);
afterAll(() => stack?.close());

const MIN = 60_000;
const sla = (firstResponseMinutes: number) => ({
  policies: { standard: { firstResponseMinutes, resolutionMinutes: 600 } },
  defaultPolicy: 'standard',
});

const clockOf = (tenantId: string, ticketId: string) =>
  stack.env.client.workflow.getHandle<typeof slaClockWorkflow>(slaClockWorkflowId(tenantId, ticketId));
const viewUntil = (tenantId: string, ticketId: string, ready: (v: SlaClockView) => boolean, what: string) =>
  waitFor(
    async () => {
      const v = await clockOf(tenantId, ticketId)
        .query(slaClockQuery)
        .catch(() => undefined);
      return v && ready(v) ? v : undefined;
    },
    what,
    30_000,
  );

it('a running clock takes new SLA settings saved through the API', async () => {
  const tenant = await stack.tenant({ sla: sla(60) });
  const api = () => request(stack.app);
  const customer = await api()
    .post('/api/v1/customers')
    .set('Authorization', tenant.tokens.agent)
    .send({ firstName: 'Ada', lastName: 'Clock' });
  expect(customer.status).toBe(201);
  const ticket = await api()
    .post('/api/v1/tickets')
    .set('Authorization', tenant.tokens.agent)
    .send({ customerId: customer.body.id, subject: 'No answer yet' });
  expect(ticket.status).toBe(201);
  const createdAt = Date.parse(ticket.body.createdAt);
  const due = (minutes: number) => new Date(createdAt + minutes * MIN).toISOString();
  await viewUntil(tenant.id, ticket.body.id, (v) => v.firstResponseDueAt === due(60), 'the clock');
  // The dispatcher finds running clocks through visibility (eventually consistent): wait until it lists this one.
  await waitFor(async () => {
    const query = `TenantId = '${tenant.id}' AND WorkflowKind = 'sla' AND ExecutionStatus = 'Running'`;
    for await (const found of stack.env.client.workflow.list({ query })) return found.workflowId;
    return undefined;
  }, 'the clock in visibility');

  const put = await api()
    .put('/api/v1/admin/sla-settings')
    .set('Authorization', tenant.tokens.admin)
    .send(sla(120));
  expect(put.status).toBe(200);
  await viewUntil(tenant.id, ticket.body.id, (v) => v.firstResponseDueAt === due(120), 'the new due date');
  const read = await api().get(`/api/v1/tickets/${ticket.body.id}`).set('Authorization', tenant.tokens.agent);
  expect(new Date(read.body.firstResponseDueAt).toISOString()).toBe(due(120));
});

it('the backfill starts the clock of an open ticket that never had one, once', async () => {
  const tenant = await stack.tenant({ sla: sla(60) });
  // Written without the API: no ticket.created, no clock (a ticket from before the clocks).
  const em = forTenant(db.orm.em.fork(), tenant.id);
  const customer = em.create(Customer, {
    tenant: tenant.id,
    firstName: 'Old',
    lastName: 'Ticket',
    timeZone: 'UTC',
    language: 'en',
  });
  const createdAt = new Date(Date.now() - 10 * MIN);
  const ticket = em.create(Ticket, {
    tenant: tenant.id,
    customer,
    subject: 'From before the clocks',
    slaPolicy: 'standard',
    createdAt,
  });
  await em.flush();
  await expect(clockOf(tenant.id, ticket.id).describe()).rejects.toThrow();

  expect(await startSlaBackfills(stack.env.client, [tenant.id], stack.taskQueue)).toEqual({
    started: 1,
    alreadyRunning: 0,
  });
  const backfill = stack.env.client.workflow.getHandle(`sla-backfill:${tenant.id}`);
  expect(await backfill.result()).toEqual({ started: 1, alreadyRunning: 0 });
  const view = await viewUntil(
    tenant.id,
    ticket.id,
    (v) => v.firstResponseDueAt !== null,
    'the backfilled clock',
  );
  expect(view.firstResponseDueAt).toBe(new Date(createdAt.getTime() + 60 * MIN).toISOString());

  // Run again: the clock is running, nothing new starts.
  await startSlaBackfills(stack.env.client, [tenant.id], stack.taskQueue);
  expect(await backfill.result()).toEqual({ started: 0, alreadyRunning: 1 });
});
