import type { FormatNumberOptions } from 'react-intl';
import type { KpiKey } from '../api/analyticsTypes';

/** How a KPI reads: a count, money, a percentage (0-100), a score, or minutes. */
export type KpiKind = 'count' | 'money' | 'percent' | 'score' | 'minutes';

/** The KPI cards, in order, and how each is formatted. */
export const KPI_CARDS: { key: KpiKey; kind: KpiKind; lowerIsBetter?: boolean }[] = [
  { key: 'customers', kind: 'count' },
  { key: 'newCustomers', kind: 'count' },
  { key: 'activeCustomers', kind: 'count' },
  { key: 'orders', kind: 'count' },
  { key: 'revenue', kind: 'money' },
  { key: 'averageOrderValue', kind: 'money' },
  { key: 'csat', kind: 'percent' },
  { key: 'nps', kind: 'score' },
  { key: 'engagement', kind: 'score' },
  { key: 'ticketsOpened', kind: 'count' },
  { key: 'slaBreachRate', kind: 'percent', lowerIsBetter: true },
  { key: 'medianFirstResponseMinutes', kind: 'minutes', lowerIsBetter: true },
  { key: 'medianResolutionMinutes', kind: 'minutes', lowerIsBetter: true },
];

/** Whether a change is good news, bad news, or neither (no change, or nothing to compare). */
export const changeTone = (change: number | null, lowerIsBetter = false): 'up' | 'down' | 'flat' => {
  if (change === null || change === 0) return 'flat';
  return change > 0 !== lowerIsBetter ? 'up' : 'down';
};

/** Intl.NumberFormat options for a KPI's kind (the locale decides digits and separators). */
export const numberOptions = (kind: KpiKind): FormatNumberOptions => {
  switch (kind) {
    case 'percent':
      return { maximumFractionDigits: 1 };
    case 'money':
      return { maximumFractionDigits: 2, minimumFractionDigits: 2 };
    case 'score':
    case 'minutes':
      return { maximumFractionDigits: 1 };
    default:
      return { maximumFractionDigits: 0 };
  }
};
