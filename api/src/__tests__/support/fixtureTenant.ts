import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  Call,
  Conversation,
  ConversionEvent,
  Customer,
  Deal,
  forTenant,
  KnowledgeArticle,
  KnowledgeView,
  Message,
  Segment,
  SegmentMembership,
  SurveyRequest,
  SurveyResponse,
  Ticket,
} from '@c360/store';

/** The moment the fixture is "as of"; the app under test runs with its clock pinned here. */
export const FIXTURE_NOW = new Date('2026-06-15T12:00:00Z');
const t = (iso: string) => new Date(iso);
const HOUR = 3_600_000;
const plus = (d: Date, hours: number) => new Date(d.getTime() + hours * HOUR);

export type FixtureIds = {
  fiona: string;
  gus: string;
  segment: string;
  tickets: { t1: string; t2: string; t3: string; t4: string; t5: string };
  article: string;
};

/**
 * A small tenant whose every number is worked out by hand in the tests:
 *
 * Fiona (VIP-tagged, in the segment "Email fans"):
 *  - deals: won 100.00 (2026-01-10), won 200.00 (2026-03-01), won 60.00 (2026-05-20), open 50.00, lost 80.00 (2026-04-01)
 *  - tickets: T1 open 2026-06-15 10:00 (first reply due 14:00, unanswered), T2 pending 2026-06-14 10:00
 *    (answered 11:00, resolution due 2026-06-15 10:00, breach flag set), T3 resolved (2026-06-01 09:00 →
 *    2026-06-02 09:00, first reply 2026-06-01 15:00, first-response breach flag), T4 open 2026-06-13 14:00
 *    (answered 14:30, resolution due 2026-06-15 14:00)
 *  - email thread on T1: inbound 2026-06-15 10:00 (sentiment -0.6), outbound 10:30;
 *    WhatsApp thread without ticket: inbound 2026-06-10 09:00 (-0.2), outbound 09:05
 *  - call 2026-06-14 15:00, 300 s, with a summary and one action item
 *  - knowledge view 2026-06-12 08:00 (45 s) of "Returns policy"
 *  - conversions: visit 2025-12-01 10:00, signup 10:05, add_to_cart 2026-01-09 18:00, purchase on each won deal
 *  - surveys: CSAT on T3 sent 2026-06-02 10:00, answered 12:00 with 2; NPS sent 2026-06-05 12:00,
 *    answered 13:00 with 3
 *
 * Gus (no segment):
 *  - deals: won 40.00 (2026-02-10)
 *  - ticket T5 resolved (2026-02-11 09:00 → 2026-02-11 13:00, first reply 2026-02-11 09:30)
 *  - WhatsApp thread on T5: inbound 2026-02-11 09:00 (0.5), outbound 09:30
 *  - conversions: visit 2026-02-01 08:00, signup 2026-02-01 08:10, purchase 2026-02-10
 *  - surveys: CSAT on T5 sent 2026-02-11 14:00, answered 15:00 with 5; NPS sent 2026-03-01 10:00,
 *    answered 11:00 with 10
 */
