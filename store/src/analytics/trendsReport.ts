import type { EntityManager } from '@mikro-orm/postgresql';
import {
  clvTrend,
  csat,
  engagementScore,
  nps,
  trendSeries,
  type AnalyticsSettings,
  type Interval,
} from '@c360/domain';
import type { AnalyticsFilter } from './analyticsFilter';
import {
  loadDailyActivity,
  loadSurveyScores,
  loadWonDealsByCustomer,
  type DailyActivity,
} from './trendFacts';

export const TREND_METRICS = ['csat', 'nps', 'clv', 'engagement'] as const;
export type TrendMetric = (typeof TREND_METRICS)[number];

export type TrendPointView = { key: string; start: string; end: string; count: number; value: number | null };

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
const mean = (xs: number[]) => (xs.length ? round(xs.reduce((a, b) => a + b, 0) / xs.length, 2) : null);

/**
 * One metric per bucket of the tenant's calendar, empty buckets included (value null, count 0):
 *  - csat: share of 4-5 answers (count: answers); nps: promoters − detractors (count: answers)
 *  - engagement: mean engagement score of the customers who wrote or answered in the bucket,
 *    each scored on that bucket's activity (count: those customers)
 *  - clv: mean total CLV, at the bucket's end, of the customers who had bought by then (count: them)
 */
export const trendsReport = async (
  em: EntityManager,
  f: AnalyticsFilter,
  metric: TrendMetric,
  interval: Interval,
  timeZone: string,
  settings: AnalyticsSettings,
): Promise<TrendPointView[]> => {
  // trendSeries counts items with from <= at <= to; the SQL range is [from, to).
  const range = { from: f.from, to: new Date(f.to.getTime() - 1), interval, timeZone };
  const view = (points: { key: string; start: Date; end: Date; count: number; value: number | null }[]) =>
    points.map((p) => ({ ...p, start: p.start.toISOString(), end: p.end.toISOString() }));

  if (metric === 'csat' || metric === 'nps') {
    const scores = await loadSurveyScores(em, f, metric);
    const summarise = metric === 'csat' ? csat : nps;
    return view(
      trendSeries(
        scores,
        (s) => s.at,
        range,
        (items) => summarise(items.map((s) => s.score)),
      ),
    );
  }

  if (metric === 'engagement') {
    const activity = await loadDailyActivity(em, f, timeZone);
    // A day's activity is placed at the later of its local midnight and `from`: the same bucket.
    const at = (a: DailyActivity) => new Date(Math.max(a.dayStart.getTime(), f.from.getTime()));
    return view(
      trendSeries(activity, at, range, (items) => {
        const byCustomer = new Map<string, DailyActivity[]>();
        for (const a of items) byCustomer.set(a.customerId, [...(byCustomer.get(a.customerId) ?? []), a]);
        return mean(
          [...byCustomer.values()].map((rows) => {
            const channels = new Map<string, number>();
            let surveys = 0;
            for (const r of rows) {
              if (r.channel === null) surveys += r.count;
              else channels.set(r.channel, (channels.get(r.channel) ?? 0) + r.count);
            }
            const messages = [...channels].map(([channel, inbound]) => ({
              channel,
              inbound,
              outbound: 0,
              lastInboundAt: null,
            }));
            return engagementScore(messages, surveys, settings.engagement).score;
          }),
        );
      }).map((p) => {
        const customers = new Set(
          activity.filter((a) => at(a) >= p.start && at(a) < p.end).map((a) => a.customerId),
        ).size;
        return { ...p, count: customers };
      }),
    );
  }

  const deals = await loadWonDealsByCustomer(em, f);
  const perCustomer = [...deals.values()].map((list) => clvTrend(list, settings.clv, range));
  const first = perCustomer[0];
  const template = first ?? clvTrend([], settings.clv, range);
  return view(
    template.map((b, i) => {
      const buyers = perCustomer.map((series) => series[i]!).filter((p) => p.historical > 0);
      return {
        key: b.key,
        start: b.start,
        end: b.end,
        count: buyers.length,
        value: mean(buyers.map((p) => p.total)),
      };
    }),
  );
};
