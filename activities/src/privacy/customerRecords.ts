/**
 * The tables holding a customer's records (each with `tenant_id` and `customer_id`), by archive
 * section. The customer's deletion cascades to all of them; the archive reads each.
 */
export const CUSTOMER_TABLES = {
  conversations: 'conversation',
  tickets: 'ticket',
  calls: 'call',
  surveyRequests: 'survey_request',
  surveyResponses: 'survey_response',
  deals: 'deal',
  conversions: 'conversion_event',
  timelineEvents: 'timeline_event',
  knowledgeViews: 'knowledge_view',
  channelIdentities: 'channel_identity',
} as const;

/** Messages belong to the customer through their conversations. */
export const CUSTOMER_MESSAGES_SQL = `
  select m.* from message m join conversation c on c.id = m.conversation_id
   where c.tenant_id = ? and c.customer_id = ? order by m.sent_at, m.id`;

export const CUSTOMER_SEGMENTS_SQL = `
  select s.id as segment_id, s.name, sm.* from segment_membership sm join segment s on s.id = sm.segment_id
   where sm.tenant_id = ? and sm.customer_id = ?`;

export const CONSENT_LOG_SQL = `
  select created_at, entity_id as customer_id, action, after, before, reason, source, actor_type, actor_id
    from audit_log
   where tenant_id = ? and entity_type = 'customer' and action in ('consent.granted', 'consent.revoked')
     and (?::text is null or entity_id = ?)
   order by created_at, id`;

/** Assets attached to the customer's own (inbound) messages and to no one else's: theirs. */
export const CUSTOMER_ASSETS_SQL = `
  with mine as (
    select distinct a->>'assetId' as asset_id
      from message m join conversation c on c.id = m.conversation_id,
           jsonb_array_elements(m.attachments) a
     where c.tenant_id = ? and c.customer_id = ? and m.direction = 'inbound' and a->>'assetId' is not null),
  others as (
    select distinct a->>'assetId' as asset_id
      from message m join conversation c on c.id = m.conversation_id,
           jsonb_array_elements(m.attachments) a
     where c.tenant_id = ? and c.customer_id <> ? and a->>'assetId' is not null)
  select asset.* from asset join mine on asset.id::text = mine.asset_id
   where asset.tenant_id = ? and mine.asset_id not in (select asset_id from others)`;
