import { assertTenantId } from '../tenancy/tenantFilter';

/**
 * What an analytics question is about: the tenant, a time range [from, to), and optionally a
 * segment (its members only) and a channel (only customers who have a conversation on it).
 */
export type AnalyticsFilter = {
  tenantId: string;
  from: Date;
  to: Date;
  segmentId?: string | undefined;
  channel?: string | undefined;
};

/** A SQL fragment and its bindings, in order. */
export type SqlPart = { sql: string; bindings: unknown[] };

/**
 * ` and <customer column> is in the population`: segment membership (by customer) and a
 * conversation on the channel (conversation by customer). Empty without those filters. Binds
 * the tenant id in each subquery: raw SQL skips the ORM's tenant filter.
 */
export const populationPredicate = (customerColumn: string, f: AnalyticsFilter): SqlPart => {
  const tenantId = assertTenantId(f.tenantId, 'analytics');
  const parts: string[] = [];
  const bindings: unknown[] = [];
  if (f.segmentId) {
    parts.push(
      `exists (select 1 from segment_membership sm where sm.tenant_id = ? and sm.segment_id = ? and sm.customer_id = ${customerColumn})`,
    );
    bindings.push(tenantId, f.segmentId);
  }
  if (f.channel) {
    parts.push(
      `exists (select 1 from conversation pc where pc.tenant_id = ? and pc.customer_id = ${customerColumn} and pc.channel = ?)`,
    );
    bindings.push(tenantId, f.channel);
  }
  return { sql: parts.map((p) => ` and ${p}`).join(''), bindings };
};

export const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

export const toDate = (v: unknown): Date | null =>
  v === null || v === undefined ? null : new Date(v as string);
