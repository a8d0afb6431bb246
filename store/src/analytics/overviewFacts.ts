import type { EntityManager } from '@mikro-orm/postgresql';
import type { SurveyFact, TicketFact } from '@c360/domain';
import { populationPredicate, toDate, type AnalyticsFilter } from './analyticsFilter';

export type CustomerChannelActivity = {
  customerId: string;
  channel: string;
  inbound: number;
  outbound: number;
};

/** The raw material of the overview KPIs for one period; the calculators turn it into rates. */
export type OverviewFacts = {
  customers: number;
  newCustomers: number;
  activeCustomers: number;
  orders: number;
  revenue: number;
  buyers: number;
  surveys: Pick<SurveyFact, 'kind' | 'score'>[];
  tickets: TicketFact[];
  /** Messages per customer and channel in the period, and survey answers per customer. */
  activity: CustomerChannelActivity[];
  surveyAnswersByCustomer: Map<string, number>;
};

/**
 * Reads one period of the overview with one query per table, each on its (tenant_id, …, time)
 * index, restricted to the population. Survey scores come grouped (kind, score, count), so a
 * large tenant sends at most 17 rows for them.
 */
export const loadOverviewFacts = async (em: EntityManager, f: AnalyticsFilter): Promise<OverviewFacts> => {
  const t = f.tenantId;
  const pop = (col: string) => populationPredicate(col, f);
  const range = [f.from, f.to];
  const pc = pop('c.id');
  const pd = pop('d.customer_id');
  const pr = pop('r.customer_id');
  const pt = pop('tk.customer_id');
  const pm = pop('cv.customer_id');
  const [customers, deals, surveys, tickets, activity, answers] = await Promise.all([
    em.execute<Record<string, string>[]>(
      `select count(*) filter (where c.created_at < ?) as customers,
         count(*) filter (where c.created_at >= ? and c.created_at < ?) as new_customers
       from customer c where c.tenant_id = ?${pc.sql}`,
      [f.to, ...range, t, ...pc.bindings],
    ),
    em.execute<Record<string, string>[]>(
      `select count(*) as orders, coalesce(sum(d.amount), 0) as revenue, count(distinct d.customer_id) as buyers
       from deal d where d.tenant_id = ? and d.status = 'won' and d.closed_at >= ? and d.closed_at < ?${pd.sql}`,
      [t, ...range, ...pd.bindings],
    ),
    em.execute<{ kind: 'csat' | 'nps'; score: number; n: string }[]>(
      `select r.kind, r.score, count(*) as n from survey_response r
       where r.tenant_id = ? and r.answered_at >= ? and r.answered_at < ?${pr.sql}
       group by r.kind, r.score order by r.kind, r.score`,
      [t, ...range, ...pr.bindings],
    ),
    em.execute<Record<string, unknown>[]>(
      `select tk.status, tk.created_at, tk.first_responded_at, tk.resolved_at, tk.first_response_breached,
         tk.resolution_breached
       from ticket tk where tk.tenant_id = ? and tk.created_at >= ? and tk.created_at < ?${pt.sql}`,
      [t, ...range, ...pt.bindings],
    ),
    em.execute<{ customer_id: string; channel: string; inbound: string; outbound: string }[]>(
      `select cv.customer_id, cv.channel,
         count(*) filter (where m.direction = 'inbound') as inbound,
         count(*) filter (where m.direction = 'outbound') as outbound
       from message m join conversation cv on cv.id = m.conversation_id and cv.tenant_id = m.tenant_id
       where m.tenant_id = ? and m.sent_at >= ? and m.sent_at < ?${pm.sql}
       group by cv.customer_id, cv.channel`,
      [t, ...range, ...pm.bindings],
    ),
    em.execute<{ customer_id: string; n: string }[]>(
      `select r.customer_id, count(*) as n from survey_response r
       where r.tenant_id = ? and r.answered_at >= ? and r.answered_at < ?${pr.sql} group by r.customer_id`,
      [t, ...range, ...pr.bindings],
    ),
  ]);
  const c = customers[0] ?? {};
  const d = deals[0] ?? {};
  const active = new Set<string>();
  for (const a of activity) if (Number(a.inbound) > 0) active.add(a.customer_id);
  const buyersActive = await em.execute<{ customer_id: string }[]>(
    `select distinct d.customer_id from deal d
     where d.tenant_id = ? and d.status = 'won' and d.closed_at >= ? and d.closed_at < ?${pd.sql}`,
    [t, ...range, ...pd.bindings],
  );
  for (const b of buyersActive) active.add(b.customer_id);
  return {
    customers: Number(c['customers'] ?? 0),
    newCustomers: Number(c['new_customers'] ?? 0),
    activeCustomers: active.size,
    orders: Number(d['orders'] ?? 0),
    revenue: Number(d['revenue'] ?? 0),
    buyers: Number(d['buyers'] ?? 0),
    surveys: surveys.flatMap((s) =>
      Array.from({ length: Number(s.n) }, () => ({ kind: s.kind, score: s.score })),
    ),
    tickets: tickets.map((r) => ({
      status: r['status'] as TicketFact['status'],
      createdAt: new Date(r['created_at'] as string),
      firstRespondedAt: toDate(r['first_responded_at']),
      resolvedAt: toDate(r['resolved_at']),
      firstResponseBreached: Boolean(r['first_response_breached']),
      resolutionBreached: Boolean(r['resolution_breached']),
    })),
    activity: activity.map((a) => ({
      customerId: a.customer_id,
      channel: a.channel,
      inbound: Number(a.inbound),
      outbound: Number(a.outbound),
    })),
    surveyAnswersByCustomer: new Map(answers.map((a) => [a.customer_id, Number(a.n)])),
  };
};
