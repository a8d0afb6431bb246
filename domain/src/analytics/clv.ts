import type { DealFact } from './inputs';
import { DAY_MS, daysBetween, round, sum } from './stats';

/**
 * Customer lifetime value: what the customer has spent (historical) plus what they are expected
 * to spend: average order value × purchases per year × expected remaining lifetime in years.
 */
export const CLV_FORMULA = 'predicted = averageOrderValue × purchasesPerYear × expectedLifetimeYears';

export type ClvSettings = { expectedLifetimeYears: number; minObservationDays: number };

export type Clv = {
  historical: number;
  predicted: number;
  total: number;
  formula: string;
  inputs: {
    orders: number;
    averageOrderValue: number;
    /** Days from the first purchase to `now`, but at least `minObservationDays`. */
    observedDays: number;
    purchasesPerYear: number;
    expectedLifetimeYears: number;
  };
};

const DAYS_PER_YEAR = 365.25;

/** CLV as of `asOf`: only won deals closed at or before it count. */
export const computeClv = (deals: DealFact[], settings: ClvSettings, asOf: Date): Clv => {
  const won = deals.filter((d) => d.status === 'won' && d.closedAt && d.closedAt.getTime() <= asOf.getTime());
  const orders = won.length;
  const historical = sum(won.map((d) => d.amount));
  const first = orders ? Math.min(...won.map((d) => (d.closedAt as Date).getTime())) : asOf.getTime();
  const observedDays = Math.max(settings.minObservationDays, daysBetween(new Date(first), asOf));
  const averageOrderValue = orders ? historical / orders : 0;
  const purchasesPerYear = orders / (observedDays / DAYS_PER_YEAR);
  const predicted = averageOrderValue * purchasesPerYear * settings.expectedLifetimeYears;
  return {
    historical: round(historical),
    predicted: round(predicted),
    total: round(historical + predicted),
    formula: CLV_FORMULA,
    inputs: {
      orders,
      averageOrderValue: round(averageOrderValue),
      observedDays: round(observedDays, 1),
      purchasesPerYear: round(purchasesPerYear, 4),
      expectedLifetimeYears: settings.expectedLifetimeYears,
    },
  };
};

export type ClvChange = { previousTotal: number; change: number; changePercent: number | null };

/** How the total CLV moved since `trendDays` before `now` (percent is null from zero). */
export const clvChange = (
  deals: DealFact[],
  settings: ClvSettings,
  trendDays: number,
  now: Date,
): ClvChange => {
  const previousTotal = computeClv(deals, settings, new Date(now.getTime() - trendDays * DAY_MS)).total;
  const currentTotal = computeClv(deals, settings, now).total;
  const change = round(currentTotal - previousTotal);
  return {
    previousTotal,
    change,
    changePercent: previousTotal === 0 ? null : round((change / previousTotal) * 100, 1),
  };
};
