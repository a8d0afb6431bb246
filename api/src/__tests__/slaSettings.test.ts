import request from 'supertest';
import type { Express } from 'express';
import { forTenant, OutboxEvent, SLA_SETTINGS_CHANGED } from '@c360/store';
import { openTestContext, type TestContext } from './support/testContext';

let ctx: TestContext;
let app: Express;
beforeAll(async () => {
  ctx = await openTestContext('slasettings');
  app = ctx.appWith({});
}, 120_000);
afterAll(async () => ctx?.close());

const PATH = '/api/v1/admin/sla-settings';

it("stores the tenant's SLA policies with defaults and refuses bad ones with 400 naming the field, changing nothing", async () => {
  const admin = `Bearer ${await ctx.token(ctx.a, 'admin')}`;
  const read = await request(app).get(PATH).set('Authorization', admin);
  expect(read.status).toBe(200);
  expect(read.body).toMatchObject({
    defaultPolicy: 'standard',
    riskThreshold: 0.8,
    policies: {
      standard: { firstResponseMinutes: 240, resolutionMinutes: 2880 },
      vip: { firstResponseMinutes: 60 },
    },
  });

  const bad = await request(app)
    .put(PATH)
    .set('Authorization', admin)
    .send({
      riskThreshold: 1.5,
      policies: { office: { firstResponseMinutes: 30, resolutionMinutes: 240, businessHoursOnly: true } },
      defaultPolicy: 'office',
      businessHours: { timeZone: 'Mars/Olympus', week: { mon: [{ from: '09:00', to: '17:00' }] } },
    });
  expect(bad.status).toBe(400);
  expect((bad.body.error.fields as { path: string }[]).map((f) => f.path).sort()).toEqual([
    'body.businessHours.timeZone',
    'body.riskThreshold',
  ]);
  expect((await request(app).get(PATH).set('Authorization', admin)).body).toEqual(read.body);
  const announced = () =>
    forTenant(ctx.orm.em.fork(), ctx.a.id).count(OutboxEvent, {
      tenantId: ctx.a.id,
      type: SLA_SETTINGS_CHANGED,
    });
  expect(await announced()).toBe(0);

  const good = {
    policies: { office: { firstResponseMinutes: 30, resolutionMinutes: 240, businessHoursOnly: true } },
    defaultPolicy: 'office',
    businessHours: { week: { mon: [{ from: '09:00', to: '17:00' }] } },
  };
  const put = await request(app).put(PATH).set('Authorization', admin).send(good);
  expect(put.status).toBe(200);
  expect(put.body).toMatchObject({ ...good, riskThreshold: 0.8, businessHours: { holidays: [] } });
  expect((await request(app).get(PATH).set('Authorization', admin)).body).toEqual(put.body);
  // Announced in the same transaction, for the running clocks (the dispatcher signals them).
  expect(await announced()).toBe(1);
});

it('lets managers read and only admins replace the SLA policies', async () => {
  const manager = `Bearer ${await ctx.token(ctx.a, 'manager')}`;
  const agent = `Bearer ${await ctx.token(ctx.a, 'agent')}`;
  expect((await request(app).get(PATH).set('Authorization', manager)).status).toBe(200);
  expect((await request(app).get(PATH).set('Authorization', agent)).status).toBe(403);
  expect((await request(app).put(PATH).set('Authorization', manager).send({})).status).toBe(403);
});
