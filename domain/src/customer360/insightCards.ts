import type { SlaBadge } from './slaRisk';

export type InsightSeverity = 'positive' | 'info' | 'warning' | 'critical';

/** A sentence about the customer and the numbers it was made from. */
export type InsightCard = {
  kind:
    | 'spend_change'
    | 'sla_breaches'
    | 'open_tickets_at_risk'
    | 'survey_detractor'
    | 'survey_promoter'
    | 'csat_unhappy'
    | 'overdue_order'
    | 'negative_sentiment'
    | 'churn_risk'
    | 'vip';
  severity: InsightSeverity;
  title: string;
  numbers: Record<string, number>;
};

export type InsightFacts = {
  now: Date;
  orders: {
    count: number;
    firstOrderAt: Date | null;
    lastOrderAt: Date | null;
    spendLast90: number;
    spendPrevious90: number;
  };
  breachesLast30: number;
  ticketsLast30: number;
  openTicketBadges: SlaBadge[];
  latestSurveys: { kind: 'csat' | 'nps'; score: number }[];
  sentimentLast30: number | null;
  sentimentMessagesLast30: number;
  churn: { probability: number; band: string } | null;
  isVip: boolean;
};

/** Spend moving by at least this share against the previous 90 days makes a card. */
export const SPEND_CHANGE_THRESHOLD = 0.2;
/** No order for this many times the usual interval between orders makes a card. */
export const OVERDUE_ORDER_FACTOR = 2;
/** Mean inbound sentiment below this (over at least two messages) makes a card. */
export const NEGATIVE_SENTIMENT_THRESHOLD = -0.3;

const DAY_MS = 86_400_000;
const round = (n: number, digits = 0): number => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

const spendCard = (f: InsightFacts): InsightCard | null => {
  const { spendLast90: last, spendPrevious90: previous } = f.orders;
  if (previous <= 0) return null;
  const change = (last - previous) / previous;
  if (Math.abs(change) < SPEND_CHANGE_THRESHOLD) return null;
  const percent = round(Math.abs(change) * 100);
  return {
    kind: 'spend_change',
    severity: change < 0 ? 'warning' : 'positive',
    title: `Spend ${change < 0 ? 'down' : 'up'} ${percent}% vs previous 90 days`,
    numbers: {
      last90Days: round(last, 2),
      previous90Days: round(previous, 2),
      changePercent: round(change * 100),
    },
  };
};

const overdueOrderCard = (f: InsightFacts): InsightCard | null => {
  const { count, firstOrderAt, lastOrderAt } = f.orders;
  if (count < 2 || !firstOrderAt || !lastOrderAt) return null;
  const usualDays = (lastOrderAt.getTime() - firstOrderAt.getTime()) / DAY_MS / (count - 1);
  const sinceDays = (f.now.getTime() - lastOrderAt.getTime()) / DAY_MS;
  if (usualDays < 1 || sinceDays < usualDays * OVERDUE_ORDER_FACTOR) return null;
  return {
    kind: 'overdue_order',
    severity: 'warning',
    title: `No order for ${Math.floor(sinceDays)} days; usually one every ${round(usualDays)} days`,
    numbers: { daysSinceLastOrder: Math.floor(sinceDays), usualIntervalDays: round(usualDays, 1) },
  };
};

const surveyCards = (f: InsightFacts): InsightCard[] => {
  const cards: InsightCard[] = [];
  const nps = f.latestSurveys.find((s) => s.kind === 'nps');
  if (nps && nps.score <= 6)
    cards.push({
      kind: 'survey_detractor',
      severity: 'warning',
      title: `Detractor in last NPS survey (${nps.score}/10)`,
      numbers: { score: nps.score },
    });
  if (nps && nps.score >= 9)
    cards.push({
      kind: 'survey_promoter',
      severity: 'positive',
      title: `Promoter in last NPS survey (${nps.score}/10)`,
      numbers: { score: nps.score },
    });
  const csat = f.latestSurveys.find((s) => s.kind === 'csat');
  if (csat && csat.score <= 2)
    cards.push({
      kind: 'csat_unhappy',
      severity: 'warning',
      title: `Unhappy in last CSAT survey (${csat.score}/5)`,
      numbers: { score: csat.score },
    });
  return cards;
};

/**
 * The insight cards of a customer, most severe first (stable within a severity). Each card
 * is derived from the facts given, and carries the numbers it was made from.
 */
export const insightCards = (f: InsightFacts): InsightCard[] => {
  const cards: InsightCard[] = [];
  const spend = spendCard(f);
  if (spend) cards.push(spend);
  if (f.breachesLast30 > 0)
    cards.push({
      kind: 'sla_breaches',
      severity: f.breachesLast30 >= 2 ? 'critical' : 'warning',
      title: `${plural(f.breachesLast30, 'SLA breach', 'SLA breaches')} in the last 30 days`,
      numbers: { breaches: f.breachesLast30, tickets: f.ticketsLast30 },
    });
  const breached = f.openTicketBadges.filter((b) => b === 'breached').length;
  const atRisk = f.openTicketBadges.filter((b) => b === 'at_risk').length;
  if (breached + atRisk > 0)
    cards.push({
      kind: 'open_tickets_at_risk',
      severity: breached > 0 ? 'critical' : 'warning',
      title:
        breached > 0
          ? `${plural(breached, 'open ticket', 'open tickets')} past SLA`
          : `${plural(atRisk, 'open ticket', 'open tickets')} close to SLA`,
      numbers: { breached, atRisk, open: f.openTicketBadges.length },
    });
  cards.push(...surveyCards(f));
  const overdue = overdueOrderCard(f);
  if (overdue) cards.push(overdue);
  if (
    f.sentimentLast30 !== null &&
    f.sentimentMessagesLast30 >= 2 &&
    f.sentimentLast30 < NEGATIVE_SENTIMENT_THRESHOLD
  )
    cards.push({
      kind: 'negative_sentiment',
      severity: 'warning',
      title: `Negative tone in recent messages (average ${round(f.sentimentLast30, 2)} over ${f.sentimentMessagesLast30})`,
      numbers: { averageSentiment: round(f.sentimentLast30, 3), messages: f.sentimentMessagesLast30 },
    });
  if (f.churn && f.churn.band === 'high')
    cards.push({
      kind: 'churn_risk',
      severity: 'critical',
      title: `High churn risk (${round(f.churn.probability * 100)}%)`,
      numbers: { probabilityPercent: round(f.churn.probability * 100) },
    });
  if (f.isVip) cards.push({ kind: 'vip', severity: 'info', title: 'VIP customer', numbers: {} });
  const rank: Record<InsightSeverity, number> = { critical: 0, warning: 1, info: 2, positive: 3 };
  return cards
    .map((card, i) => ({ card, i }))
    .sort((a, b) => rank[a.card.severity] - rank[b.card.severity] || a.i - b.i)
    .map(({ card }) => card);
};
