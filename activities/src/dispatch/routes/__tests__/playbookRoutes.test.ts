import { randomUUID } from 'node:crypto';
import { forTenant, PlaybookTicket, savePlaybookSettings, useTestDatabase } from '@c360/store';
import type { DispatchedEvent, WorkflowCommand } from '../../dispatchTypes';
import { playbookRoutes } from '../playbookRoutes';
import {
  createPlaybookFixture,
  type PlaybookFixture,
} from '../../../playbooks/__tests__/support/playbookFixture';

/** The playbook routes on the real PostgreSQL: what each event starts or signals, per tenant settings. */
const db = useTestDatabase();
let f: PlaybookFixture;
beforeAll(async () => {
  f = await createPlaybookFixture(db.orm);
});

const COMPUTED_AT = '2026-06-01T12:00:00.000Z';
const event = (type: string, payload: Record<string, unknown>): DispatchedEvent => ({
  id: String(Math.floor(Math.random() * 1e9)),
  tenantId: f.tenantId,
  type,
  aggregateType: 'customer',
  aggregateId: f.customerId,
  payload,
  createdAt: new Date(COMPUTED_AT),
});
const commandsFor = async (e: DispatchedEvent): Promise<WorkflowCommand[]> => {
  const em = forTenant(db.orm.em.fork(), f.tenantId);
  const out: WorkflowCommand[] = [];
  for (const route of playbookRoutes.filter((r) => r.eventType === e.type))
    out.push(...(await route.commands(e, { em })));
  return out;
};
const settings = (value: unknown) => savePlaybookSettings(db.orm.em.fork(), f.tenantId, value);

const healthEvent = (previousScore: number, score: number) =>
  event('customer.health_score_updated', {
    customerId: f.customerId,
    computedAt: COMPUTED_AT,
    score,
    previousScore,
    band: 'at_risk',
    previousBand: 'neutral',
    factorChanges: [
      { name: 'recency', before: 25, after: 5, change: -20 },
      { name: 'engagement', before: 10, after: 9.5, change: -0.5 },
    ],
  });

