import type { EntityManager } from '@mikro-orm/postgresql';
import { KEPT_ORDER_DATES, KEPT_SURVEY_ANSWERS, type SurveyAnswerFact } from '@c360/domain';
import { storedScores } from '../scores/storedScores';

/**
 * The searchable part of a customer's scores (the full explanation stays in PostgreSQL): what
 * lists sort on and segments filter on. Null until the customer is first scored.
 */
export type CustomerDocumentScores = {
  computedAt: string;
  rfm: {
    r: number;
    f: number;
    m: number;
    label: string;
    recencyDays: number;
    frequency: number;
    monetary: number;
  } | null;
  clv: { value: number; historical: number; predicted: number };
  health: { score: number; band: string };
  churn: { probability: number; band: string };
  engagement: number;
  vip: boolean;
};

/** What the customers index holds for one customer: profile, preferences and activity aggregates. */
export type CustomerDocument = {
  tenantId: string;
  customerId: string;
  firstName: string;
  lastName: string;
  fullName: string;
  emails: string[];
  phones: string[];
  phoneDigits: string[];
  tags: string[];
  language: string;
  timeZone: string;
  lifecycleStage: string | null;
  isVip: boolean;
  ownerId: string | null;
  createdAt: string;
  updatedAt: string;
  preferences: {
    optedIn: string[];
    language: string | null;
    hasQuietHours: boolean;
    quietHoursTimeZone: string | null;
  };
  scores: CustomerDocumentScores | null;
  customFields: Record<string, unknown>;
  stats: {
    ordersWon: number;
    revenueWon: number;
    lastOrderAt: string | null;
    openTickets: number;
    slaBreaches: number;
    messages: number;
    lastMessageAt: string | null;
    lastActivityAt: string | null;
    /** Segments: `n1` = latest won order's closing date, `n2` the one before, up to `n20`. */
    nthLastOrderAt: Record<string, string>;
  };
  /** Segments: the latest survey answers, newest first. */
  surveys: SurveyAnswerFact[];
  indexedAt: string;
};

/**
 * A batch of documents read from PostgreSQL, with the version they carry into OpenSearch.
 * The version is taken from a sequence just before the read, so a later read always carries a
 * higher version and sees at least as much committed data: with `external_gte` versioning a
 * slow writer holding older data can never overwrite a newer document.
 */
export type CustomerDocumentBatch = { version: number; documents: CustomerDocument[]; missingIds: string[] };

type Row = {
  id: string;
  tenant_id: string;
  first_name: string;
  last_name: string;
  emails: string[] | null;
  phones: string[] | null;
  tags: string[] | null;
  language: string;
  time_zone: string;
  lifecycle_stage: string | null;
  is_vip: boolean;
  owner_id: string | null;
  created_at: Date;
  updated_at: Date;
  scores: unknown;
  custom_fields: Record<string, unknown> | null;
  orders_won: string | number;
  revenue_won: string | number | null;
  last_order_at: Date | null;
  open_tickets: string | number;
  sla_breaches: string | number;
  messages: string | number;
  last_message_at: Date | null;
  last_activity_at: Date | null;
  recent_order_dates: Date[] | null;
  recent_surveys: { kind: string; score: number; answeredAt: string }[] | null;
};

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

const documentScores = (value: unknown): CustomerDocumentScores | null => {
  const s = storedScores(value);
  if (!s) return null;
  return {
    computedAt: s.computedAt,
    rfm: s.rfm && {
      r: s.rfm.r,
      f: s.rfm.f,
      m: s.rfm.m,
      label: s.rfm.segment,
      recencyDays: s.rfm.recencyDays,
      frequency: s.rfm.frequency,
      monetary: s.rfm.monetary,
    },
    clv: { value: s.clv.total, historical: s.clv.historical, predicted: s.clv.predicted },
    health: { score: s.health.score, band: s.health.band },
    churn: { probability: s.churn.probability, band: s.churn.band },
    engagement: s.engagement.score,
    vip: s.vip.isVip,
  };
};

// Raw SQL is not covered by the ORM's tenant filter: every table below is constrained by tenant_id explicitly.
const DOCUMENT_SQL = `
select c.id, c.tenant_id, c.first_name, c.last_name, c.emails, c.phones, c.tags, c.language, c.time_zone,
       c.lifecycle_stage, c.is_vip, c.owner_id, c.created_at, c.updated_at, c.scores, c.custom_fields,
       coalesce(d.orders_won, 0) as orders_won, coalesce(d.revenue_won, 0) as revenue_won, d.last_order_at,
       coalesce(t.open_tickets, 0) as open_tickets, coalesce(t.sla_breaches, 0) as sla_breaches,
       coalesce(m.messages, 0) as messages, m.last_message_at,
       greatest(d.last_order_at, m.last_message_at, t.last_ticket_at) as last_activity_at,
       ro.recent_order_dates, rs.recent_surveys
from customer c
left join lateral (
  select count(*) filter (where status = 'won') as orders_won,
         sum(amount) filter (where status = 'won') as revenue_won,
         max(closed_at) filter (where status = 'won') as last_order_at
  from deal where deal.tenant_id = c.tenant_id and deal.customer_id = c.id
) d on true
left join lateral (
  select count(*) filter (where status in ('open', 'pending')) as open_tickets,
         count(*) filter (where first_response_breached or resolution_breached) as sla_breaches,
         max(created_at) as last_ticket_at
  from ticket where ticket.tenant_id = c.tenant_id and ticket.customer_id = c.id
) t on true
left join lateral (
  select count(*) as messages, max(msg.sent_at) as last_message_at
  from conversation conv join message msg on msg.conversation_id = conv.id and msg.tenant_id = conv.tenant_id
  where conv.tenant_id = c.tenant_id and conv.customer_id = c.id
) m on true
-- Segments: the latest won orders' dates and the latest survey answers, newest first.
left join lateral (
  select array(
    select closed_at from deal
    where deal.tenant_id = c.tenant_id and deal.customer_id = c.id and status = 'won' and closed_at is not null
    order by closed_at desc limit ${KEPT_ORDER_DATES}
  ) as recent_order_dates
) ro on true
left join lateral (
  select json_agg(json_build_object('kind', s.kind, 'score', s.score, 'answeredAt', s.answered_at)
                  order by s.answered_at desc) as recent_surveys
  from (
    select kind, score, answered_at from survey_response
    where survey_response.tenant_id = c.tenant_id and survey_response.customer_id = c.id
    order by answered_at desc limit ${KEPT_SURVEY_ANSWERS}
  ) s
) rs on true
where c.tenant_id = ? and c.id in (?)`;

