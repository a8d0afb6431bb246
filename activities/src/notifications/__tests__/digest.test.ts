import { startSandbox, type RunningSandbox } from '@c360/sandbox';
import { forTenant, Notification, useTestDatabase } from '@c360/store';
import { createNotificationActivities } from '../createNotificationActivities';
import { createNotificationMailer, type NotificationMailer } from '../notificationMailer';
import { createNotificationTenant } from './support/notificationFixture';

/** Burst folding and digest mails, on the real PostgreSQL and the sandbox's SMTP capture. */
const db = useTestDatabase();
let sandbox: RunningSandbox;
let mailer: NotificationMailer;

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

// 10:00:00 UTC; with 10-minute windows the window is [10:00, 10:10).
const start = new Date('2026-11-29T10:00:00.000Z');
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

const setup = async () => {
  const t = await createNotificationTenant(db.orm, {
    notifications: {
      digest: { maxItemsPerWindow: 10, windowMinutes: 60 },
      categories: { sla: { maxItemsPerWindow: 3, windowMinutes: 10 } },
    },
  });
  let now = start;
  const activities = createNotificationActivities({ orm: db.orm, mailer, clock: () => now });
  const notify = (n: number, userId: string) =>
    activities.notify({
      tenantId: t.tenantId,
      category: 'sla',
      audience: { userIds: [userId] },
      title: `SLA at risk on ticket ${n}`,
      link: `/tickets/${n}`,
      dedupeKey: `sla-risk:${n}`,
    });
  const visible = () =>
    forTenant(db.orm.em.fork(), t.tenantId).find(
      Notification,
      { foldedInto: null },
      { orderBy: { seq: 'asc' } },
    );
  return { t, activities, notify, visible, setNow: (d: Date) => (now = d) };
};

describe('digest', () => {
  it('folds a burst past the tenant limit into one digest item per window, once per dedupe key', async () => {
    const { t, notify, visible, setNow } = await setup();
    const user = t.users.agent.id;
    for (let n = 1; n <= 8; n += 1) {
      setNow(at(n * 10));
      await notify(n, user);
    }
    await notify(7, user); // a retried call of a folded item
    const items = await visible();
    expect(items.map((i) => i.title)).toEqual([
      'SLA at risk on ticket 1',
      'SLA at risk on ticket 2',
      'SLA at risk on ticket 3',
      '5 more SLA notifications',
    ]);
    const digest = items[3]!;
    expect(digest.foldedCount).toBe(5);
    expect(digest.seq).toBeGreaterThan(items[2]!.seq);
    const folded = await forTenant(db.orm.em.fork(), t.tenantId).find(Notification, {
      foldedInto: digest.id,
    });
    expect(folded.map((f) => f.dedupeKey).sort()).toEqual([
      'sla-risk:4',
      'sla-risk:5',
      'sla-risk:6',
      'sla-risk:7',
      'sla-risk:8',
    ]);

    // The next window starts afresh.
    setNow(at(11 * 60));
    await notify(9, user);
    expect((await visible()).at(-1)?.title).toBe('SLA at risk on ticket 9');
  });

  it('mails an email user one digest per window, only once the window has ended', async () => {
    const { t, activities, notify, setNow } = await setup();
    const user = t.users.manager;
    await t.setPreference(user.id, 'sla', 'email');
    for (let n = 1; n <= 6; n += 1) {
      setNow(at(n * 10));
      await notify(n, user.id);
    }
    // Three single mails, none for the folded three yet.
    expect(await mailTo(user.email)).toHaveLength(3);
    expect(await activities.sendDueNotificationDigests({ now: at(9 * 60).toISOString() })).toEqual({
      digests: 0,
      emails: 0,
    });
    expect(await activities.sendDueNotificationDigests({ now: at(10 * 60).toISOString() })).toEqual({
      digests: 1,
      emails: 1,
    });
    expect(await activities.sendDueNotificationDigests({ now: at(20 * 60).toISOString() })).toEqual({
      digests: 0,
      emails: 0,
    });
    const mails = await mailTo(user.email);
    expect(mails).toHaveLength(4);
    const digestMail = mails.find((m) => m.subject === '3 more SLA notifications');
    expect(digestMail.text).toContain('SLA at risk on ticket 4');
    expect(digestMail.text).toContain('SLA at risk on ticket 6');
  });
});
