import request from 'supertest';
import { AuditLog, Customer, forTenant, OutboxEvent } from '@c360/store';
import { createCustomer, openTestContext, type TestContext } from './support/testContext';

let ctx: TestContext;
let agent: string;

beforeAll(async () => {
  ctx = await openTestContext('prefs');
  agent = `Bearer ${await ctx.token(ctx.a, 'agent')}`;
});
afterAll(() => ctx?.close());

const auditCount = (customerId: string) =>
  forTenant(ctx.orm.em, ctx.a.id).count(AuditLog, { entityId: customerId });

describe('preferences and consent', () => {
  it('starts opted in nowhere, in the language of the customer', async () => {
    const customer = await createCustomer(ctx, ctx.a, { language: 'fr' });
    const res = await request(ctx.app)
      .get(`/api/v1/customers/${customer.id}/preferences`)
      .set('Authorization', agent);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      customerId: customer.id,
      preferences: {
        channels: { whatsapp: { optedIn: false }, email: { optedIn: false }, sms: { optedIn: false } },
        quietHours: null,
        language: 'fr',
      },
    });
  });

  it('stores a change in customFields.marketingPreferences and appends one consent event per changed channel', async () => {
    const customer = await createCustomer(ctx, ctx.a);
    const outboxBefore = await ctx.orm.em.fork().count(OutboxEvent, { aggregateId: customer.id });
    const res = await request(ctx.app)
      .post(`/api/v1/customers/${customer.id}/preferences`)
      .set('Authorization', agent)
      .send({
        channels: { email: { optedIn: true }, sms: { optedIn: false } },
        quietHours: { start: '21:00', end: '08:00', timeZone: 'Europe/Paris' },
        reason: 'asked on the phone',
        source: 'phone',
      });
    expect(res.status).toBe(200);
    expect(res.body.preferences).toEqual({
      channels: { whatsapp: { optedIn: false }, email: { optedIn: true }, sms: { optedIn: false } },
      quietHours: { start: '21:00', end: '08:00', timeZone: 'Europe/Paris' },
      language: 'en',
    });
    // sms did not change, so only e-mail is a consent event.
    expect(res.body.consentEvents).toEqual([
      expect.objectContaining({
        customerId: customer.id,
        action: 'consent.granted',
        channel: 'email',
        granted: true,
        previouslyGranted: false,
        reason: 'asked on the phone',
        source: 'phone',
        actorType: 'user',
        actorId: ctx.a.users.agent.id,
        requestId: res.headers['x-request-id'],
      }),
    ]);

    const row = await forTenant(ctx.orm.em, ctx.a.id).findOneOrFail(Customer, { id: customer.id });
    expect(row.customFields.marketingPreferences).toEqual(res.body.preferences);
    // The change also went to the outbox, in the same transaction, for the search index.
    expect(await ctx.orm.em.fork().count(OutboxEvent, { aggregateId: customer.id })).toBeGreaterThan(
      outboxBefore,
    );
    // Quiet hours changed too: an audit row of its own, not a consent event.
    const settings = await forTenant(ctx.orm.em, ctx.a.id).find(AuditLog, {
      entityId: customer.id,
      action: 'preferences.updated',
    });
    expect(settings).toHaveLength(1);

    const logs = await request(ctx.app)
      .get(`/api/v1/customers/${customer.id}/consent/logs`)
      .set('Authorization', agent);
    expect(logs.status).toBe(200);
    expect(logs.body).toMatchObject({ page: 1, pageSize: 25, total: 1 });
    expect(logs.body.items[0]).toEqual(res.body.consentEvents[0]);
  });

  it('records consent through /consent, even when it confirms the current state, and lists the log newest first', async () => {
    const customer = await createCustomer(ctx, ctx.a);
    const consent = (granted: boolean, reason: string) =>
      request(ctx.app)
        .post(`/api/v1/customers/${customer.id}/consent`)
        .set('Authorization', agent)
        .send({ channel: 'whatsapp', granted, reason, source: 'whatsapp_stop' });

    const first = await consent(true, 'replied START');
    expect(first.status).toBe(201);
    expect(first.body.preferences.channels.whatsapp).toEqual({ optedIn: true });
    expect((await consent(true, 'confirmed again')).status).toBe(201);
    const revoked = await consent(false, 'replied STOP');
    expect(revoked.body.consentEvents).toEqual([
      expect.objectContaining({
        action: 'consent.revoked',
        channel: 'whatsapp',
        granted: false,
        previouslyGranted: true,
      }),
    ]);

    const page1 = await request(ctx.app)
      .get(`/api/v1/customers/${customer.id}/consent/logs`)
      .query({ pageSize: 2 })
      .set('Authorization', agent);
    expect(page1.body.total).toBe(3);
    expect(page1.body.items.map((e: { reason: string }) => e.reason)).toEqual([
      'replied STOP',
      'confirmed again',
    ]);
    const page2 = await request(ctx.app)
      .get(`/api/v1/customers/${customer.id}/consent/logs`)
      .query({ pageSize: 2, page: 2 })
      .set('Authorization', agent);
    expect(
      page2.body.items.map((e: { reason: string; previouslyGranted: boolean }) => [
        e.reason,
        e.previouslyGranted,
      ]),
    ).toEqual([['replied START', false]]);
  });

  it('refuses a bad change as a whole: nothing stored, nothing audited', async () => {
    const customer = await createCustomer(ctx, ctx.a);
    const before = await auditCount(customer.id);
    const bad = [
      { channels: { email: { optedIn: true }, telegram: { optedIn: true } } },
      { channels: { email: { optedIn: 'yes' } } },
      {
        channels: { email: { optedIn: true } },
        quietHours: { start: '25:00', end: '08:00', timeZone: 'Nowhere/Land' },
      },
      { reason: 'no actual change' },
      { channels: { sms: { optedIn: true } }, source: 'Not A Token' },
    ];
    for (const body of bad) {
      const res = await request(ctx.app)
        .post(`/api/v1/customers/${customer.id}/preferences`)
        .set('Authorization', agent)
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.fields.length).toBeGreaterThan(0);
    }
    const several = await request(ctx.app)
      .post(`/api/v1/customers/${customer.id}/preferences`)
      .set('Authorization', agent)
      .send({
        channels: { email: { optedIn: true } },
        quietHours: { start: '25:00', end: '08:00', timeZone: 'Nowhere/Land' },
      });
    expect(several.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'body.quietHours.start',
      'body.quietHours.timeZone',
    ]);
    const consent = await request(ctx.app)
      .post(`/api/v1/customers/${customer.id}/consent`)
      .set('Authorization', agent)
      .send({ channel: 'fax', granted: 'yes' });
    expect(consent.status).toBe(400);
    expect(consent.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'body.channel',
      'body.granted',
      'body.reason',
      'body.source',
    ]);

    expect(await auditCount(customer.id)).toBe(before);
    const prefs = await request(ctx.app)
      .get(`/api/v1/customers/${customer.id}/preferences`)
      .set('Authorization', agent);
    expect(prefs.body.preferences.channels.email).toEqual({ optedIn: false });
  });

  it('keeps every change when several arrive at once (the row is locked, not overwritten)', async () => {
    const customer = await createCustomer(ctx, ctx.a);
    const send = (channel: string) =>
      request(ctx.app)
        .post(`/api/v1/customers/${customer.id}/consent`)
        .set('Authorization', agent)
        .send({ channel, granted: true, reason: 'campaign form', source: 'web_form' });
    const answers = await Promise.all([send('whatsapp'), send('email'), send('sms')]);
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201]);
    const prefs = await request(ctx.app)
      .get(`/api/v1/customers/${customer.id}/preferences`)
      .set('Authorization', agent);
    expect(prefs.body.preferences.channels).toEqual({
      whatsapp: { optedIn: true },
      email: { optedIn: true },
      sms: { optedIn: true },
    });
    const logs = await request(ctx.app)
      .get(`/api/v1/customers/${customer.id}/consent/logs`)
      .set('Authorization', agent);
    expect(logs.body.items.map((e: { previouslyGranted: boolean }) => e.previouslyGranted)).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('lets marketers read preferences but not change them', async () => {
    const customer = await createCustomer(ctx, ctx.a);
    const marketer = `Bearer ${await ctx.token(ctx.a, 'marketer')}`;
    expect(
      (
        await request(ctx.app)
          .get(`/api/v1/customers/${customer.id}/preferences`)
          .set('Authorization', marketer)
      ).status,
    ).toBe(200);
    const res = await request(ctx.app)
      .post(`/api/v1/customers/${customer.id}/preferences`)
      .set('Authorization', marketer)
      .send({ channels: { email: { optedIn: true } } });
    expect(res.status).toBe(403);
  });
});
