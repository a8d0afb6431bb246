import type { CustomerListQuery } from '../api/types';

/** The customer list's quick filters, each a set of the list API's own query parameters. */
export const LIST_QUICK_FILTERS = {
  vip: { isVip: true },
  atRisk: { lifecycleStage: 'at_risk' },
  leads: { lifecycleStage: 'lead' },
  optedInWhatsapp: { optedIn: 'whatsapp' },
  optedInEmail: { optedIn: 'email' },
} as const satisfies Record<string, Partial<CustomerListQuery>>;

export type ListQuickFilter = keyof typeof LIST_QUICK_FILTERS;

/**
 * The query for a search text and the ticked chips. Two chips that set the same parameter cannot
 * both hold (a customer has one lifecycle stage), so the one ticked last wins.
 */
export const listQuery = (q: string, chips: readonly ListQuickFilter[], page: number): CustomerListQuery => {
  const query: CustomerListQuery = { page, pageSize: 25 };
  const text = q.trim();
  if (text) query.q = text;
  for (const chip of chips) Object.assign(query, LIST_QUICK_FILTERS[chip]);
  return query;
};

/** Ticks a chip (dropping the ones it conflicts with) or unticks it. */
export const toggleChip = (chips: readonly ListQuickFilter[], chip: ListQuickFilter): ListQuickFilter[] => {
  if (chips.includes(chip)) return chips.filter((c) => c !== chip);
  const keys = Object.keys(LIST_QUICK_FILTERS[chip]);
  const kept = chips.filter((c) => !Object.keys(LIST_QUICK_FILTERS[c]).some((k) => keys.includes(k)));
  return [...kept, chip];
};
