import type { CustomerFacts, TicketFact } from './inputs';
import { orderTrendValue, satisfactionValue } from './health';
import { daysBetween } from './stats';

/**
 * The churn model's inputs, all computable as of any past date from deals, tickets and surveys,
 * so the same features serve prediction (as of now) and training (as of an earlier date).
 */
export const CHURN_FEATURES = [
  'monthsSinceLastOrder',
  'ordersLog',
  'orderDecline',
  'openTickets',
  'slaBreaches',
  'dissatisfaction',
] as const;
export type ChurnFeature = (typeof CHURN_FEATURES)[number];
export type ChurnFeatures = Record<ChurnFeature, number>;

/** Past this, a longer silence tells nothing more (and a customer who never bought sits here). */
export const MAX_MONTHS_SILENT = 24;
/** Window for SLA breaches, surveys and the order trend. */
export const CHURN_FEATURE_WINDOW_DAYS = 90;

const openAt = (t: TicketFact, asOf: Date): boolean =>
  t.createdAt.getTime() <= asOf.getTime() &&
  (t.resolvedAt ? t.resolvedAt.getTime() > asOf.getTime() : t.status === 'open' || t.status === 'pending');

export const churnFeatures = (facts: CustomerFacts, asOf: Date): ChurnFeatures => {
  const won = facts.deals.filter(
    (d) => d.status === 'won' && d.closedAt && d.closedAt.getTime() <= asOf.getTime(),
  );
  const last = won.length ? Math.max(...won.map((d) => (d.closedAt as Date).getTime())) : null;
  const months =
    last === null ? MAX_MONTHS_SILENT : Math.min(MAX_MONTHS_SILENT, daysBetween(new Date(last), asOf) / 30);
  // A ticket's breach flags are its state today, not as of `asOf`: for training this can count a
  // breach that happened shortly after the observation point (tickets carry no breach time).
  const breaches = facts.tickets.filter((t) => {
    const age = daysBetween(t.createdAt, asOf);
    return age >= 0 && age <= CHURN_FEATURE_WINDOW_DAYS && (t.firstResponseBreached || t.resolutionBreached);
  }).length;
  return {
    monthsSinceLastOrder: months,
    ordersLog: Math.log1p(won.length),
    orderDecline: 1 - orderTrendValue(facts, asOf, CHURN_FEATURE_WINDOW_DAYS).value,
    openTickets: facts.tickets.filter((t) => openAt(t, asOf)).length,
    slaBreaches: breaches,
    dissatisfaction: 1 - satisfactionValue(facts, asOf, CHURN_FEATURE_WINDOW_DAYS).value,
  };
};
