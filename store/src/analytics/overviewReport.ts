import type { EntityManager } from '@mikro-orm/postgresql';
import { csat, engagementScore, nps, serviceTimes, type AnalyticsSettings } from '@c360/domain';
import type { AnalyticsFilter } from './analyticsFilter';
import { loadOverviewFacts, type OverviewFacts } from './overviewFacts';

export const KPI_KEYS = [
  'customers',
  'newCustomers',
  'activeCustomers',
  'orders',
  'revenue',
  'averageOrderValue',
  'csat',
  'csatAnswers',
  'nps',
  'npsAnswers',
  'engagement',
  'engagedCustomers',
  'ticketsOpened',
  'slaBreachRate',
  'medianFirstResponseMinutes',
  'medianResolutionMinutes',
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];
export type Kpis = Record<KpiKey, number | null>;

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Mean engagement score of the customers who wrote or answered a survey in the period. */
const engagement = (facts: OverviewFacts, settings: AnalyticsSettings['engagement']) => {
  const customers = new Set([
    ...facts.activity.filter((a) => a.inbound > 0).map((a) => a.customerId),
    ...facts.surveyAnswersByCustomer.keys(),
  ]);
  const scores = [...customers].map(
    (id) =>
      engagementScore(
        facts.activity
          .filter((a) => a.customerId === id)
          .map((a) => ({
            channel: a.channel,
            inbound: a.inbound,
            outbound: a.outbound,
            lastInboundAt: null,
          })),
        facts.surveyAnswersByCustomer.get(id) ?? 0,
        settings,
      ).score,
  );
  return {
    engagement: scores.length ? round(scores.reduce((a, b) => a + b, 0) / scores.length, 1) : null,
    engagedCustomers: scores.length,
  };
};

export const kpisOf = (facts: OverviewFacts, settings: AnalyticsSettings): Kpis => {
  const csatScores = facts.surveys.filter((s) => s.kind === 'csat').map((s) => s.score);
  const npsScores = facts.surveys.filter((s) => s.kind === 'nps').map((s) => s.score);
  const times = serviceTimes(facts.tickets);
  const breached = facts.tickets.filter((t) => t.firstResponseBreached || t.resolutionBreached).length;
  return {
    customers: facts.customers,
    newCustomers: facts.newCustomers,
    activeCustomers: facts.activeCustomers,
    orders: facts.orders,
    revenue: round(facts.revenue, 2),
    averageOrderValue: facts.orders ? round(facts.revenue / facts.orders, 2) : null,
    csat: csat(csatScores),
    csatAnswers: csatScores.length,
    nps: nps(npsScores),
    npsAnswers: npsScores.length,
    ...engagement(facts, settings.engagement),
    ticketsOpened: facts.tickets.length,
    slaBreachRate: facts.tickets.length ? round((breached / facts.tickets.length) * 100, 1) : null,
    medianFirstResponseMinutes: times.firstResponse.median,
    medianResolutionMinutes: times.resolution.median,
  };
};

export type KpiComparison = {
  current: number | null;
  previous: number | null;
  change: number | null;
  changePercent: number | null;
};

/** The KPIs of [from, to) beside those of the period of the same length just before it. */
export const overviewReport = async (em: EntityManager, f: AnalyticsFilter, settings: AnalyticsSettings) => {
  const span = f.to.getTime() - f.from.getTime();
  const previousFilter = { ...f, from: new Date(f.from.getTime() - span), to: f.from };
  const [current, previous] = await Promise.all([
    loadOverviewFacts(em, f),
    loadOverviewFacts(em, previousFilter),
  ]);
  const now = kpisOf(current, settings);
  const before = kpisOf(previous, settings);
  const kpis = Object.fromEntries(
    KPI_KEYS.map((key): [KpiKey, KpiComparison] => {
      const c = now[key];
      const p = before[key];
      const change = c === null || p === null ? null : round(c - p, 2);
      return [
        key,
        {
          current: c,
          previous: p,
          change,
          changePercent:
            change === null || p === null || p === 0 ? null : round((change / Math.abs(p)) * 100, 1),
        },
      ];
    }),
  ) as Record<KpiKey, KpiComparison>;
  return {
    previousRange: { from: previousFilter.from.toISOString(), to: previousFilter.to.toISOString() },
    kpis,
  };
};
