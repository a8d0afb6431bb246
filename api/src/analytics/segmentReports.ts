import type { EntityManager } from '@mikro-orm/postgresql';
import { bucketKey, channelAnalytics, cohortRetention, funnel } from '@c360/domain';
import { loadChannelFacts, loadFunnelEvents, loadPurchaseMonths, type AnalyticsFilter } from '@c360/store';

/**
 * Retention rows for the cohorts whose first purchase month (tenant time zone) falls in the
 * range; retention is counted up to the month holding the end of the range.
 */
export const cohortsReport = async (em: EntityManager, f: AnalyticsFilter, timeZone: string) => {
  const months = await loadPurchaseMonths(em, f, timeZone);
  const purchases = months.map((m) => ({ customerId: m.customerId, at: m.monthStart }));
  const last = new Date(f.to.getTime() - 1);
  const fromMonth = bucketKey(f.from, 'month', timeZone);
  return cohortRetention(purchases, timeZone, last).filter((row) => row.cohort >= fromMonth);
};

export const funnelReport = async (
  em: EntityManager,
  f: AnalyticsFilter,
  steps: string[],
  windowDays: number,
) => {
  const windowMs = windowDays * 86_400_000;
  return funnel(await loadFunnelEvents(em, f, steps, windowMs), steps, windowMs);
};

export const channelsReport = async (em: EntityManager, f: AnalyticsFilter) => {
  const { conversations, surveys } = await loadChannelFacts(em, f);
  return channelAnalytics(conversations, surveys);
};
