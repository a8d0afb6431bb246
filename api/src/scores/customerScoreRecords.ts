import type { EntityManager } from '@mikro-orm/postgresql';
import { clvTrend, notFound, type Interval } from '@c360/domain';
import {
  appendOutboxEvent,
  CUSTOMER_CHANGED,
  Customer,
  forTenant,
  loadAnalyticsSettings,
  loadCustomerFacts,
  rescoreCustomers,
  storedScores,
  Tenant,
} from '@c360/store';

const YEAR_MS = 365 * 86_400_000;

/**
 * A customer's scores for the API: the stored health and CLV, and a synchronous recompute.
 * Everything runs scoped to the caller's tenant, so another tenant's customer is "not found".
 */
export const customerScoreRecords = (rootEm: EntityManager, tenantId: string, now: () => Date) => {
  const scoped = () => forTenant(rootEm, tenantId);
  const load = async (em: EntityManager, id: string) => {
    const customer = await em.findOne(Customer, { id });
    if (!customer) throw notFound('customer', id);
    return customer;
  };

  return {
    health: async (id: string) => {
      const scores = storedScores((await load(scoped(), id)).scores);
      return {
        customerId: id,
        scored: scores !== null,
        computedAt: scores?.computedAt ?? null,
        health: scores?.health ?? null,
      };
    },

    /**
     * Recomputes now and stores the result (and its events) if anything moved. The score write
     * bypasses the outbox subscriber, so a `customer.changed` with a reason that is no score
     * input asks the relay to reindex the customer without recomputing again.
     */
    rescore: async (id: string) =>
      scoped().transactional(async (em) => {
        await load(em, id);
        const outcome = await rescoreCustomers(em, tenantId, [id], now());
        const result = outcome.results[0];
        if (!result) throw notFound('customer', id);
        if (result.changed) {
          appendOutboxEvent(em, {
            type: CUSTOMER_CHANGED,
            aggregateType: 'customer',
            aggregateId: id,
            payload: { customerId: id, reasons: ['scores.updated'] },
          });
          await em.flush();
        }
        const previous = result.previous;
        return {
          customerId: id,
          changed: result.changed,
          computedAt: result.scores.computedAt,
          health: result.scores.health,
          previous: previous
            ? { score: previous.health.score, band: previous.health.band, computedAt: previous.computedAt }
            : null,
          events: result.events,
        };
      }),

    lifetimeValue: async (id: string, query: { interval: Interval; from?: string; to?: string }) => {
      const em = scoped();
      const scores = storedScores((await load(em, id)).scores);
      const tenant = await em.findOneOrFail(Tenant, { id: tenantId });
      const settings = await loadAnalyticsSettings(em, tenantId);
      const to = query.to ? new Date(query.to) : now();
      const from = query.from ? new Date(query.from) : new Date(to.getTime() - YEAR_MS);
      const [state] = await loadCustomerFacts(em, tenantId, [id], to, {
        engagementWindowDays: settings.engagement.windowDays,
        withMessages: false,
      });
      const trend = clvTrend(state?.facts.deals ?? [], settings.clv, {
        from,
        to,
        interval: query.interval,
        timeZone: tenant.timeZone,
      });
      return {
        customerId: id,
        computedAt: scores?.computedAt ?? null,
        clv: scores?.clv ?? null,
        trend: trend.map((p) => ({
          key: p.key,
          start: p.start.toISOString(),
          end: p.end.toISOString(),
          historical: p.historical,
          total: p.total,
        })),
      };
    },
  };
};
