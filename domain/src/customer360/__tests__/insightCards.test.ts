import { insightCards, type InsightFacts } from '../insightCards';

const DAY = 86_400_000;
const now = new Date('2026-06-01T00:00:00Z');
const quiet: InsightFacts = {
  now,
  orders: { count: 0, firstOrderAt: null, lastOrderAt: null, spendLast90: 0, spendPrevious90: 0 },
  breachesLast30: 0,
  ticketsLast30: 0,
  openTicketBadges: [],
  latestSurveys: [],
  sentimentLast30: null,
  sentimentMessagesLast30: 0,
  churn: null,
  isVip: false,
};

describe('insight cards', () => {
  it('has nothing to say about a customer with no history', () => {
    expect(insightCards(quiet)).toEqual([]);
  });

  it('reports spend down 40% with both periods behind it', () => {
    const cards = insightCards({
      ...quiet,
      orders: { ...quiet.orders, spendLast90: 60, spendPrevious90: 100 },
    });
    expect(cards).toEqual([
      {
        kind: 'spend_change',
        severity: 'warning',
        title: 'Spend down 40% vs previous 90 days',
        numbers: { last90Days: 60, previous90Days: 100, changePercent: -40 },
      },
    ]);
  });

  it('stays silent on a spend change under 20%', () => {
    expect(
      insightCards({ ...quiet, orders: { ...quiet.orders, spendLast90: 85, spendPrevious90: 100 } }),
    ).toEqual([]);
  });

  it('counts SLA breaches, names a detractor, and puts critical cards first', () => {
    const cards = insightCards({
      ...quiet,
      latestSurveys: [{ kind: 'nps', score: 3 }],
      breachesLast30: 2,
      ticketsLast30: 3,
    });
    expect(cards.map((c) => [c.kind, c.title, c.numbers])).toEqual([
      ['sla_breaches', '2 SLA breaches in the last 30 days', { breaches: 2, tickets: 3 }],
      ['survey_detractor', 'Detractor in last NPS survey (3/10)', { score: 3 }],
    ]);
  });

  it('flags an order overdue by twice the usual interval', () => {
    // 3 orders 30 days apart (usual interval 30), the last one 61 days ago.
    const last = new Date(now.getTime() - 61 * DAY);
    const first = new Date(last.getTime() - 60 * DAY);
    const cards = insightCards({
      ...quiet,
      orders: { ...quiet.orders, count: 3, firstOrderAt: first, lastOrderAt: last },
    });
    expect(cards).toEqual([
      {
        kind: 'overdue_order',
        severity: 'warning',
        title: 'No order for 61 days; usually one every 30 days',
        numbers: { daysSinceLastOrder: 61, usualIntervalDays: 30 },
      },
    ]);
  });

  it('reports open tickets past SLA and a negative tone', () => {
    const cards = insightCards({
      ...quiet,
      openTicketBadges: ['breached', 'at_risk', 'ok'],
      sentimentLast30: -0.5,
      sentimentMessagesLast30: 4,
    });
    expect(cards.map((c) => [c.kind, c.severity, c.numbers])).toEqual([
      ['open_tickets_at_risk', 'critical', { breached: 1, atRisk: 1, open: 3 }],
      ['negative_sentiment', 'warning', { averageSentiment: -0.5, messages: 4 }],
    ]);
  });
});
