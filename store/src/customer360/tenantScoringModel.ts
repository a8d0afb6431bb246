import type { EntityManager } from '@mikro-orm/postgresql';
import {
  buildTenantScoringModel,
  computeClv,
  rfmValues,
  type AnalyticsSettings,
  type DealFact,
  type RfmValues,
  type TenantScoringModel,
} from '@c360/domain';
import { assertTenantId } from '../tenancy/tenantFilter';

/**
 * The tenant-wide part of scoring for a read that finds no stored scores: the RFM values of the
 * customers who bought and every customer's total CLV (0 for those who never bought), from one
 * scan of the tenant's won deals (the (tenant_id, status, closed_at) index) and a count; the
 * domain builds the quintiles and VIP cut-offs. No churn training samples: the model is the
 * default one until the rescoring worker stores a trained model.
 */
export const loadTenantScoringModel = async (
  em: EntityManager,
  tenantId: string,
  settings: AnalyticsSettings,
  now: Date,
): Promise<TenantScoringModel> => {
  assertTenantId(tenantId, 'loadTenantScoringModel');
  const [rows, customers] = await Promise.all([
    em.execute<{ customer_id: string; amount: string; closed_at: Date }[]>(
      `select customer_id, amount, closed_at from deal
       where tenant_id = ? and status = 'won' and closed_at is not null and closed_at <= ?`,
      [tenantId, now],
    ),
    em.execute<{ n: string }[]>(`select count(*) as n from customer where tenant_id = ?`, [tenantId]),
  ]);
  const byCustomer = new Map<string, DealFact[]>();
  for (const r of rows) {
    const list = byCustomer.get(r.customer_id) ?? [];
    list.push({ amount: Number(r.amount), status: 'won', closedAt: new Date(r.closed_at) });
    byCustomer.set(r.customer_id, list);
  }
  const rfm: RfmValues[] = [];
  const clvTotals: number[] = [];
  for (const deals of byCustomer.values()) {
    const values = rfmValues(deals, settings.rfm.windowDays, now);
    if (values) rfm.push(values);
    clvTotals.push(computeClv(deals, settings.clv, now).total);
  }
  const neverBought = Math.max(0, Number(customers[0]?.n ?? 0) - byCustomer.size);
  for (let i = 0; i < neverBought; i++) clvTotals.push(0);
  return buildTenantScoringModel(settings, { rfmValues: rfm, clvTotals, churnSamples: [] });
};
