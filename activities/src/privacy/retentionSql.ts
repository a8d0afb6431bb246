import { REDACTED_BODY } from '@c360/domain';
import type { PurgeTarget } from '@c360/workflows';

/**
 * One batch of a retention rule as SQL: picks at most `limit` rows of the tenant older than the
 * cut-off and not yet purged (so a retried batch finds the rest, never the same rows), locks them,
 * purges them, and returns each purged row's customer. Parameters: tenant id, cut-off, limit.
 */
export const RETENTION_BATCH_SQL: Record<Exclude<PurgeTarget, 'exports'>, string> = {
  // Message bodies: the text, the HTML and the attachment list go; the row (who, when, which
  // channel, delivery status) stays so conversation counts and reports keep their numbers.
  messages: `
    with picked as (
      select m.id from message m
      where m.tenant_id = ? and m.sent_at < ? and m.metadata->>'redactedAt' is null
      order by m.sent_at, m.id limit ? for update of m skip locked)
    update message m
       set body = '${REDACTED_BODY}', html = null, attachments = '[]'::jsonb,
           metadata = m.metadata || jsonb_build_object('redactedAt', now())
      from picked, conversation c
     where m.id = picked.id and c.id = m.conversation_id
    returning c.customer_id`,
  // Call transcripts: the transcript, its turns and what was derived from them (summary, action
  // items); the call itself (when, how long, which agent) stays.
  calls: `
    with picked as (
      select id from call
      where tenant_id = ? and started_at < ?
        and (transcript is not null or transcript_turns is not null or summary is not null
             or action_items <> '[]'::jsonb)
      order by started_at, id limit ? for update skip locked)
    update call set transcript = null, transcript_turns = null, summary = null, action_items = '[]'::jsonb
      from picked where call.id = picked.id
    returning call.customer_id`,
  // Closed tickets (resolved or closed), aged from their resolution (their last change when
  // they have none): the row goes; conversations and calls that named it keep a null ticket.
  tickets: `
    with picked as (
      select id from ticket
      where tenant_id = ? and status in ('resolved', 'closed') and coalesce(resolved_at, updated_at) < ?
      order by id limit ? for update skip locked)
    delete from ticket using picked where ticket.id = picked.id
    returning ticket.customer_id`,
};
