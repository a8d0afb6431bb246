import {
  QUICK_FILTER_NAMES,
  quickFilter,
  type QuickFilterName,
} from '@c360/domain/src/segments/quickFilters';
import type { SegmentFilter } from '../api/types';

export { QUICK_FILTER_NAMES, type QuickFilterName };

/** The CLV a "high CLV" chip starts from; the user can change it beside the chip. */
export const DEFAULT_HIGH_CLV = 1000;

/**
 * The ticked quick filters as filter-language nodes, from the domain's own definitions (the same
 * ones the API evaluates), in the browser's time zone for "new this month".
 */
export const quickFilterNodes = (names: readonly QuickFilterName[], highClvMin: number): SegmentFilter[] => {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  return names.map((name) => quickFilter(name, { timeZone, highClvMin }) as SegmentFilter);
};
