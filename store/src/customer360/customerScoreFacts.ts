import type { EntityManager } from '@mikro-orm/postgresql';
import type { CustomerFacts, DealFact, SurveyFact, TicketFact } from '@c360/domain';
import { assertTenantId } from '../tenancy/tenantFilter';

const DAY_MS = 86_400_000;
const date = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));

/**
 * The inputs of `computeCustomerScores` for one customer, read with one indexed query per table
 * (deal by customer; ticket by customer; survey_response by customer and time; conversation by
 * customer joined to its messages). Messages are counted per channel over the engagement window.
 */
export const loadCustomerScoreFacts = async (
  em: EntityManager,
  tenantId: string,
  customerId: string,
  tags: string[],
  now: Date,
  engagementWindowDays: number,
): Promise<CustomerFacts> => {
  assertTenantId(tenantId, 'loadCustomerScoreFacts');
  const ids = [tenantId, customerId];
  const windowStart = new Date(now.getTime() - engagementWindowDays * DAY_MS);
  const [deals, tickets, surveys, messages] = await Promise.all([
    em.execute<Record<string, unknown>[]>(
      `select amount, status, closed_at from deal where tenant_id = ? and customer_id = ?`,
      ids,
    ),
    em.execute<Record<string, unknown>[]>(
      `select t.status, t.created_at, t.first_responded_at, t.resolved_at, t.first_response_breached,
         t.resolution_breached,
         (select cv.channel from conversation cv where cv.tenant_id = t.tenant_id and cv.ticket_id = t.id
          order by cv.created_at limit 1) as channel
       from ticket t where t.tenant_id = ? and t.customer_id = ?`,
      ids,
    ),
    em.execute<Record<string, unknown>[]>(
      `select kind, score, answered_at, channel from survey_response
       where tenant_id = ? and customer_id = ? and answered_at <= ?`,
      [...ids, now],
    ),
    em.execute<Record<string, unknown>[]>(
      `select c.channel,
         count(*) filter (where m.direction = 'inbound' and m.sent_at > ?) as inbound,
         count(*) filter (where m.direction = 'outbound' and m.sent_at > ?) as outbound,
         max(m.sent_at) filter (where m.direction = 'inbound') as last_inbound_at
       from conversation c join message m on m.conversation_id = c.id and m.tenant_id = c.tenant_id
       where c.tenant_id = ? and c.customer_id = ? and m.sent_at <= ?
       group by c.channel order by c.channel`,
      [windowStart, windowStart, ...ids, now],
    ),
  ]);
  return {
    deals: deals.map(
      (d): DealFact => ({
        amount: Number(d['amount']),
        status: d['status'] as DealFact['status'],
        closedAt: date(d['closed_at']),
      }),
    ),
    tickets: tickets.map(
      (t): TicketFact => ({
        status: t['status'] as TicketFact['status'],
        createdAt: new Date(t['created_at'] as string),
        firstRespondedAt: date(t['first_responded_at']),
        resolvedAt: date(t['resolved_at']),
        firstResponseBreached: Boolean(t['first_response_breached']),
        resolutionBreached: Boolean(t['resolution_breached']),
        channel: (t['channel'] as string | null) ?? null,
      }),
    ),
    surveys: surveys.map(
      (s): SurveyFact => ({
        kind: s['kind'] as SurveyFact['kind'],
        score: Number(s['score']),
        answeredAt: new Date(s['answered_at'] as string),
        channel: (s['channel'] as string | null) ?? null,
      }),
    ),
    messages: messages.map((m) => ({
      channel: m['channel'] as string,
      inbound: Number(m['inbound']),
      outbound: Number(m['outbound']),
      lastInboundAt: date(m['last_inbound_at']),
    })),
    tags,
  };
};
