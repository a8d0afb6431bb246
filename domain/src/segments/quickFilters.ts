import type { SegmentFilter } from './segmentFilter';

/** What some quick filters need from the tenant: its time zone and its idea of a high CLV. */
export type QuickFilterContext = { timeZone: string; highClvMin: number };

export const QUICK_FILTER_NAMES = [
  'vip',
  'atRiskOfChurn',
  'detractors',
  'optedInWhatsapp',
  'noPurchase90Days',
  'newThisMonth',
  'highClv',
] as const;
export type QuickFilterName = (typeof QUICK_FILTER_NAMES)[number];

/** NPS detractors answered 0 to 6; an answer older than this no longer says much. */
const DETRACTOR_WINDOW_DAYS = 365;

/**
 * The quick filters, each an ordinary segment definition in the filter language: they validate,
 * compile and evaluate like any other, can be saved as segments, and combine with `and`.
 */
export const quickFilter = (name: QuickFilterName, ctx: QuickFilterContext): SegmentFilter => {
  switch (name) {
    case 'vip':
      return { field: 'vip', op: 'isTrue' };
    case 'atRiskOfChurn':
      return { field: 'churn.band', op: 'eq', value: 'high' };
    case 'detractors':
      return { behaviour: 'survey', kind: 'nps', op: 'lte', score: 6, withinDays: DETRACTOR_WINDOW_DAYS };
    case 'optedInWhatsapp':
      return { field: 'optedIn', op: 'has', value: 'whatsapp' };
    case 'noPurchase90Days':
      return { behaviour: 'noPurchase', withinDays: 90 };
    case 'newThisMonth':
      return { field: 'createdAt', op: 'inCurrent', value: { unit: 'month', timeZone: ctx.timeZone } };
    case 'highClv':
      return { field: 'clv', op: 'gte', value: ctx.highClvMin };
  }
};

/** Quick filters and any other filters, all required: the chips a user ticks, plus their own tree. */
export const combineFilters = (...filters: SegmentFilter[]): SegmentFilter =>
  filters.length === 1 ? filters[0]! : { and: filters };
