import request from 'supertest';
import { ChannelIdentity, forTenant, Message, SurveyResponse, useTestDatabase, waitFor } from '@c360/store';
import { openEngagementStack, type EngagementStack } from '../support/engagementStack';

/**
 * The post-resolution survey end to end on the real PostgreSQL and Temporal dev server: a ticket
 * resolved through the API, `ticket.resolved` dispatched by the outbox relay, the survey
 * workflow and the send path on a worker, the invite captured by the sandbox's SMTP server, the
 * answer given at the public link, and the answer in /analytics/trends.
 */
jest.setTimeout(90_000);

const db = useTestDatabase();
let stack: EngagementStack;

beforeAll(async () => {
  stack = await openEngagementStack(db.orm, db.url);
}, 120_000);
afterAll(() => stack?.close());

type AnyJson = Record<string, unknown>;

it('resolves a ticket, mails the survey, takes the answer at the public link and shows it in the trends', async () => {
  const tenant = await stack.tenant({ surveys: { delayMinutes: 0 } });
  const api = () => request(stack.app);
  const email = `grace.${Date.now()}@example.test`;
  const customer = await api()
    .post('/api/v1/customers')
    .set('Authorization', tenant.tokens.agent)
    .send({ firstName: 'Grace', lastName: 'Hopper', emails: [email], language: 'fr' });
  expect(customer.status).toBe(201);
  const prefs = await api()
    .post(`/api/v1/customers/${customer.body.id}/preferences`)
    .set('Authorization', tenant.tokens.agent)
    .send({ channels: { email: { optedIn: true } } });
  expect(prefs.status).toBe(200);
  const ticket = await api()
    .post('/api/v1/tickets')
    .set('Authorization', tenant.tokens.agent)
    .send({ customerId: customer.body.id, subject: 'Colis en retard' });
  expect(ticket.status).toBe(201);
  const resolved = await api()
    .patch(`/api/v1/tickets/${ticket.body.id}`)
    .set('Authorization', tenant.tokens.agent)
    .send({ status: 'resolved' });
  expect(resolved.status).toBe(200);

  // The invite arrives in the sandbox's mailbox, in the customer's language, with the link.
  const mail = await waitFor(
    async () => {
      const res = await fetch(`${stack.sandbox.url}/_control/mail?to=${encodeURIComponent(email)}`);
      const items = ((await res.json()) as { data: AnyJson[] }).data;
      return items[0];
    },
    'the survey e-mail in the sandbox',
    60_000,
  );
  expect(mail['subject']).toBe('Comment nous sommes-nous débrouillés ?');
  const link = new RegExp(`${stack.publicBaseUrl}(/s/[A-Za-z0-9_.-]+)`).exec(String(mail['text']))?.[1];
  expect(link).toBeDefined();

  // The customer opens the public page and answers.
  const page = await api().get(link!);
  expect(page.status).toBe(200);
  const csrf = /name="csrf" value="([^"]+)"/.exec(page.text)![1]!;
  const cookie = (page.headers['set-cookie'] as unknown as string[])[0]!.split(';')[0]!;
  const answered = await api()
    .post(link!)
    .set('Cookie', cookie)
    .type('form')
    .send({ score: '4', comment: 'Rapide', csrf });
  expect(answered.status).toBe(200);

  // The workflow hears of it (survey.answered through the dispatcher) and finishes answered.
  const workflowId = `survey:${tenant.id}:${ticket.body.id}:${new Date(resolved.body.resolvedAt).getTime()}`;
  const result = (await stack.env.client.workflow.getHandle(workflowId).result()) as AnyJson;
  expect(result).toMatchObject({ outcome: 'answered', score: 4, channel: 'email' });

  const trends = await api()
    .get('/api/v1/analytics/trends?metric=csat&interval=day')
    .set('Authorization', tenant.tokens.manager);
  expect(trends.status).toBe(200);
  const points = trends.body.points as { count: number; value: number | null }[];
  expect(points.reduce((n, p) => n + p.count, 0)).toBe(1);
  expect(points.find((p) => p.count === 1)?.value).toBe(100);
});

