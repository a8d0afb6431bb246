import type { EntityManager } from '@mikro-orm/postgresql';
import { assertTenantId } from '../tenancy/tenantFilter';

const DAY_MS = 86_400_000;

export type OrderRow = { id: string; title: string; amount: number; currency: string; closedAt: Date };

export type OrdersFacts = {
  count: number;
  total: number;
  currency: string | null;
  lastOrderAt: Date | null;
  firstOrderAt: Date | null;
  recent: OrderRow[];
  /** Won revenue in the last 90 days before `now`, and in the 90 days before those. */
  spendLast90: number;
  spendPrevious90: number;
  openDeals: number;
};

export type OpenTicketRow = {
  id: string;
  subject: string;
  status: string;
  priority: string;
  slaPolicy: string;
  createdAt: Date;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  firstRespondedAt: Date | null;
  firstResponseBreached: boolean;
  resolutionBreached: boolean;
};

export type CallRow = {
  id: string;
  direction: string;
  durationSeconds: number;
  summary: string | null;
  actionItems: string[];
  startedAt: Date;
  ticketId: string | null;
};

export type SurveyAnswerRow = {
  kind: 'csat' | 'nps';
  score: number;
  answeredAt: Date;
  comment: string | null;
};

export type ServiceFacts = {
  openTickets: OpenTicketRow[];
  /** Tickets opened in the last 30 days with a first-response or resolution breach. */
  breachesLast30: number;
  ticketsLast30: number;
};

export type EngagementFacts = {
  /** Mean sentiment of inbound messages analysed in the last 30 days (null without any). */
  sentimentLast30: number | null;
  sentimentMessagesLast30: number;
  inboundLast30: number;
  inboundPrevious30: number;
  lastMessageAt: Date | null;
};

export type ProfileFacts = {
  orders: OrdersFacts;
  service: ServiceFacts;
  latestCall: CallRow | null;
  latestSurveys: SurveyAnswerRow[];
  engagement: EngagementFacts;
};

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const date = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));

/**
 * What the /360 view shows beside the scores, gathered with a few indexed queries on one
 * customer's rows (deal by customer, ticket by customer and status, call and survey answers
 * by customer and time, conversations by customer). Raw SQL skips the ORM's tenant filter, so
 * every query binds the tenant id; the caller has already checked the customer is the tenant's.
 */
