import type { EntityManager } from '@mikro-orm/postgresql';
import { assertTenantId } from '../tenancy/tenantFilter';
import {
  CONVERSION_STAGES,
  DEFAULT_CONVERSION_STAGE,
  DEFAULT_TIMELINE_EVENT_STAGE,
  FIXED_KIND_STAGES,
  TIMELINE_EVENT_STAGES,
  type JourneyEventKind,
  type JourneyStage,
} from './journeyStages';

/** One touchpoint on the timeline; `data` depends on `kind` (see the API's journey schemas). */
export type JourneyEventRow = {
  kind: JourneyEventKind;
  id: string;
  at: Date;
  stage: JourneyStage;
  /** `kind:id`, the tie-breaker of the order (a ticket is opened and resolved under one id). */
  eventKey: string;
  data: Record<string, unknown>;
};

/** Where the previous page ended: the last event's time and key. */
export type JourneyCursor = { at: Date; eventKey: string };

const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;

const conversionStageSql = `case ce.type ${Object.entries(CONVERSION_STAGES)
  .map(([type, stage]) => `when ${quote(type)} then ${quote(stage)}`)
  .join(' ')} else ${quote(DEFAULT_CONVERSION_STAGE)} end`;

const timelineStageSql = `case te.kind ${Object.entries(TIMELINE_EVENT_STAGES)
  .map(([kind, stage]) => `when ${quote(kind)} then ${quote(stage)}`)
  .join(' ')} else ${quote(DEFAULT_TIMELINE_EVENT_STAGE)} end`;

const fixed = (kind: JourneyEventKind): string => quote(FIXED_KIND_STAGES[kind] ?? 'service');

/**
 * One SELECT per kind of touchpoint, each reading one table through its (customer_id, time)
 * index, all with the same columns. Each takes the tenant id and the customer id, in that order.
 */
const BRANCHES: Record<JourneyEventKind, string> = {
  message: `select 'message' as kind, m.id, m.sent_at as at, 'message:' || m.id as event_key,
      case when c.ticket_id is null then 'consideration' else 'service' end as stage,
      json_build_object('conversationId', c.id, 'ticketId', c.ticket_id, 'channel', m.channel,
        'direction', m.direction, 'sentiment', m.sentiment, 'deliveryStatus', m.delivery_status,
        'preview', left(m.body, 160)) as data
    from conversation c join message m on m.conversation_id = c.id and m.tenant_id = c.tenant_id
    where c.tenant_id = ? and c.customer_id = ?`,
  ticket_opened: `select 'ticket_opened' as kind, t.id, t.created_at as at, 'ticket_opened:' || t.id as event_key,
      ${fixed('ticket_opened')} as stage,
      json_build_object('ticketId', t.id, 'subject', t.subject, 'status', t.status, 'priority', t.priority,
        'slaPolicy', t.sla_policy, 'firstResponseDueAt', t.first_response_due_at, 'resolutionDueAt', t.resolution_due_at,
        'firstResponseBreached', t.first_response_breached, 'resolutionBreached', t.resolution_breached) as data
    from ticket t where t.tenant_id = ? and t.customer_id = ?`,
  ticket_resolved: `select 'ticket_resolved' as kind, t.id, t.resolved_at as at, 'ticket_resolved:' || t.id as event_key,
      ${fixed('ticket_resolved')} as stage,
      json_build_object('ticketId', t.id, 'subject', t.subject, 'status', t.status, 'priority', t.priority,
        'slaPolicy', t.sla_policy, 'firstResponseDueAt', t.first_response_due_at, 'resolutionDueAt', t.resolution_due_at,
        'firstResponseBreached', t.first_response_breached, 'resolutionBreached', t.resolution_breached,
        'autoResolved', t.auto_resolved) as data
    from ticket t where t.tenant_id = ? and t.customer_id = ? and t.resolved_at is not null`,
  call: `select 'call' as kind, k.id, k.started_at as at, 'call:' || k.id as event_key, ${fixed('call')} as stage,
      json_build_object('ticketId', k.ticket_id, 'direction', k.direction, 'durationSeconds', k.duration_seconds,
        'endedAt', k.ended_at, 'transcriptTurns', coalesce(jsonb_array_length(k.transcript_turns), 0),
        'transcriptChars', coalesce(length(k.transcript), 0),
        'summary', k.summary, 'actionItems', k.action_items) as data
    from call k where k.tenant_id = ? and k.customer_id = ?`,
  knowledge_view: `select 'knowledge_view' as kind, v.id, v.viewed_at as at, 'knowledge_view:' || v.id as event_key,
      ${fixed('knowledge_view')} as stage,
      json_build_object('articleId', a.id, 'title', a.title, 'durationSeconds', v.duration_seconds) as data
    from knowledge_view v join knowledge_article a on a.id = v.article_id and a.tenant_id = v.tenant_id
    where v.tenant_id = ? and v.customer_id = ?`,
  conversion: `select 'conversion' as kind, ce.id, ce.occurred_at as at, 'conversion:' || ce.id as event_key,
      ${conversionStageSql} as stage,
      json_build_object('type', ce.type, 'value', ce.value::float8, 'currency', ce.currency,
        'properties', ce.properties) as data
    from conversion_event ce where ce.tenant_id = ? and ce.customer_id = ?`,
  survey_sent: `select 'survey_sent' as kind, q.id, q.sent_at as at, 'survey_sent:' || q.id as event_key,
      ${fixed('survey_sent')} as stage,
      json_build_object('surveyKind', q.kind, 'channel', q.channel, 'status', q.status, 'ticketId', q.ticket_id) as data
    from survey_request q where q.tenant_id = ? and q.customer_id = ? and q.sent_at is not null`,
  survey_answered: `select 'survey_answered' as kind, r.id, r.answered_at as at, 'survey_answered:' || r.id as event_key,
      ${fixed('survey_answered')} as stage,
      json_build_object('surveyKind', r.kind, 'score', r.score, 'comment', r.comment, 'channel', r.channel,
        'requestId', r.request_id) as data
    from survey_response r where r.tenant_id = ? and r.customer_id = ?`,
  timeline_event: `select 'timeline_event' as kind, te.id, te.occurred_at as at, 'timeline_event:' || te.id as event_key,
      ${timelineStageSql} as stage,
      json_build_object('eventKind', te.kind, 'title', te.title, 'details', te.data) as data
    from timeline_event te where te.tenant_id = ? and te.customer_id = ?`,
};

