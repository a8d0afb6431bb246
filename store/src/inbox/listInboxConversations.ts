import type { EntityManager } from '@mikro-orm/postgresql';
import type { ConversationChannel, ConversationStatus } from '../entities/vocabulary';
import { assertTenantId } from '../tenancy/tenantFilter';
import type { InboxCursor, InboxQuery, SlaRisk } from './inboxQuery';

export type InboxConversationRow = {
  id: string;
  channel: ConversationChannel;
  status: ConversationStatus;
  subject: string | null;
  tags: string[];
  customer: { id: string; firstName: string; lastName: string };
  assigneeId: string | null;
  ticketId: string | null;
  team: string | null;
  lastMessageAt: Date | null;
  lastInboundAt: Date | null;
  lastActivityAt: Date;
  slaDueAt: Date | null;
  slaRisk: SlaRisk;
  unread: boolean;
  preview: string | null;
};

type RawRow = {
  id: string;
  channel: ConversationChannel;
  status: ConversationStatus;
  subject: string | null;
  tags: string[];
  customer_id: string;
  first_name: string;
  last_name: string;
  assignee_id: string | null;
  ticket_id: string | null;
  team: string | null;
  last_message_at: Date | null;
  last_inbound_at: Date | null;
  last_activity_at: Date;
  sla_due_at: Date | null;
  sla_risk: SlaRisk;
  unread: boolean;
  preview: string | null;
  sort_key: string;
};

// The due date that matters now: first response until answered, then resolution. `least` skips nulls.
const SLA_DUE = `case when t.id is null or t.status in ('resolved', 'closed') then null
  when t.first_responded_at is null then least(t.first_response_due_at, t.resolution_due_at)
  else t.resolution_due_at end`;

const BASE = `select c.id, c.channel, c.status, c.subject, c.tags, c.customer_id, cu.first_name, cu.last_name,
    c.assignee_id, c.ticket_id, t.team, c.last_message_at, c.last_inbound_at,
    coalesce(c.last_message_at, c.created_at) as last_activity_at,
    ${SLA_DUE} as sla_due_at,
    case when t.id is null or t.status in ('resolved', 'closed') then 'none'
      when t.first_response_breached or t.resolution_breached or ${SLA_DUE} <= ?::timestamptz then 'breached'
      when ?::timestamptz >= t.created_at + (${SLA_DUE} - t.created_at) * ?::float8 then 'at_risk'
      else 'ok' end as sla_risk,
    (c.last_inbound_at is not null and (r.last_read_at is null or c.last_inbound_at > r.last_read_at)) as unread,
    (select left(m.body, 200) from message m where m.conversation_id = c.id and m.tenant_id = c.tenant_id
      order by m.sent_at desc, m.id desc limit 1) as preview
  from conversation c
  join customer cu on cu.id = c.customer_id and cu.tenant_id = c.tenant_id
  left join ticket t on t.id = c.ticket_id and t.tenant_id = c.tenant_id
  left join conversation_read r on r.conversation_id = c.id and r.tenant_id = c.tenant_id and r.user_id = ?
  where c.tenant_id = ?`;

const SORTS = {
  // Newest activity first.
  last_activity: { expr: 'last_activity_at', dir: 'desc', op: '<' },
  // Soonest due first; conversations with nothing due last.
  sla_due: { expr: `coalesce(sla_due_at, 'infinity'::timestamptz)`, dir: 'asc', op: '>' },
} as const;

const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/**
 * One page of a tenant's inbox, filtered and sorted, with keyset pagination on (sort key, id):
 * a page costs the same however deep it is, and rows added meanwhile do not shift the pages.
 */
export const listInboxConversations = async (
  em: EntityManager,
  query: InboxQuery,
): Promise<{ rows: InboxConversationRow[]; next: InboxCursor | null }> => {
  const tenantId = assertTenantId(query.tenantId, 'listInboxConversations');
  const { filter } = query;
  const sort = SORTS[query.sort];
  const where: string[] = [];
  const bindings: unknown[] = [query.now, query.now, query.riskThreshold, query.readerId, tenantId];
  if (filter.channels?.length) {
    where.push(`channel in (${placeholders(filter.channels.length)})`);
    bindings.push(...filter.channels);
  }
  if (filter.statuses?.length) {
    where.push(`status in (${placeholders(filter.statuses.length)})`);
    bindings.push(...filter.statuses);
  }
  if (filter.assignee === 'none') where.push('assignee_id is null');
  else if (filter.assignee) {
    where.push('assignee_id = ?');
    bindings.push(filter.assignee);
  }
  if (filter.team) {
    where.push('team = ?');
    bindings.push(filter.team);
  }
  if (filter.unread !== undefined) where.push(filter.unread ? 'unread' : 'not unread');
  if (filter.slaRisks?.length) {
    where.push(`sla_risk in (${placeholders(filter.slaRisks.length)})`);
    bindings.push(...filter.slaRisks);
  }
  if (query.after) {
    where.push(`(${sort.expr}, id) ${sort.op} (?::timestamptz, ?::uuid)`);
    bindings.push(query.after.key, query.after.id);
  }
  const sql = `select *, (${sort.expr})::text as sort_key from (${BASE}) inbox
    ${where.length ? `where ${where.join(' and ')}` : ''}
    order by ${sort.expr} ${sort.dir}, id ${sort.dir}
    limit ?`;
  bindings.push(query.limit + 1);
  const raw = await em.execute<RawRow[]>(sql, bindings);
  const page = raw.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    rows: page.map(toRow),
    next: raw.length > query.limit && last ? { key: last.sort_key, id: last.id } : null,
  };
};

const toDate = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

const toRow = (r: RawRow): InboxConversationRow => ({
  id: r.id,
  channel: r.channel,
  status: r.status,
  subject: r.subject,
  tags: r.tags,
  customer: { id: r.customer_id, firstName: r.first_name, lastName: r.last_name },
  assigneeId: r.assignee_id,
  ticketId: r.ticket_id,
  team: r.team,
  lastMessageAt: toDate(r.last_message_at),
  lastInboundAt: toDate(r.last_inbound_at),
  lastActivityAt: new Date(r.last_activity_at),
  slaDueAt: toDate(r.sla_due_at),
  slaRisk: r.sla_risk,
  unread: r.unread,
  preview: r.preview,
});
