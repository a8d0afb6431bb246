import type { EntityManager } from '@mikro-orm/postgresql';
import type { DealFact } from '@c360/domain';
import { populationPredicate, type AnalyticsFilter } from './analyticsFilter';

/** A survey answer with the time it was given. */
export type TimedScore = { at: Date; score: number };

/** Survey answers of one kind in the range, oldest first (one row per answer: surveys are few). */
export const loadSurveyScores = async (
  em: EntityManager,
  f: AnalyticsFilter,
  kind: 'csat' | 'nps',
): Promise<TimedScore[]> => {
  const p = populationPredicate('r.customer_id', f);
  const rows = await em.execute<{ answered_at: Date; score: number }[]>(
    `select r.answered_at, r.score from survey_response r
     where r.tenant_id = ? and r.kind = ? and r.answered_at >= ? and r.answered_at < ?${p.sql}
     order by r.answered_at`,
    [f.tenantId, kind, f.from, f.to, ...p.bindings],
  );
  return rows.map((r) => ({ at: new Date(r.answered_at), score: Number(r.score) }));
};

/**
 * Activity of one customer on one local day (tenant time zone): inbound messages per channel,
 * or survey answers (channel null). `dayStart` is that day's local midnight. Messages are
 * pre-aggregated by day in SQL, so a busy tenant sends one row per customer, channel and day
 * instead of one per message; a day never straddles a day, week or month bucket.
 */
export type DailyActivity = { customerId: string; dayStart: Date; channel: string | null; count: number };

export const loadDailyActivity = async (
  em: EntityManager,
  f: AnalyticsFilter,
  timeZone: string,
): Promise<DailyActivity[]> => {
  const pm = populationPredicate('cv.customer_id', f);
  const pr = populationPredicate('r.customer_id', f);
  const rows = await em.execute<{ customer_id: string; day: Date; channel: string | null; n: string }[]>(
    `select cv.customer_id, date_trunc('day', m.sent_at, ?) as day, cv.channel, count(*) as n
       from message m join conversation cv on cv.id = m.conversation_id and cv.tenant_id = m.tenant_id
       where m.tenant_id = ? and m.direction = 'inbound' and m.sent_at >= ? and m.sent_at < ?${pm.sql}
       group by 1, 2, 3
     union all
     select r.customer_id, date_trunc('day', r.answered_at, ?) as day, null as channel, count(*) as n
       from survey_response r
       where r.tenant_id = ? and r.answered_at >= ? and r.answered_at < ?${pr.sql}
       group by 1, 2, 3`,
    [timeZone, f.tenantId, f.from, f.to, ...pm.bindings, timeZone, f.tenantId, f.from, f.to, ...pr.bindings],
  );
  return rows.map((r) => ({
    customerId: r.customer_id,
    dayStart: new Date(r.day),
    channel: r.channel,
    count: Number(r.n),
  }));
};

/** Won deals of the population closed before `to`, grouped by customer: the CLV trend's input. */
export const loadWonDealsByCustomer = async (
  em: EntityManager,
  f: AnalyticsFilter,
): Promise<Map<string, DealFact[]>> => {
  const p = populationPredicate('d.customer_id', f);
  const rows = await em.execute<{ customer_id: string; amount: string; closed_at: Date }[]>(
    `select d.customer_id, d.amount, d.closed_at from deal d
     where d.tenant_id = ? and d.status = 'won' and d.closed_at is not null and d.closed_at < ?${p.sql}`,
    [f.tenantId, f.to, ...p.bindings],
  );
  const out = new Map<string, DealFact[]>();
  for (const r of rows) {
    const list = out.get(r.customer_id) ?? [];
    list.push({ amount: Number(r.amount), status: 'won', closedAt: new Date(r.closed_at) });
    out.set(r.customer_id, list);
  }
  return out;
};
