import request from 'supertest';
import type { Express } from 'express';
import { forTenant, OutboxEvent, signSurveyLink, SurveyRequest, SurveyResponse } from '@c360/store';
import { createCustomer, openTestContext, type TestContext } from './support/testContext';

const SECRET = 'survey-api-test-secret-0123456789abcdef';

let ctx: TestContext;
let app: Express;
let agent: string;

beforeAll(async () => {
  ctx = await openTestContext('surveys');
  app = ctx.appWith({ surveyLinkSecret: SECRET });
  agent = `Bearer ${await ctx.token(ctx.a, 'agent')}`;
});
afterAll(() => ctx?.close());

const resolvedTicket = async (customerBody: Record<string, unknown> = {}) => {
  const customer = await createCustomer(ctx, ctx.a, customerBody);
  const created = await request(app)
    .post('/api/v1/tickets')
    .set('Authorization', agent)
    .send({ customerId: customer.id, subject: 'Late parcel' });
  expect(created.status).toBe(201);
  await request(app)
    .patch(`/api/v1/tickets/${created.body.id}`)
    .set('Authorization', agent)
    .send({ status: 'resolved' });
  return { customerId: customer.id, ticketId: created.body.id as string };
};

const requestSurvey = (ticketId: string, body: object = {}, token = agent) =>
  request(app).post(`/api/v1/tickets/${ticketId}/survey`).set('Authorization', token).send(body);

const loadRequest = (id: string) =>
  forTenant(ctx.orm.em.fork(), ctx.a.id).findOneOrFail(SurveyRequest, { id });

const responsesOf = (requestId: string) =>
  forTenant(ctx.orm.em.fork(), ctx.a.id).count(SurveyResponse, { request: requestId });

/** A survey request sent by hand, and its public link path. */
const survey = async (customerBody: Record<string, unknown> = {}, kind: 'csat' | 'nps' = 'csat') => {
  const { ticketId, customerId } = await resolvedTicket(customerBody);
  const res = await requestSurvey(ticketId, { kind });
  expect(res.status).toBe(202);
  const row = await loadRequest(res.body.surveyRequestId);
  return { ticketId, customerId, row, path: `/s/${signSurveyLink(SECRET, row)}` };
};

/** Opens the page as a browser would and returns its form token and cookie. */
const openForm = async (path: string) => {
  const page = await request(app).get(path);
  expect(page.status).toBe(200);
  const csrf = /name="csrf" value="([^"]+)"/.exec(page.text)?.[1];
  const cookie = (page.headers['set-cookie'] as unknown as string[])[0]!.split(';')[0]!;
  return { page, csrf: csrf!, cookie };
};

describe('POST /tickets/:id/survey', () => {
  it('creates one pending request and a survey.requested event, and refuses a second while it is open', async () => {
    const { ticketId, customerId } = await resolvedTicket();
    const res = await requestSurvey(ticketId, { kind: 'nps' });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ kind: 'nps', status: 'pending' });
    expect(res.body.workflowId).toBe(`survey:${ctx.a.id}:manual:${res.body.surveyRequestId}`);
    const events = await ctx.orm.em
      .fork()
      .find(OutboxEvent, { type: 'survey.requested', aggregateId: ticketId });
    expect(events.map((e) => e.payload)).toEqual([
      expect.objectContaining({
        customerId,
        ticketId,
        kind: 'nps',
        surveyRequestId: res.body.surveyRequestId,
      }),
    ]);
    const again = await requestSurvey(ticketId);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
  });

  it("answers 404 for an unknown ticket and for another tenant's, 400 naming a bad kind, and writes nothing", async () => {
    const { ticketId } = await resolvedTicket();
    const other = `Bearer ${await ctx.token(ctx.b, 'agent')}`;
    expect((await requestSurvey(ticketId, {}, other)).status).toBe(404);
    expect((await requestSurvey('3f6c2b1e-6a1d-4c1e-9f8a-2b7d7e0c1a55')).status).toBe(404);
    const bad = await requestSurvey(ticketId, { kind: 'stars' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('body.kind');
    expect(await forTenant(ctx.orm.em.fork(), ctx.a.id).count(SurveyRequest, { ticket: ticketId })).toBe(0);
  });
});