export const loadProfileFacts = async (
  em: EntityManager,
  tenantId: string,
  customerId: string,
  now: Date,
): Promise<ProfileFacts> => {
  assertTenantId(tenantId, 'loadProfileFacts');
  const d90 = new Date(now.getTime() - 90 * DAY_MS);
  const d180 = new Date(now.getTime() - 180 * DAY_MS);
  const d30 = new Date(now.getTime() - 30 * DAY_MS);
  const d60 = new Date(now.getTime() - 60 * DAY_MS);
  const ids = [tenantId, customerId];

  const [orderStats, recent, tickets, ticketStats, calls, surveys, engagement] = await Promise.all([
    em.execute<Record<string, unknown>[]>(
      `select count(*) filter (where status = 'won') as count,
         coalesce(sum(amount) filter (where status = 'won'), 0) as total,
         max(closed_at) filter (where status = 'won') as last_at,
         min(closed_at) filter (where status = 'won') as first_at,
         coalesce(sum(amount) filter (where status = 'won' and closed_at > ? and closed_at <= ?), 0) as last90,
         coalesce(sum(amount) filter (where status = 'won' and closed_at > ? and closed_at <= ?), 0) as prev90,
         count(*) filter (where status = 'open') as open_deals,
         (array_agg(currency order by closed_at desc nulls last))[1] as currency
       from deal where tenant_id = ? and customer_id = ?`,
      [d90, now, d180, d90, ...ids],
    ),
    em.execute<Record<string, unknown>[]>(
      `select id, title, amount, currency, closed_at from deal
       where tenant_id = ? and customer_id = ? and status = 'won' and closed_at is not null
       order by closed_at desc, id desc limit 5`,
      ids,
    ),
    em.execute<Record<string, unknown>[]>(
      `select id, subject, status, priority, sla_policy, created_at, first_response_due_at, resolution_due_at,
         first_responded_at, first_response_breached, resolution_breached
       from ticket where tenant_id = ? and customer_id = ? and status in ('open', 'pending')
       order by created_at desc, id desc limit 50`,
      ids,
    ),
    em.execute<Record<string, unknown>[]>(
      `select count(*) as tickets,
         count(*) filter (where first_response_breached or resolution_breached) as breaches
       from ticket where tenant_id = ? and customer_id = ? and created_at > ? and created_at <= ?`,
      [...ids, d30, now],
    ),
    em.execute<Record<string, unknown>[]>(
      `select id, direction, duration_seconds, summary, action_items, started_at, ticket_id from call
       where tenant_id = ? and customer_id = ? and started_at <= ? order by started_at desc, id desc limit 1`,
      [...ids, now],
    ),
    em.execute<Record<string, unknown>[]>(
      `select distinct on (kind) kind, score, answered_at, comment from survey_response
       where tenant_id = ? and customer_id = ? and answered_at <= ? order by kind, answered_at desc, id desc`,
      [...ids, now],
    ),
    em.execute<Record<string, unknown>[]>(
      `select avg(m.sentiment) filter (where m.direction = 'inbound' and m.sent_at > ? and m.sentiment is not null) as sentiment,
         count(m.sentiment) filter (where m.direction = 'inbound' and m.sent_at > ?) as sentiment_n,
         count(*) filter (where m.direction = 'inbound' and m.sent_at > ?) as inbound30,
         count(*) filter (where m.direction = 'inbound' and m.sent_at > ? and m.sent_at <= ?) as inbound_prev30,
         max(m.sent_at) as last_at
       from conversation c join message m on m.conversation_id = c.id and m.tenant_id = c.tenant_id
       where c.tenant_id = ? and c.customer_id = ? and m.sent_at <= ?`,
      [d30, d30, d30, d60, d30, ...ids, now],
    ),
  ]);

  const o = orderStats[0] ?? {};
  const ts = ticketStats[0] ?? {};
  const e = engagement[0] ?? {};
  const call = calls[0];
  return {
    orders: {
      count: num(o['count']),
      total: num(o['total']),
      currency: (o['currency'] as string | null) ?? null,
      lastOrderAt: date(o['last_at']),
      firstOrderAt: date(o['first_at']),
      recent: recent.map((r) => ({
        id: r['id'] as string,
        title: r['title'] as string,
        amount: num(r['amount']),
        currency: r['currency'] as string,
        closedAt: new Date(r['closed_at'] as string),
      })),
      spendLast90: num(o['last90']),
      spendPrevious90: num(o['prev90']),
      openDeals: num(o['open_deals']),
    },
    service: {
      openTickets: tickets.map((t) => ({
        id: t['id'] as string,
        subject: t['subject'] as string,
        status: t['status'] as string,
        priority: t['priority'] as string,
        slaPolicy: t['sla_policy'] as string,
        createdAt: new Date(t['created_at'] as string),
        firstResponseDueAt: date(t['first_response_due_at']),
        resolutionDueAt: date(t['resolution_due_at']),
        firstRespondedAt: date(t['first_responded_at']),
        firstResponseBreached: Boolean(t['first_response_breached']),
        resolutionBreached: Boolean(t['resolution_breached']),
      })),
      breachesLast30: num(ts['breaches']),
      ticketsLast30: num(ts['tickets']),
    },
    latestCall: call
      ? {
          id: call['id'] as string,
          direction: call['direction'] as string,
          durationSeconds: num(call['duration_seconds']),
          summary: (call['summary'] as string | null) ?? null,
          actionItems: (call['action_items'] as string[] | null) ?? [],
          startedAt: new Date(call['started_at'] as string),
          ticketId: (call['ticket_id'] as string | null) ?? null,
        }
      : null,
    latestSurveys: surveys.map((s) => ({
      kind: s['kind'] as 'csat' | 'nps',
      score: num(s['score']),
      answeredAt: new Date(s['answered_at'] as string),
      comment: (s['comment'] as string | null) ?? null,
    })),
    engagement: {
      sentimentLast30:
        e['sentiment'] === null || e['sentiment'] === undefined ? null : Number(e['sentiment']),
      sentimentMessagesLast30: num(e['sentiment_n']),
      inboundLast30: num(e['inbound30']),
      inboundPrevious30: num(e['inbound_prev30']),
      lastMessageAt: date(e['last_at']),
    },
  };
};