const toDocument = (r: Row, indexedAt: string): CustomerDocument => {
  const customFields = { ...(r.custom_fields ?? {}) };
  const prefs = customFields['marketingPreferences'] as
    | {
        channels?: Record<string, { optedIn?: boolean }>;
        language?: string;
        quietHours?: { timeZone?: string } | null;
      }
    | undefined;
  delete customFields['marketingPreferences'];
  const phones = r.phones ?? [];
  return {
    tenantId: r.tenant_id,
    customerId: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    fullName: `${r.first_name} ${r.last_name}`.trim(),
    emails: r.emails ?? [],
    phones,
    phoneDigits: phones.map((p) => p.replace(/\D/g, '')).filter((p) => p.length > 0),
    tags: r.tags ?? [],
    language: r.language,
    timeZone: r.time_zone,
    lifecycleStage: r.lifecycle_stage,
    isVip: r.is_vip,
    ownerId: r.owner_id,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    preferences: {
      optedIn: Object.entries(prefs?.channels ?? {})
        .filter(([, v]) => v?.optedIn === true)
        .map(([k]) => k)
        .sort(),
      language: prefs?.language ?? null,
      hasQuietHours: Boolean(prefs?.quietHours),
      quietHoursTimeZone: prefs?.quietHours?.timeZone ?? null,
    },
    scores: documentScores(r.scores),
    customFields,
    stats: {
      ordersWon: Number(r.orders_won),
      revenueWon: Number(r.revenue_won ?? 0),
      lastOrderAt: iso(r.last_order_at),
      openTickets: Number(r.open_tickets),
      slaBreaches: Number(r.sla_breaches),
      messages: Number(r.messages),
      lastMessageAt: iso(r.last_message_at),
      lastActivityAt: iso(r.last_activity_at),
      nthLastOrderAt: Object.fromEntries(
        (r.recent_order_dates ?? []).map((d, i) => [`n${i + 1}`, new Date(d).toISOString()]),
      ),
    },
    surveys: (r.recent_surveys ?? []).map((s) => ({
      kind: s.kind,
      score: s.score,
      answeredAt: new Date(s.answeredAt).toISOString(),
    })),
    indexedAt,
  };
};

export const SEARCH_VERSION_SEQUENCE = 'search_document_version_seq';

/** Reads the search documents of some customers of one tenant from PostgreSQL. */
export const buildCustomerDocuments = async (
  em: EntityManager,
  tenantId: string,
  customerIds: string[],
  now: Date,
): Promise<CustomerDocumentBatch> => {
  // em.execute runs on em's transaction when there is one: the relay reads what it just wrote.
  const [seq] = await em.execute<{ v: string }[]>(`select nextval('${SEARCH_VERSION_SEQUENCE}') as v`);
  const version = Number(seq?.v);
  if (customerIds.length === 0) return { version, documents: [], missingIds: [] };
  const rows = await em.execute<Row[]>(DOCUMENT_SQL, [tenantId, customerIds]);
  const indexedAt = now.toISOString();
  const documents = rows.map((r) => toDocument(r, indexedAt));
  const found = new Set(documents.map((d) => d.customerId));
  return { version, documents, missingIds: customerIds.filter((id) => !found.has(id)) };
};

/** Customer ids of a tenant after `afterId` in id order: the reindex pages through them with this. */
export const listCustomerIdsAfter = async (
  em: EntityManager,
  tenantId: string,
  afterId: string | null,
  limit: number,
): Promise<string[]> => {
  const rows = await em
    .getConnection()
    .execute<
      { id: string }[]
    >(`select id from customer where tenant_id = ? and (?::uuid is null or id > ?::uuid) order by id limit ?`, [tenantId, afterId, afterId, limit]);
  return rows.map((r) => r.id);
};

export const countCustomers = async (em: EntityManager, tenantId: string): Promise<number> => {
  const [row] = await em
    .getConnection()
    .execute<{ n: string }[]>(`select count(*) as n from customer where tenant_id = ?`, [tenantId]);
  return Number(row?.n ?? 0);
};