export const seedFixtureTenant = async (orm: MikroORM, tenantId: string): Promise<FixtureIds> => {
  const em = forTenant(orm.em.fork(), tenantId);
  const tenant = tenantId;
  const customer = (firstName: string, tags: string[], createdAt: Date) =>
    em.create(Customer, {
      tenant,
      firstName,
      lastName: 'Fixture',
      emails: [`${firstName.toLowerCase()}.${randomUUID().slice(0, 6)}@example.com`],
      phones: [],
      timeZone: 'Europe/Paris',
      language: 'en',
      tags,
      lifecycleStage: 'customer',
      isVip: false,
      createdAt,
    });
  const fiona = customer('Fiona', ['vip'], t('2025-12-01T10:05:00Z'));
  const gus = customer('Gus', [], t('2026-02-01T08:10:00Z'));

  const deal = (c: Customer, amount: number, status: 'won' | 'open' | 'lost', closedAt: Date | null) =>
    em.create(Deal, {
      tenant,
      customer: c,
      title: `Order ${amount}`,
      amount,
      currency: 'EUR',
      status,
      stage: status === 'won' ? 'closed_won' : status === 'lost' ? 'closed_lost' : 'proposal',
      closedAt,
      createdAt: closedAt ?? t('2026-06-01T00:00:00Z'),
    });
  deal(fiona, 100, 'won', t('2026-01-10T12:00:00Z'));
  deal(fiona, 200, 'won', t('2026-03-01T12:00:00Z'));
  deal(fiona, 60, 'won', t('2026-05-20T12:00:00Z'));
  deal(fiona, 50, 'open', null);
  deal(fiona, 80, 'lost', t('2026-04-01T12:00:00Z'));
  deal(gus, 40, 'won', t('2026-02-10T12:00:00Z'));

  const ticket = (
    c: Customer,
    subject: string,
    status: 'open' | 'pending' | 'resolved',
    createdAt: Date,
    o: {
      firstDueHours: number;
      resolutionDueHours: number;
      respondedAt?: Date;
      resolvedAt?: Date;
      firstBreached?: boolean;
      resolutionBreached?: boolean;
    },
  ) =>
    em.create(Ticket, {
      tenant,
      customer: c,
      subject,
      status,
      priority: 'normal',
      slaPolicy: 'standard',
      createdAt,
      firstResponseDueAt: plus(createdAt, o.firstDueHours),
      resolutionDueAt: plus(createdAt, o.resolutionDueHours),
      firstRespondedAt: o.respondedAt ?? null,
      resolvedAt: o.resolvedAt ?? null,
      firstResponseBreached: o.firstBreached ?? false,
      resolutionBreached: o.resolutionBreached ?? false,
    });
  const t1 = ticket(fiona, 'Parcel missing', 'open', t('2026-06-15T10:00:00Z'), {
    firstDueHours: 4,
    resolutionDueHours: 48,
  });
  const t2 = ticket(fiona, 'Refund late', 'pending', t('2026-06-14T10:00:00Z'), {
    firstDueHours: 4,
    resolutionDueHours: 24,
    respondedAt: t('2026-06-14T11:00:00Z'),
    resolutionBreached: true,
  });
  const t3 = ticket(fiona, 'Wrong size', 'resolved', t('2026-06-01T09:00:00Z'), {
    firstDueHours: 4,
    resolutionDueHours: 48,
    respondedAt: t('2026-06-01T15:00:00Z'),
    resolvedAt: t('2026-06-02T09:00:00Z'),
    firstBreached: true,
  });
  const t4 = ticket(fiona, 'Invoice copy', 'open', t('2026-06-13T14:00:00Z'), {
    firstDueHours: 4,
    resolutionDueHours: 48,
    respondedAt: t('2026-06-13T14:30:00Z'),
  });
  const t5 = ticket(gus, 'Setup help', 'resolved', t('2026-02-11T09:00:00Z'), {
    firstDueHours: 4,
    resolutionDueHours: 48,
    respondedAt: t('2026-02-11T09:30:00Z'),
    resolvedAt: t('2026-02-11T13:00:00Z'),
  });

  const thread = (
    c: Customer,
    channel: 'email' | 'whatsapp',
    ticketRow: Ticket | null,
    messages: [direction: 'inbound' | 'outbound', at: Date, sentiment: number | null][],
  ) => {
    const conversation = em.create(Conversation, {
      tenant,
      customer: c,
      channel,
      ticket: ticketRow,
      lastMessageAt: messages[messages.length - 1]?.[1] ?? null,
      createdAt: messages[0]?.[1] ?? FIXTURE_NOW,
    });
    for (const [direction, at, sentiment] of messages)
      em.create(Message, {
        tenant,
        conversation,
        channel,
        direction,
        body: `${direction} message at ${at.toISOString()}`,
        deliveryStatus: direction === 'inbound' ? 'received' : 'delivered',
        sentAt: at,
        sentiment,
        createdAt: at,
      });
  };
  thread(fiona, 'email', t1, [
    ['inbound', t('2026-06-15T10:00:00Z'), -0.6],
    ['outbound', t('2026-06-15T10:30:00Z'), null],
  ]);
  thread(fiona, 'whatsapp', null, [
    ['inbound', t('2026-06-10T09:00:00Z'), -0.2],
    ['outbound', t('2026-06-10T09:05:00Z'), null],
  ]);
  thread(gus, 'whatsapp', t5, [
    ['inbound', t('2026-02-11T09:00:00Z'), 0.5],
    ['outbound', t('2026-02-11T09:30:00Z'), null],
  ]);

  em.create(Call, {
    tenant,
    customer: fiona,
    ticket: t2,
    direction: 'inbound',
    durationSeconds: 300,
    transcript: 'Customer: where is my refund? Agent: it is on its way.',
    summary: 'Customer called about a late refund. Follow-up needed.',
    actionItems: ['Send the refund confirmation'],
    startedAt: t('2026-06-14T15:00:00Z'),
  });
  const article = em.create(KnowledgeArticle, {
    tenant,
    title: 'Returns policy',
    slug: `returns-${randomUUID().slice(0, 6)}`,
    body: 'How to return an item.',
    language: 'en',
  });
  em.create(KnowledgeView, {
    tenant,
    article,
    customer: fiona,
    viewedAt: t('2026-06-12T08:00:00Z'),
    durationSeconds: 45,
  });

  const conversion = (c: Customer, type: string, at: Date, value: number | null = null) =>
    em.create(ConversionEvent, {
      tenant,
      customer: c,
      type,
      value,
      currency: value === null ? null : 'EUR',
      occurredAt: at,
      properties: {},
    });
  conversion(fiona, 'visit', t('2025-12-01T10:00:00Z'));
  conversion(fiona, 'signup', t('2025-12-01T10:05:00Z'));
  conversion(fiona, 'add_to_cart', t('2026-01-09T18:00:00Z'));
  conversion(fiona, 'purchase', t('2026-01-10T12:00:00Z'), 100);
  conversion(fiona, 'purchase', t('2026-03-01T12:00:00Z'), 200);
  conversion(fiona, 'purchase', t('2026-05-20T12:00:00Z'), 60);
  conversion(gus, 'visit', t('2026-02-01T08:00:00Z'));
  conversion(gus, 'signup', t('2026-02-01T08:10:00Z'));
  conversion(gus, 'purchase', t('2026-02-10T12:00:00Z'), 40);

  const survey = (
    c: Customer,
    kind: 'csat' | 'nps',
    ticketRow: Ticket | null,
    sentAt: Date,
    answeredAt: Date,
    score: number,
  ) => {
    const request = em.create(SurveyRequest, {
      tenant,
      customer: c,
      ticket: ticketRow,
      kind,
      channel: 'email',
      token: randomUUID(),
      status: 'answered',
      sentAt,
      expiresAt: plus(sentAt, 24 * 7),
      createdAt: sentAt,
    });
    em.create(SurveyResponse, {
      tenant,
      request,
      customer: c,
      kind,
      score,
      comment: null,
      channel: 'email',
      answeredAt,
    });
  };
  survey(fiona, 'csat', t3, t('2026-06-02T10:00:00Z'), t('2026-06-02T12:00:00Z'), 2);
  survey(fiona, 'nps', null, t('2026-06-05T12:00:00Z'), t('2026-06-05T13:00:00Z'), 3);
  survey(gus, 'csat', t5, t('2026-02-11T14:00:00Z'), t('2026-02-11T15:00:00Z'), 5);
  survey(gus, 'nps', null, t('2026-03-01T10:00:00Z'), t('2026-03-01T11:00:00Z'), 10);

  const segment = em.create(Segment, { tenant, name: 'Email fans', definition: { all: [] } });
  em.create(SegmentMembership, { tenant, segment, customer: fiona, enteredAt: t('2026-01-01T00:00:00Z') });

  await em.flush();
  return {
    fiona: fiona.id,
    gus: gus.id,
    segment: segment.id,
    tickets: { t1: t1.id, t2: t2.id, t3: t3.id, t4: t4.id, t5: t5.id },
    article: article.id,
  };
};