type RawRow = {
  kind: JourneyEventKind;
  id: string;
  at: Date;
  event_key: string;
  stage: JourneyStage;
  data: Record<string, unknown>;
};

const toRow = (r: RawRow): JourneyEventRow => ({
  kind: r.kind,
  id: r.id,
  at: new Date(r.at),
  stage: r.stage,
  eventKey: r.event_key,
  data: r.data,
});

export type JourneyPageInput = {
  customerId: string;
  limit: number;
  cursor?: JourneyCursor | undefined;
  stage?: JourneyStage | undefined;
  kinds?: readonly JourneyEventKind[] | undefined;
};

/**
 * One page of a customer's timeline, newest first, with keyset pagination: every branch is
 * cut at the cursor and limited to `limit + 1` rows before the UNION, so a page reads at most
 * that many rows per kind, however long the history. Returns up to `limit + 1` rows: the extra
 * one tells the caller there is a next page. Raw SQL skips the ORM's tenant filter, so every
 * branch binds the tenant id itself.
 */
export const loadJourneyPage = async (
  em: EntityManager,
  tenantId: string,
  input: JourneyPageInput,
): Promise<JourneyEventRow[]> => {
  assertTenantId(tenantId, 'loadJourneyPage');
  const kinds = input.kinds?.length ? input.kinds : (Object.keys(BRANCHES) as JourneyEventKind[]);
  const bindings: unknown[] = [];
  const parts = kinds.map((kind) => {
    bindings.push(tenantId, input.customerId);
    const where: string[] = ['b.at is not null'];
    if (input.cursor) {
      where.push('(b.at < ? or (b.at = ? and b.event_key < ?))');
      bindings.push(input.cursor.at, input.cursor.at, input.cursor.eventKey);
    }
    if (input.stage) {
      where.push('b.stage = ?');
      bindings.push(input.stage);
    }
    bindings.push(input.limit + 1);
    return `(select * from (${BRANCHES[kind]}) b where ${where.join(' and ')} order by b.at desc, b.event_key desc limit ?)`;
  });
  bindings.push(input.limit + 1);
  const sql = `select * from (${parts.join(' union all ')}) e order by e.at desc, e.event_key desc limit ?`;
  const rows = await em.execute<RawRow[]>(sql, bindings);
  return rows.map(toRow);
};

export type JourneyStageGroup = {
  stage: JourneyStage;
  count: number;
  firstAt: Date | null;
  lastAt: Date | null;
  /** The newest `perStage + 1` events of the stage, newest first. */
  events: JourneyEventRow[];
};

/** The timeline grouped by stage: each stage's size and span, and its newest events. */
export const loadJourneyByStage = async (
  em: EntityManager,
  tenantId: string,
  customerId: string,
  perStage: number,
): Promise<JourneyStageGroup[]> => {
  assertTenantId(tenantId, 'loadJourneyByStage');
  const kinds = Object.keys(BRANCHES) as JourneyEventKind[];
  const bindings: unknown[] = [];
  const union = kinds
    .map((kind) => {
      bindings.push(tenantId, customerId);
      return `(${BRANCHES[kind]})`;
    })
    .join(' union all ');
  bindings.push(perStage + 1);
  const sql = `select * from (
      select e.*, row_number() over (partition by e.stage order by e.at desc, e.event_key desc) as rn,
        count(*) over (partition by e.stage) as stage_count,
        min(e.at) over (partition by e.stage) as stage_first_at,
        max(e.at) over (partition by e.stage) as stage_last_at
      from (${union}) e where e.at is not null
    ) s where s.rn <= ? order by s.stage, s.rn`;
  const rows = await em.execute<
    (RawRow & { stage_count: string; stage_first_at: Date; stage_last_at: Date })[]
  >(sql, bindings);
  const groups = new Map<JourneyStage, JourneyStageGroup>();
  for (const r of rows) {
    let group = groups.get(r.stage);
    if (!group) {
      group = {
        stage: r.stage,
        count: Number(r.stage_count),
        firstAt: new Date(r.stage_first_at),
        lastAt: new Date(r.stage_last_at),
        events: [],
      };
      groups.set(r.stage, group);
    }
    group.events.push(toRow(r));
  }
  return [...groups.values()];
};
