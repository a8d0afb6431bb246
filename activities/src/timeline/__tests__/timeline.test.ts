import { Customer, forTenant, loadJourneyPage, Tenant, useTestDatabase } from '@c360/store';
import { createTimelineActivities } from '../createTimelineActivities';

const db = useTestDatabase();
let tenantId: string;
let otherTenantId: string;
let customerId: string;

beforeAll(async () => {
  const em = db.orm.em.fork();
  const t = em.create(Tenant, { name: 'Timeline', slug: 'timeline', timeZone: 'UTC' });
  const o = em.create(Tenant, { name: 'Other', slug: 'timeline-other', timeZone: 'UTC' });
  await em.flush();
  tenantId = t.id;
  otherTenantId = o.id;
  const scoped = forTenant(db.orm.em.fork(), tenantId);
  const c = scoped.create(Customer, {
    tenant: tenantId,
    firstName: 'Amal',
    lastName: 'Haddad',
    timeZone: 'Asia/Beirut',
    language: 'ar',
  });
  await scoped.flush();
  customerId = c.id;
});

describe('recordTimelineEvent', () => {
  const recordTimelineEvent = (
    i: Parameters<ReturnType<typeof createTimelineActivities>['recordTimelineEvent']>[0],
  ) => createTimelineActivities({ orm: db.orm }).recordTimelineEvent(i);
  const input = () => ({
    tenantId,
    customerId,
    kind: 'sla_breach',
    title: 'First response missed',
    data: { ticketId: 't-1', timer: 'first_response' },
    occurredAt: '2026-11-20T10:00:00.000Z',
    dedupeKey: 'sla:t-1:first_response:breach',
  });

  it('writes the event once however often the activity is retried, and the journey shows it in its stage', async () => {
    expect(await recordTimelineEvent(input())).toEqual({ recorded: true });
    expect(await recordTimelineEvent(input())).toEqual({ recorded: false });
    const rows = await loadJourneyPage(db.orm.em.fork(), tenantId, {
      customerId,
      limit: 10,
      kinds: ['timeline_event'],
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: 'timeline_event',
      stage: 'service',
      at: new Date('2026-11-20T10:00:00.000Z'),
      data: { eventKind: 'sla_breach', title: 'First response missed', details: { ticketId: 't-1' } },
    });
  });

  it('writes nothing for a customer of another tenant', async () => {
    expect(await recordTimelineEvent({ ...input(), tenantId: otherTenantId, dedupeKey: 'x' })).toEqual({
      recorded: false,
    });
    const [row] = await db.orm.em
      .fork()
      .execute<
        { n: string }[]
      >(`select count(*) as n from timeline_event where tenant_id = ?`, [otherTenantId]);
    expect(Number(row?.n)).toBe(0);
  });
});
