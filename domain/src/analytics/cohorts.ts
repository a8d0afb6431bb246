import { DateTime } from 'luxon';
import { round } from './stats';

/**
 * Retention by first-purchase month: row = the customers whose first purchase fell in that month
 * (tenant time zone), column k = how many of them bought again in the k-th month after it
 * (k = 0 is the first month itself, so it is the whole cohort).
 */
export type Purchase = { customerId: string; at: Date };
export type CohortRow = { cohort: string; size: number; retained: number[]; rates: number[] };

const monthIndex = (dt: DateTime): number => dt.year * 12 + (dt.month - 1);

export const cohortRetention = (purchases: Purchase[], timeZone: string, now: Date): CohortRow[] => {
  const nowMonth = monthIndex(DateTime.fromJSDate(now, { zone: timeZone }));
  const months = new Map<string, Set<number>>();
  for (const p of purchases) {
    if (p.at.getTime() > now.getTime()) continue;
    const m = monthIndex(DateTime.fromJSDate(p.at, { zone: timeZone }));
    const set = months.get(p.customerId) ?? new Set<number>();
    set.add(m);
    months.set(p.customerId, set);
  }
  const cohorts = new Map<number, Set<number>[]>();
  for (const set of months.values()) {
    const first = Math.min(...set);
    const list = cohorts.get(first) ?? [];
    list.push(set);
    cohorts.set(first, list);
  }
  return [...cohorts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([first, members]) => {
      const retained = Array.from(
        { length: nowMonth - first + 1 },
        (_, k) => members.filter((set) => set.has(first + k)).length,
      );
      const label = DateTime.fromObject({ year: Math.floor(first / 12), month: (first % 12) + 1 }).toFormat(
        'yyyy-MM',
      );
      return {
        cohort: label,
        size: members.length,
        retained,
        rates: retained.map((n) => round((n / members.length) * 100, 1)),
      };
    });
};