describe('the public survey page /s/:token', () => {
  it("shows the form in the customer's language, records the answer once, then says it was answered", async () => {
    const { row, path, customerId } = await survey({ language: 'fr' });
    const { page, csrf, cookie } = await openForm(path);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.text).toContain('<html lang="fr" dir="ltr">');
    expect(page.text).toContain('Êtes-vous satisfait de l&#39;aide reçue ?');

    const answered = await request(app)
      .post(path)
      .set('Cookie', cookie)
      .type('form')
      .send({ score: '5', comment: 'Parfait', csrf });
    expect(answered.status).toBe(200);
    expect(answered.text).toContain('Merci !');
    expect((await loadRequest(row.id)).status).toBe('answered');
    const response = await forTenant(ctx.orm.em.fork(), ctx.a.id).findOneOrFail(SurveyResponse, {
      request: row.id,
    });
    expect(response).toMatchObject({ score: 5, comment: 'Parfait', kind: 'csat' });
    const events = await ctx.orm.em
      .fork()
      .find(OutboxEvent, { type: 'survey.answered', aggregateId: row.id });
    expect(events.map((e) => e.payload)).toEqual([
      expect.objectContaining({
        surveyRequestId: row.id,
        surveyResponseId: response.id,
        workflowId: row.workflowId,
        customerId,
        score: 5,
      }),
    ]);

    // The link is single-use: opening or posting it again shows "already answered" and stores nothing.
    const reopened = await request(app).get(path);
    expect(reopened.status).toBe(409);
    expect(reopened.text).toContain('Déjà répondu');
    const replay = await request(app)
      .post(path)
      .set('Cookie', cookie)
      .type('form')
      .send({ score: '1', csrf });
    expect(replay.status).toBe(409);
    expect(await responsesOf(row.id)).toBe(1);
  });

  it('renders Arabic right to left', async () => {
    const { path } = await survey({ language: 'ar' });
    const page = await request(app).get(path);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="ar" dir="rtl">');
  });

  it('refuses a link whose signature does not verify, and one for an unknown token, as not valid', async () => {
    const { path, row } = await survey();
    const tampered = path.slice(0, -1) + (path.endsWith('A') ? 'B' : 'A');
    const res = await request(app).get(tampered);
    expect(res.status).toBe(404);
    expect(res.text).toContain('Link not valid');
    // Another expiry with the old signature: the expiry is signed too.
    const [token, exp, sig] = path.slice(3).split('.');
    expect((await request(app).get(`/s/${token}.${Number(exp) + 3600}.${sig}`)).status).toBe(404);
    expect((await request(app).post(tampered).type('form').send({ score: '5' })).status).toBe(404);
    expect((await request(app).get('/s/not-a-link')).status).toBe(404);
    expect(await responsesOf(row.id)).toBe(0);
  });

  it('shows the expired page for a link past its expiry, and stores nothing', async () => {
    const { row } = await survey();
    const past = new Date(Date.now() - 60_000);
    await forTenant(ctx.orm.em.fork(), ctx.a.id).nativeUpdate(
      SurveyRequest,
      { id: row.id },
      { expiresAt: past },
    );
    const path = `/s/${signSurveyLink(SECRET, { ...row, expiresAt: past })}`;
    const res = await request(app).get(path);
    expect(res.status).toBe(410);
    expect(res.text).toContain('This survey has expired');
    expect((await request(app).post(path).type('form').send({ score: '4' })).status).toBe(410);
    expect(await responsesOf(row.id)).toBe(0);
  });

  it('refuses a post without the form token (forgery) and a score out of range, naming it, storing nothing', async () => {
    const { row, path } = await survey({}, 'nps');
    const forged = await request(app).post(path).type('form').send({ score: '10' });
    expect(forged.status).toBe(403);
    const { csrf, cookie } = await openForm(path);
    const wrongCookie = await request(app)
      .post(path)
      .set('Cookie', 'c360_survey_form=someone-else')
      .type('form')
      .send({ score: '10', csrf });
    expect(wrongCookie.status).toBe(403);
    const bad = await request(app).post(path).set('Cookie', cookie).type('form').send({ score: '11', csrf });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Please choose a score from 0 to 10.');
    expect(await responsesOf(row.id)).toBe(0);
    expect((await loadRequest(row.id)).status).toBe('pending');
  });

  it('shows the closed page once the survey was cancelled', async () => {
    const { row, path } = await survey();
    await forTenant(ctx.orm.em.fork(), ctx.a.id).nativeUpdate(
      SurveyRequest,
      { id: row.id },
      { status: 'cancelled' },
    );
    const res = await request(app).get(path);
    expect(res.status).toBe(410);
    expect(res.text).toContain('This survey is closed');
  });
});