it('asks by WhatsApp Flow; the answer comes back as a signed nfm_reply webhook, is stored and ends the workflow', async () => {
  const tenant = await stack.tenant(
    { surveys: { delayMinutes: 0, whatsappFlowId: '800000000000001' } },
    { whatsapp: true },
  );
  const api = () => request(stack.app);
  const em = () => forTenant(db.orm.em.fork(), tenant.id);
  // The customer writes in on WhatsApp (the webhook creates them and opens the 24-hour window).
  const waId = `1555${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;
  const hello = await stack.control('POST', '/whatsapp/inbound', {
    from: waId,
    name: 'Ada Lovelace',
    text: 'Hi',
  });
  expect(hello.status).toBe(202);
  const identity = await waitFor(
    async () => (await em().findOne(ChannelIdentity, { channel: 'whatsapp', externalId: waId })) ?? undefined,
    'the WhatsApp customer from the webhook',
  );
  const customerId = identity.customer.id;
  const prefs = await api()
    .post(`/api/v1/customers/${customerId}/preferences`)
    .set('Authorization', tenant.tokens.agent)
    .send({ channels: { whatsapp: { optedIn: true } } });
  expect(prefs.status).toBe(200);
  const ticket = await api()
    .post('/api/v1/tickets')
    .set('Authorization', tenant.tokens.agent)
    .send({ customerId, subject: 'Parcel late' });
  expect(ticket.status).toBe(201);
  const resolved = await api()
    .patch(`/api/v1/tickets/${ticket.body.id}`)
    .set('Authorization', tenant.tokens.agent)
    .send({ status: 'resolved' });
  expect(resolved.status).toBe(200);

  // The flow message arrives in the sandbox, and the customer completes the flow.
  const flow = await waitFor(
    async () => {
      const sent = (await stack.control('GET', `/whatsapp/messages?to=${waId}`)).json.data as AnyJson[];
      return sent.find((m) => m['type'] === 'interactive');
    },
    'the survey flow message in the sandbox',
    60_000,
  );
  // A score out of range (CSAT is 1-5) is kept as the inbound message it is, and answers nothing.
  const bad = await stack.control('POST', '/whatsapp/flow-replies', {
    messageId: flow['id'],
    response: { score: 9 },
  });
  expect(bad.status).toBe(202);
  await waitFor(
    async () => (await em().findOne(Message, { providerMessageId: bad.json.messageId })) ?? undefined,
    'the out-of-range reply stored as a message',
  );
  expect(await em().count(SurveyResponse, { customer: customerId })).toBe(0);

  const answered = await stack.control('POST', '/whatsapp/flow-replies', {
    messageId: flow['id'],
    response: { score: 5, comment: 'Very quick' },
  });
  expect(answered.status).toBe(202);

  const workflowId = `survey:${tenant.id}:${ticket.body.id}:${new Date(resolved.body.resolvedAt).getTime()}`;
  const result = (await stack.env.client.workflow.getHandle(workflowId).result()) as AnyJson;
  expect(result).toMatchObject({ outcome: 'answered', score: 5, channel: 'whatsapp' });
  const stored = await em().find(SurveyResponse, { customer: customerId });
  expect(stored.map((r) => [r.score, r.comment, r.channel])).toEqual([[5, 'Very quick', 'whatsapp']]);

  // The link is single-use: a second completion of the flow changes nothing.
  const again = await stack.control('POST', '/whatsapp/flow-replies', {
    messageId: flow['id'],
    response: { score: 1 },
  });
  await waitFor(
    async () => (await em().findOne(Message, { providerMessageId: again.json.messageId })) ?? undefined,
    'the second reply stored as a message',
  );
  expect((await em().find(SurveyResponse, { customer: customerId })).map((r) => r.score)).toEqual([5]);
});
