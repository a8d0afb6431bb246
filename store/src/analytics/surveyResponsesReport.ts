import type { EntityManager } from '@mikro-orm/postgresql';
import { populationPredicate, type AnalyticsFilter } from './analyticsFilter';

export type SurveyResponseRow = {
  answeredAt: Date;
  kind: 'csat' | 'nps';
  score: number;
  channel: string;
  comment: string | null;
  customerId: string;
  customerName: string;
};

/**
 * The CSAT and NPS answers of [from, to) under the analytics filter, oldest first, at most
 * `limit` of them (a report lists them; the trend counts them all).
 */
export const loadSurveyResponses = async (
  em: EntityManager,
  f: AnalyticsFilter,
  limit: number,
): Promise<SurveyResponseRow[]> => {
  const p = populationPredicate('r.customer_id', f);
  const rows = await em.execute<
    {
      answered_at: Date;
      kind: 'csat' | 'nps';
      score: number;
      channel: string;
      comment: string | null;
      customer_id: string;
      first_name: string;
      last_name: string;
    }[]
  >(
    `select r.answered_at, r.kind, r.score, r.channel, r.comment, r.customer_id, c.first_name, c.last_name
       from survey_response r join customer c on c.id = r.customer_id and c.tenant_id = r.tenant_id
      where r.tenant_id = ? and r.answered_at >= ? and r.answered_at < ?${p.sql}
      order by r.answered_at, r.id
      limit ?`,
    [f.tenantId, f.from, f.to, ...p.bindings, limit],
  );
  return rows.map((r) => ({
    answeredAt: new Date(r.answered_at),
    kind: r.kind,
    score: Number(r.score),
    channel: r.channel,
    comment: r.comment,
    customerId: r.customer_id,
    customerName: `${r.first_name} ${r.last_name}`.trim(),
  }));
};
