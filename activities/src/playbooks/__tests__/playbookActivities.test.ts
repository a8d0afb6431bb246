import { forTenant, PlaybookTicket, Ticket, Customer, useTestDatabase } from '@c360/store';
import type { OpenFollowUpTicketInput } from '@c360/workflows';
import { createPlaybookActivities } from '../createPlaybookActivities';
import { addDeal, addMessage, createPlaybookFixture, type PlaybookFixture } from './support/playbookFixture';

/** The playbook steps on the real PostgreSQL: each is idempotent under retries and races. */
const db = useTestDatabase();
let f: PlaybookFixture;
let acts: ReturnType<typeof createPlaybookActivities>;
beforeAll(async () => {
  f = await createPlaybookFixture(db.orm);
  acts = createPlaybookActivities({ orm: db.orm });
});

const ticketOf = (id: string) => forTenant(db.orm.em.fork(), f.tenantId).findOneOrFail(Ticket, { id });

describe('playbook activities', () => {
  it('tags a customer once, whatever the case of an existing tag', async () => {
    expect(await acts.tagCustomer({ tenantId: f.tenantId, customerId: f.customerId, tag: 'VIP' })).toEqual({
      added: true,
    });
    expect(await acts.tagCustomer({ tenantId: f.tenantId, customerId: f.customerId, tag: 'vip' })).toEqual({
      added: false,
    });
    const customer = await forTenant(db.orm.em.fork(), f.tenantId).findOneOrFail(Customer, {
      id: f.customerId,
    });
    expect(customer.tags).toEqual(['VIP']);
  });

  it("raises the customer's open tickets, not resolved ones nor those already higher", async () => {
    const first = await acts.raiseOpenTicketPriority({
      tenantId: f.tenantId,
      customerId: f.customerId,
      priority: 'high',
    });
    expect(first.raised).toEqual([f.openTicketId]);
    expect((await ticketOf(f.openTicketId)).priority).toBe('high');
    expect((await ticketOf(f.ratedTicketId)).priority).toBe('normal');
    const again = await acts.raiseOpenTicketPriority({
      tenantId: f.tenantId,
      customerId: f.customerId,
      priority: 'high',
    });
    expect(again.raised).toEqual([]);
  });

  it('opens one follow-up ticket per key, for the first active manager, even when retried concurrently', async () => {
    const input: OpenFollowUpTicketInput = {
      tenantId: f.tenantId,
      customerId: f.customerId,
      key: 'playbook:lowCsat:t:c:r1:followup',
      workflowId: 'playbook:lowCsat:t:c:r1',
      sourceTicketId: f.ratedTicketId,
      score: 1,
      kind: 'csat',
      priority: 'high',
      teamLeadUserId: null,
    };
    const results = await Promise.all([acts.openFollowUpTicket(input), acts.openFollowUpTicket(input)]);
    expect(new Set(results.map((r) => r.ticketId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const retried = await acts.openFollowUpTicket(input);
    expect(retried).toEqual({ ticketId: results[0]!.ticketId, assigneeId: f.managerId, created: false });
    const ticket = await ticketOf(retried.ticketId);
    expect(ticket).toMatchObject({
      priority: 'high',
      status: 'open',
      team: 'support',
      slaPolicy: 'standard',
    });
    expect(ticket.subject).toBe('Follow-up: CSAT 1 on "Broken item"');
    const links = await forTenant(db.orm.em.fork(), f.tenantId).find(PlaybookTicket, { key: input.key });
    expect(links).toHaveLength(1);

    // A configured team lead wins over the first manager.
    const led = await acts.openFollowUpTicket({ ...input, key: 'k2', teamLeadUserId: f.otherManagerId });
    expect(led.assigneeId).toBe(f.otherManagerId);
  });

  it('escalates an unresolved ticket to urgent, and refuses a resolved one', async () => {
    const { ticketId } = await acts.openFollowUpTicket({
      tenantId: f.tenantId,
      customerId: f.customerId,
      key: 'k3',
      workflowId: 'w3',
      sourceTicketId: f.ratedTicketId,
      score: 2,
      kind: 'csat',
      priority: 'high',
      teamLeadUserId: null,
    });
    expect(await acts.ticketResolved({ tenantId: f.tenantId, ticketId })).toBe(false);
    expect(await acts.escalateTicket({ tenantId: f.tenantId, ticketId })).toBe(true);
    expect((await ticketOf(ticketId)).priority).toBe('urgent');
    await forTenant(db.orm.em.fork(), f.tenantId).nativeUpdate(
      Ticket,
      { id: ticketId },
      { status: 'resolved' },
    );
    expect(await acts.ticketResolved({ tenantId: f.tenantId, ticketId })).toBe(true);
    expect(await acts.escalateTicket({ tenantId: f.tenantId, ticketId })).toBe(false);
  });

  it('counts inbound messages and new deals as engagement, not our outbound messages', async () => {
    const since = new Date(Date.now() - 60_000);
    const ref = { tenantId: f.tenantId, customerId: f.customerId, since: since.toISOString() };
    await addMessage(db.orm, f, 'outbound', new Date());
    expect(await acts.customerEngagedSince(ref)).toBeNull();
    await addDeal(db.orm, f);
    expect(await acts.customerEngagedSince(ref)).toMatchObject({ kind: 'order' });
    const inboundAt = new Date(since.getTime() + 1_000);
    await addMessage(db.orm, f, 'inbound', inboundAt);
    expect(await acts.customerEngagedSince(ref)).toEqual({
      kind: 'inbound_message',
      at: inboundAt.toISOString(),
    });
    expect(await acts.customerEngagedSince({ ...ref, since: new Date().toISOString() })).toBeNull();
  });

  it('claims a segment entry by the re-entry rule, and a retried claim keeps its answer', async () => {
    const claim = (
      runKey: string,
      at: string,
      reentry: { kind: 'never' } | { kind: 'afterDays'; days: number },
    ) =>
      acts.claimSegmentEntry({
        tenantId: f.tenantId,
        customerId: f.customerId,
        segmentId: f.segmentId,
        at,
        runKey,
        reentry,
      });
    const never = { kind: 'never' as const };
    expect(await claim('e1', '2026-01-01T00:00:00.000Z', never)).toEqual({
      claimed: true,
      lastStartedAt: null,
    });
    expect((await claim('e1', '2026-01-01T00:00:00.000Z', never)).claimed).toBe(true); // retry of e1
    expect(await claim('e2', '2027-01-01T00:00:00.000Z', never)).toEqual({
      claimed: false,
      lastStartedAt: '2026-01-01T00:00:00.000Z',
    });
    const after30 = { kind: 'afterDays' as const, days: 30 };
    expect((await claim('e3', '2026-01-20T00:00:00.000Z', after30)).claimed).toBe(false);
    expect((await claim('e4', '2026-01-31T00:00:00.000Z', after30)).claimed).toBe(true);
    expect((await claim('e5', '2026-02-10T00:00:00.000Z', after30)).claimed).toBe(false);
    // Racing entries: exactly one wins.
    const raced = await Promise.all([
      claim('e6', '2026-06-01T00:00:00.000Z', after30),
      claim('e7', '2026-06-01T00:00:00.000Z', after30),
    ]);
    expect(raced.filter((r) => r.claimed)).toHaveLength(1);
  });
});
