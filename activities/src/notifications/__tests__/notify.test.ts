import { randomUUID } from 'node:crypto';
import { startSandbox, type RunningSandbox } from '@c360/sandbox';
import { forTenant, Notification, useTestDatabase } from '@c360/store';
import { createNotificationActivities } from '../createNotificationActivities';
import { createNotificationMailer, type NotificationMailer } from '../notificationMailer';
import { createNotificationTenant } from './support/notificationFixture';

/**
 * The notify activity on the real PostgreSQL, mailing through the sandbox's SMTP capture.
 */
const db = useTestDatabase();
let sandbox: RunningSandbox;
let mailer: NotificationMailer;

// Sandbox answers are read field by field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const mailTo = async (to: string): Promise<any[]> => {
  const res = await fetch(`${sandbox.url}/_control/mail?to=${encodeURIComponent(to)}`);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return ((await res.json()) as { data: any[] }).data;
};

beforeAll(async () => {
  sandbox = await startSandbox({ C360_SANDBOX_AUTO_STATUSES: [], C360_SANDBOX_WEBHOOK_RETRY_MS: [] });
  mailer = createNotificationMailer({
    host: sandbox.smtp.host,
    port: sandbox.smtp.port,
    secure: false,
    from: 'c360@c360.test',
  });
});
afterAll(async () => {
  mailer.close();
  await sandbox.close();
});

const itemsOf = (tenantId: string, userId: string) =>
  forTenant(db.orm.em.fork(), tenantId).find(Notification, { user: userId }, { orderBy: { seq: 'asc' } });

describe('notify', () => {
  it('resolves the audience from user ids, roles and the customer owner, each active user once', async () => {
    const t = await createNotificationTenant(db.orm);
    const other = await createNotificationTenant(db.orm);
    const { notify } = createNotificationActivities({ orm: db.orm, mailer });
    const result = await notify({
      tenantId: t.tenantId,
      category: 'customer',
      audience: {
        userIds: [t.users.manager.id, other.users.agent.id, randomUUID()],
        roles: ['manager'],
        ownerOfCustomerId: t.customerId,
      },
      title: 'Health dropped',
      dedupeKey: 'health:1',
    });
    // manager (by id and role: once), boss (role), agent (owner); not the retired manager, not another tenant's user.
    expect(result).toEqual({ notified: 3 });
    for (const u of [t.users.manager, t.users.managerAdmin, t.users.agent])
      expect(await itemsOf(t.tenantId, u.id)).toHaveLength(1);
    for (const u of [t.users.agent2, t.users.retired])
      expect(await itemsOf(t.tenantId, u.id)).toHaveLength(0);
    expect(await itemsOf(other.tenantId, other.users.agent.id)).toHaveLength(0);
  });

  it('honours each user preference per category, defaulting by category', async () => {
    const t = await createNotificationTenant(db.orm);
    await t.setPreference(t.users.agent.id, 'sla', 'none');
    await t.setPreference(t.users.agent2.id, 'sla', 'in_app');
    await t.setPreference(t.users.manager.id, 'sla', 'email');
    const { notify } = createNotificationActivities({ orm: db.orm, mailer });
    const result = await notify({
      tenantId: t.tenantId,
      category: 'sla',
      audience: { roles: ['agent', 'manager'] },
      title: 'SLA at risk on ticket 42',
      body: '80% of the first-response time used',
      link: '/tickets/42',
      dedupeKey: 'sla-risk:42',
    });
    expect(result).toEqual({ notified: 3 });
    expect(await itemsOf(t.tenantId, t.users.agent.id)).toHaveLength(0);
    expect((await itemsOf(t.tenantId, t.users.agent2.id))[0]?.delivery).toBe('in_app');
    // No choice made: the sla default is a toast.
    expect((await itemsOf(t.tenantId, t.users.managerAdmin.id))[0]?.delivery).toBe('toast');
    const [emailed] = await itemsOf(t.tenantId, t.users.manager.id);
    expect(emailed?.delivery).toBe('email');
    expect(emailed?.emailedAt).toBeInstanceOf(Date);
    const mails = await mailTo(t.users.manager.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      subject: 'SLA at risk on ticket 42',
      messageId: `<notification-${emailed?.id}@c360.local>`,
    });
    expect(mails[0].text).toContain('80% of the first-response time used');
    expect(mails[0].text).toContain('/tickets/42');
    expect(await mailTo(t.users.managerAdmin.email)).toHaveLength(0);
  });

  it('notifies each user once per dedupe key, also when calls race', async () => {
    const t = await createNotificationTenant(db.orm);
    await t.setPreference(t.users.manager.id, 'vip', 'email');
    const { notify } = createNotificationActivities({ orm: db.orm, mailer });
    const input = {
      tenantId: t.tenantId,
      category: 'vip' as const,
      audience: { roles: ['manager' as const] },
      title: 'Ana is now a VIP',
      dedupeKey: `vip:${t.customerId}`,
    };
    const results = await Promise.all([notify(input), notify(input), notify(input)]);
    expect(results).toEqual([{ notified: 2 }, { notified: 2 }, { notified: 2 }]);
    await notify(input);
    expect(await itemsOf(t.tenantId, t.users.manager.id)).toHaveLength(1);
    expect(await itemsOf(t.tenantId, t.users.managerAdmin.id)).toHaveLength(1);
    expect(await mailTo(t.users.manager.email)).toHaveLength(1);
  });

  it('keeps an email item when the SMTP server is down and mails it once on the retry', async () => {
    const t = await createNotificationTenant(db.orm);
    await t.setPreference(t.users.agent.id, 'customer', 'email');
    const deadMailer = createNotificationMailer({
      host: '127.0.0.1',
      port: 1,
      secure: false,
      from: 'c360@c360.test',
    });
    const input = {
      tenantId: t.tenantId,
      category: 'customer' as const,
      audience: { userIds: [t.users.agent.id] },
      title: 'Churn risk high for Ana',
      dedupeKey: `churn:${t.customerId}`,
    };
    await expect(
      createNotificationActivities({ orm: db.orm, mailer: deadMailer }).notify(input),
    ).rejects.toThrow();
    deadMailer.close();
    const [pending] = await itemsOf(t.tenantId, t.users.agent.id);
    expect(pending?.emailedAt).toBeNull();
    await createNotificationActivities({ orm: db.orm, mailer }).notify(input);
    await createNotificationActivities({ orm: db.orm, mailer }).notify(input);
    expect(await itemsOf(t.tenantId, t.users.agent.id)).toHaveLength(1);
    expect(await mailTo(t.users.agent.email)).toHaveLength(1);
  });

  it('refuses bad input without writing anything', async () => {
    const t = await createNotificationTenant(db.orm);
    const { notify } = createNotificationActivities({ orm: db.orm, mailer });
    await expect(
      notify({
        tenantId: t.tenantId,
        category: 'system',
        audience: { roles: ['agent'] },
        title: ' ',
        dedupeKey: 'x',
      }),
    ).rejects.toThrow(/title is empty/);
    expect(await itemsOf(t.tenantId, t.users.agent.id)).toHaveLength(0);
  });
});
