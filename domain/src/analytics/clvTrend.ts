import { computeClv, type ClvSettings } from './clv';
import type { DealFact } from './inputs';
import { buckets, type BucketRange } from './trends';

/** One customer's CLV at the end of each bucket of the range (empty buckets carry the value on). */
export type ClvTrendPoint = { key: string; start: Date; end: Date; historical: number; total: number };

export const clvTrend = (deals: DealFact[], settings: ClvSettings, range: BucketRange): ClvTrendPoint[] =>
  buckets(range).map((b) => {
    // The last bucket may end after `to`: CLV is never taken beyond the range.
    const asOf = new Date(Math.min(b.end.getTime() - 1, range.to.getTime()));
    const clv = computeClv(deals, settings, asOf);
    return { ...b, historical: clv.historical, total: clv.total };
  });
