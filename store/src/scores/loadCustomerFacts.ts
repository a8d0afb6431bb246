import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  ChannelMessageStats,
  CustomerFacts,
  CustomerScores,
  DealFact,
  SurveyFact,
  TicketFact,
} from '@c360/domain';
import { storedScores } from './storedScores';

/** One customer as a recompute sees it: the calculators' facts and what is stored now. */
export type CustomerScoreState = {
  customerId: string;
  facts: CustomerFacts;
  previous: CustomerScores | null;
  isVip: boolean;
};

export type LoadFactsOptions = {
  /** Message counts cover the `engagementWindowDays` days before `now`. */
  engagementWindowDays: number;
  /** Skip the message query (the tenant-level model does not read messages). */
  withMessages?: boolean;
  /** Lock the customer rows until the transaction ends, so two recomputes of one customer queue up. */
  lock?: boolean;
};

type CustomerRow = { id: string; tags: string[] | null; is_vip: boolean; scores: unknown };
type DealRow = {
  customer_id: string;
  amount: string | number;
  status: DealFact['status'];
  closed_at: Date | null;
};
type TicketRow = {
  customer_id: string;
  status: TicketFact['status'];
  created_at: Date;
  first_responded_at: Date | null;
  resolved_at: Date | null;
  first_response_breached: boolean;
  resolution_breached: boolean;
};
type SurveyRow = {
  customer_id: string;
  kind: SurveyFact['kind'];
  score: number;
  answered_at: Date;
  channel: string;
};
type MessageRow = {
  customer_id: string;
  channel: string;
  inbound: string | number;
  outbound: string | number;
  last_inbound_at: Date | null;
};

const date = (d: Date | string): Date => (d instanceof Date ? d : new Date(d));
const maybeDate = (d: Date | string | null): Date | null => (d === null ? null : date(d));

const groupBy = <R extends { customer_id: string }, T>(rows: R[], map: (r: R) => T): Map<string, T[]> => {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.customer_id);
    if (list) list.push(map(r));
    else out.set(r.customer_id, [map(r)]);
  }
  return out;
};

/**
 * Reads the score inputs of some customers of one tenant in five queries (customers, won/open/lost
 * deals, tickets with their SLA outcome, survey answers, message counts per channel and direction
 * in the engagement window). Raw SQL is outside the ORM's tenant filter: every table is
 * constrained by tenant_id explicitly. Runs on `em`'s transaction when it has one.
 */
export const loadCustomerFacts = async (
  em: EntityManager,
  tenantId: string,
  customerIds: string[],
  now: Date,
  options: LoadFactsOptions,
): Promise<CustomerScoreState[]> => {
  if (customerIds.length === 0) return [];
  const ids = [...new Set(customerIds)];
  const customers = await em.execute<CustomerRow[]>(
    `select id, tags, is_vip, scores from customer where tenant_id = ? and id in (?) order by id${
      options.lock ? ' for update' : ''
    }`,
    [tenantId, ids],
  );
  if (customers.length === 0) return [];
  const found = customers.map((c) => c.id);
  // One after the other: inside a transaction they share one connection, which runs one query at a time.
  const deals = await em.execute<DealRow[]>(
    `select customer_id, amount, status, closed_at from deal where tenant_id = ? and customer_id in (?)`,
    [tenantId, found],
  );
  const tickets = await em.execute<TicketRow[]>(
    `select customer_id, status, created_at, first_responded_at, resolved_at, first_response_breached,
            resolution_breached
     from ticket where tenant_id = ? and customer_id in (?)`,
    [tenantId, found],
  );
  const surveys = await em.execute<SurveyRow[]>(
    `select customer_id, kind, score, answered_at, channel from survey_response where tenant_id = ? and customer_id in (?)`,
    [tenantId, found],
  );
  const messages =
    options.withMessages === false
      ? []
      : await em.execute<MessageRow[]>(
          `select conv.customer_id, msg.channel,
                  count(*) filter (where msg.direction = 'inbound' and msg.sent_at > ?::timestamptz - make_interval(days => ?)) as inbound,
                  count(*) filter (where msg.direction = 'outbound' and msg.sent_at > ?::timestamptz - make_interval(days => ?)) as outbound,
                  max(msg.sent_at) filter (where msg.direction = 'inbound') as last_inbound_at
           from conversation conv
           join message msg on msg.conversation_id = conv.id and msg.tenant_id = conv.tenant_id
           where conv.tenant_id = ? and conv.customer_id in (?) and msg.sent_at <= ?::timestamptz
           group by conv.customer_id, msg.channel`,
          [
            now.toISOString(),
            Math.ceil(options.engagementWindowDays),
            now.toISOString(),
            Math.ceil(options.engagementWindowDays),
            tenantId,
            found,
            now.toISOString(),
          ],
        );

  const dealsBy = groupBy(
    deals,
    (r): DealFact => ({
      amount: Number(r.amount),
      status: r.status,
      closedAt: maybeDate(r.closed_at),
    }),
  );
  const ticketsBy = groupBy(
    tickets,
    (r): TicketFact => ({
      status: r.status,
      createdAt: date(r.created_at),
      firstRespondedAt: maybeDate(r.first_responded_at),
      resolvedAt: maybeDate(r.resolved_at),
      firstResponseBreached: r.first_response_breached,
      resolutionBreached: r.resolution_breached,
    }),
  );
  const surveysBy = groupBy(
    surveys,
    (r): SurveyFact => ({
      kind: r.kind,
      score: Number(r.score),
      answeredAt: date(r.answered_at),
      channel: r.channel,
    }),
  );
  const messagesBy = groupBy(
    messages,
    (r): ChannelMessageStats => ({
      channel: r.channel,
      inbound: Number(r.inbound),
      outbound: Number(r.outbound),
      lastInboundAt: maybeDate(r.last_inbound_at),
    }),
  );

  return customers.map((c) => ({
    customerId: c.id,
    isVip: c.is_vip,
    previous: storedScores(c.scores),
    facts: {
      deals: dealsBy.get(c.id) ?? [],
      tickets: ticketsBy.get(c.id) ?? [],
      surveys: surveysBy.get(c.id) ?? [],
      messages: (messagesBy.get(c.id) ?? []).sort((a, b) => a.channel.localeCompare(b.channel)),
      tags: c.tags ?? [],
    },
  }));
};
