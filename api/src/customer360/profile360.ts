import type { EntityManager } from '@mikro-orm/postgresql';
import { clvTrend, computeCustomerScores, insightCards, slaRisk, type InsightCard } from '@c360/domain';
import {
  loadCustomerFacts,
  loadProfileFacts,
  storedScores,
  tenantScoringModel,
  type Customer,
  type TenantContext,
} from '@c360/store';
import { preferencesOf, toCustomerView } from '../customers/customerRecords';
import type { Profile360View } from './profile360Schemas';

const BADGE_ORDER = { breached: 0, at_risk: 1, ok: 2 } as const;
const round2 = (n: number) => Math.round(n * 100) / 100;

export type Profile360Deps = {
  em: EntityManager;
  tenantId: string;
  tenant: TenantContext;
  now: Date;
};

/**
 * Everything the Customer 360 shows: profile, orders, scores (stored, or computed now when the
 * worker has not stored any yet, from the worker's own inputs: `loadCustomerFacts` and the tenant
 * model cached in `tenant_score_model`), insight cards with their numbers, SLA badges of open tickets,
 * the latest call and the preferences.
 */
export const buildProfile360 = async (deps: Profile360Deps, customer: Customer): Promise<Profile360View> => {
  const { em, tenantId, tenant, now } = deps;
  const { settings } = tenant;
  const [facts, [state]] = await Promise.all([
    loadProfileFacts(em, tenantId, customer.id, now),
    loadCustomerFacts(em, tenantId, [customer.id], now, {
      engagementWindowDays: settings.engagement.windowDays,
    }),
  ]);
  if (!state) throw new Error(`customer ${customer.id} was found but has no score inputs`);
  const scoreFacts = state.facts;
  const stored = storedScores(customer.scores);
  const scores =
    stored ??
    computeCustomerScores(
      { ...scoreFacts, previous: null },
      await tenantScoringModel(em, tenantId, now),
      now,
    );

  const slaRisks = facts.service.openTickets
    .map((t) => ({ ticket: t, risk: slaRisk(t, now) }))
    .sort(
      (a, b) =>
        BADGE_ORDER[a.risk.badge] - BADGE_ORDER[b.risk.badge] ||
        (a.risk.minutesLeft ?? Infinity) - (b.risk.minutesLeft ?? Infinity),
    )
    .map(({ ticket, risk }) => ({
      ticketId: ticket.id,
      subject: ticket.subject,
      status: ticket.status,
      priority: ticket.priority,
      badge: risk.badge,
      deadline: risk.deadline,
      dueAt: risk.dueAt?.toISOString() ?? null,
      minutesLeft: risk.minutesLeft,
    }));

  const isVip = scores.vip.isVip || customer.isVip;
  const cards: InsightCard[] = insightCards({
    now,
    orders: facts.orders,
    breachesLast30: facts.service.breachesLast30,
    ticketsLast30: facts.service.ticketsLast30,
    openTicketBadges: slaRisks.map((r) => r.badge),
    latestSurveys: facts.latestSurveys,
    sentimentLast30: facts.engagement.sentimentLast30,
    sentimentMessagesLast30: facts.engagement.sentimentMessagesLast30,
    churn: scores.churn,
    isVip,
  });

  const year = new Date(now.getTime() - 365 * 86_400_000);
  const trend = clvTrend(scoreFacts.deals, settings.clv, {
    from: year,
    to: now,
    interval: 'month',
    timeZone: tenant.timeZone,
  }).map((p) => ({ ...p, start: p.start.toISOString(), end: p.end.toISOString() }));

  const { orders } = facts;
  return {
    customer: toCustomerView(customer),
    orders: {
      count: orders.count,
      total: round2(orders.total),
      averageOrderValue: orders.count ? round2(orders.total / orders.count) : null,
      currency: orders.currency,
      firstOrderAt: orders.firstOrderAt?.toISOString() ?? null,
      lastOrderAt: orders.lastOrderAt?.toISOString() ?? null,
      openDeals: orders.openDeals,
      recent: orders.recent.map((o) => ({ ...o, closedAt: o.closedAt.toISOString() })),
    },
    scores: { source: stored ? 'stored' : 'computed', computedAt: scores.computedAt },
    rfm: scores.rfm,
    clv: { ...scores.clv, trend },
    health: scores.health,
    vip: { isVip, flagged: customer.isVip, matched: scores.vip.matched },
    churn: scores.churn,
    engagement: {
      score: scores.engagement.score,
      interactions: scores.engagement.interactions,
      activeChannels: scores.engagement.activeChannels,
    },
    surveys: scores.surveys,
    insights: cards,
    slaRisks,
    latestCall: facts.latestCall
      ? {
          ...facts.latestCall,
          direction: facts.latestCall.direction as 'inbound' | 'outbound',
          startedAt: facts.latestCall.startedAt.toISOString(),
        }
      : null,
    preferences: preferencesOf(customer),
  };
};
