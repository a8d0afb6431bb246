import type { EntityManager } from '@mikro-orm/postgresql';
import type { FunnelEvent } from '@c360/domain';
import { placeholders, populationPredicate, type AnalyticsFilter } from './analyticsFilter';

/**
 * The conversion events a funnel needs: its first step inside [from, to), its later steps up to
 * `windowMs` after `to` (a journey started on the last day may finish after it). Reads the
 * (tenant_id, type, occurred_at) index.
 */
export const loadFunnelEvents = async (
  em: EntityManager,
  f: AnalyticsFilter,
  steps: string[],
  windowMs: number,
): Promise<FunnelEvent[]> => {
  const [first, ...rest] = steps;
  if (first === undefined) return [];
  const p = populationPredicate('ce.customer_id', f);
  const later = rest.filter((s) => s !== first);
  const laterSql = later.length
    ? ` or (ce.type in (${placeholders(later.length)}) and ce.occurred_at >= ? and ce.occurred_at < ?)`
    : '';
  const rows = await em.execute<{ customer_id: string; type: string; occurred_at: Date }[]>(
    `select ce.customer_id, ce.type, ce.occurred_at from conversion_event ce
     where ce.tenant_id = ? and ((ce.type = ? and ce.occurred_at >= ? and ce.occurred_at < ?)${laterSql})${p.sql}`,
    [
      f.tenantId,
      first,
      f.from,
      f.to,
      ...(later.length ? [...later, f.from, new Date(f.to.getTime() + windowMs)] : []),
      ...p.bindings,
    ],
  );
  return rows.map((r) => ({ customerId: r.customer_id, type: r.type, at: new Date(r.occurred_at) }));
};
