import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChannelConversation, ChannelSurvey } from '@c360/domain';
import { populationPredicate, toDate, type AnalyticsFilter } from './analyticsFilter';

/**
 * Per-channel inputs: the conversations started in [from, to) with their first agent answer (the
 * first outbound message) and their ticket's resolution; and the CSAT answers given in the range
 * about a ticket, attributed to the channel of that ticket's first conversation. An answer about
 * no ticket, or a ticket without a conversation, has no channel and is left out.
 */
export const loadChannelFacts = async (
  em: EntityManager,
  f: AnalyticsFilter,
): Promise<{ conversations: ChannelConversation[]; surveys: ChannelSurvey[] }> => {
  const pc = populationPredicate('c.customer_id', f);
  const pr = populationPredicate('r.customer_id', f);
  const channelSql = f.channel ? ' and c.channel = ?' : '';
  const channelBinding = f.channel ? [f.channel] : [];
  const [conversations, surveys] = await Promise.all([
    em.execute<Record<string, unknown>[]>(
      `select c.channel, c.created_at,
         (select min(m.sent_at) from message m
           where m.tenant_id = c.tenant_id and m.conversation_id = c.id and m.direction = 'outbound') as first_response_at,
         t.resolved_at
       from conversation c left join ticket t on t.id = c.ticket_id and t.tenant_id = c.tenant_id
       where c.tenant_id = ? and c.created_at >= ? and c.created_at < ?${channelSql}${pc.sql}`,
      [f.tenantId, f.from, f.to, ...channelBinding, ...pc.bindings],
    ),
    em.execute<{ channel: string; kind: 'csat' | 'nps'; score: number }[]>(
      `select c.channel, r.kind, r.score from survey_response r
       join survey_request q on q.id = r.request_id and q.tenant_id = r.tenant_id
       join lateral (select cv.channel from conversation cv where cv.tenant_id = q.tenant_id and cv.ticket_id = q.ticket_id
                     order by cv.created_at, cv.id limit 1) c on true
       where r.tenant_id = ? and r.kind = 'csat' and r.answered_at >= ? and r.answered_at < ?${channelSql}${pr.sql}`,
      [f.tenantId, f.from, f.to, ...channelBinding, ...pr.bindings],
    ),
  ]);
  return {
    conversations: conversations.map((c) => ({
      channel: c['channel'] as string,
      startedAt: new Date(c['created_at'] as string),
      firstResponseAt: toDate(c['first_response_at']),
      resolvedAt: toDate(c['resolved_at']),
    })),
    surveys: surveys.map((s) => ({ channel: s.channel, kind: s.kind, score: Number(s.score) })),
  };
};