describe('playbook routes', () => {
  beforeEach(() => settings({}));

  it('starts the health-drop playbook only past the tenant threshold, with the factors that moved', async () => {
    expect(await commandsFor(healthEvent(60, 50))).toEqual([]); // 10 < 15
    const [cmd] = await commandsFor(healthEvent(60, 40));
    expect(cmd).toMatchObject({
      kind: 'start',
      workflowType: 'healthDropPlaybook',
      workflowId: `playbook:healthDrop:${f.tenantId}:${f.customerId}:${Date.parse(COMPUTED_AT)}`,
      args: [{ drop: { drop: 20, factors: [{ name: 'recency', change: -20 }] } }],
    });
    await settings({ healthDrop: { params: { minDrop: 25 } } });
    expect(await commandsFor(healthEvent(60, 40))).toEqual([]);
  });

  it('honours each playbook flag', async () => {
    const vip = event('customer.vip_detected', {
      customerId: f.customerId,
      computedAt: COMPUTED_AT,
      matched: [],
    });
    const churn = event('customer.churn_risk_high', {
      customerId: f.customerId,
      computedAt: COMPUTED_AT,
      probability: 0.7,
      previousBand: 'medium',
      drivers: [],
    });
    const low = event('csat.low_rating_received', {
      customerId: f.customerId,
      ticketId: f.ratedTicketId,
      surveyResponseId: randomUUID(),
      score: 2,
      kind: 'csat',
    });
    expect((await commandsFor(vip)).map((c) => c.kind === 'start' && c.workflowType)).toEqual([
      'vipPlaybook',
    ]);
    expect((await commandsFor(churn)).map((c) => c.kind === 'start' && c.workflowType)).toEqual([
      'churnWinbackPlaybook',
    ]);
    const [lowCmd] = await commandsFor(low);
    expect(lowCmd).toMatchObject({
      workflowType: 'lowCsatPlaybook',
      workflowId: `playbook:lowCsat:${f.tenantId}:${f.customerId}:${low.payload['surveyResponseId'] as string}`,
      args: [{ params: { priority: 'high', resolveWithinHours: 24 } }],
    });
    await settings({
      vip: { enabled: false },
      churnWinback: { enabled: false },
      lowCsat: { enabled: false },
      healthDrop: { enabled: false },
    });
    expect(await commandsFor(vip)).toEqual([]);
    expect(await commandsFor(churn)).toEqual([]);
    expect(await commandsFor(low)).toEqual([]);
    expect(await commandsFor(healthEvent(90, 10))).toEqual([]);
    // A payload that does not parse starts nothing.
    await settings({});
    expect(await commandsFor(event('customer.vip_detected', { customerId: f.customerId }))).toEqual([]);
  });

  it('signals the playbook that opened a ticket when that ticket is resolved, and nothing for other tickets', async () => {
    const em = forTenant(db.orm.em.fork(), f.tenantId);
    em.create(PlaybookTicket, {
      tenant: f.tenantId,
      key: 'k',
      ticket: f.openTicketId,
      workflowId: 'playbook:lowCsat:x',
    });
    await em.flush();
    const resolved = (ticketId: string) =>
      event('ticket.resolved', {
        ticketId,
        customerId: f.customerId,
        resolvedAt: COMPUTED_AT,
        conversationId: null,
        autoResolved: false,
      });
    expect(await commandsFor(resolved(f.openTicketId))).toEqual([
      {
        kind: 'signal',
        workflowId: 'playbook:lowCsat:x',
        signal: 'followUpResolved',
        args: [{ ticketId: f.openTicketId, resolvedAt: COMPUTED_AT }],
      },
    ]);
    expect(await commandsFor(resolved(f.ratedTicketId))).toEqual([]);
  });

  it("hints the customer's running churn playbooks on a message or a new deal only", async () => {
    const changed = (reasons: string[]) => event('customer.changed', { customerId: f.customerId, reasons });
    expect(await commandsFor(changed(['ticket.updated']))).toEqual([]);
    const [cmd] = await commandsFor(changed(['message.created']));
    expect(cmd).toEqual({
      kind: 'signalMatching',
      query: `WorkflowType = 'churnWinbackPlaybook' AND CustomerId = '${f.customerId}'`,
      signal: 'customerActivity',
      args: [{ at: COMPUTED_AT, reasons: ['message.created'] }],
    });
  });

  it('starts the playbook attached to an entered segment, with its re-entry rule; nothing for other segments', async () => {
    const entered = (segmentId: string) =>
      event('segment.entered', { segmentId, customerId: f.customerId, at: COMPUTED_AT });
    expect(await commandsFor(entered(f.segmentId))).toEqual([]); // nothing attached yet
    await settings({
      segmentEntered: {
        params: {
          attachments: [
            { segmentId: f.segmentId, playbook: 'churnWinback', reentry: { kind: 'afterDays', days: 90 } },
          ],
        },
      },
    });
    const [cmd] = await commandsFor(entered(f.segmentId));
    expect(cmd).toMatchObject({
      kind: 'start',
      workflowType: 'segmentEnteredPlaybook',
      workflowId: `playbook:segmentEntered:${f.tenantId}:${f.customerId}:${f.segmentId}:${Date.parse(COMPUTED_AT)}`,
      args: [{ reentry: { kind: 'afterDays', days: 90 }, start: { playbook: 'churnWinback' } }],
    });
    expect(await commandsFor(entered(randomUUID()))).toEqual([]);
    // The attached playbook switched off: the entry starts nothing.
    await settings({
      churnWinback: { enabled: false },
      segmentEntered: { params: { attachments: [{ segmentId: f.segmentId, playbook: 'churnWinback' }] } },
    });
    expect(await commandsFor(entered(f.segmentId))).toEqual([]);
    // An entry message attached instead: the entry starts the same workflow, which sends it.
    const message = {
      channel: 'email',
      content: { type: 'email', subject: 'Welcome', text: 'Hello' },
      purpose: 'marketing',
    };
    await settings({ segmentEntered: { params: { attachments: [{ segmentId: f.segmentId, message }] } } });
    const [sendCmd] = await commandsFor(entered(f.segmentId));
    expect(sendCmd).toMatchObject({
      kind: 'start',
      workflowType: 'segmentEnteredPlaybook',
      args: [{ reentry: { kind: 'never' }, start: { message } }],
    });
  });
});
