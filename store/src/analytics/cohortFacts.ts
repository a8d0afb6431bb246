import type { EntityManager } from '@mikro-orm/postgresql';
import { populationPredicate, type AnalyticsFilter } from './analyticsFilter';

/**
 * The local months (tenant time zone; `monthStart` is the month's first local midnight) in which each customer of the population won
 * a deal, up to `to`: one row per customer and month, however many orders. All history, not
 * only [from, to): a cohort is defined by the first purchase ever.
 */
export const loadPurchaseMonths = async (
  em: EntityManager,
  f: AnalyticsFilter,
  timeZone: string,
): Promise<{ customerId: string; monthStart: Date }[]> => {
  const p = populationPredicate('d.customer_id', f);
  const rows = await em.execute<{ customer_id: string; month: Date }[]>(
    `select distinct d.customer_id, date_trunc('month', d.closed_at, ?) as month from deal d
     where d.tenant_id = ? and d.status = 'won' and d.closed_at is not null and d.closed_at < ?${p.sql}`,
    [timeZone, f.tenantId, f.to, ...p.bindings],
  );
  return rows.map((r) => ({ customerId: r.customer_id, monthStart: new Date(r.month) }));
};
