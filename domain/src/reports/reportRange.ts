const DAY_MS = 86_400_000;

/** The range of a report that may name `from` and `to`, or only a span of days ending at `now`. */
export type ReportRangeParams = {
  from?: string | undefined;
  to?: string | undefined;
  rangeDays?: number | undefined;
};

/**
 * [from, to) of a report run. A schedule names a span (`rangeDays`), so each run covers the days
 * before it; a one-off report may name instants. `now` comes from the caller (the run's clock).
 */
export const resolveReportRange = (
  params: ReportRangeParams,
  now: Date,
  defaultDays: number,
): { from: Date; to: Date } => {
  const to = params.to ? new Date(params.to) : now;
  const from = params.from
    ? new Date(params.from)
    : new Date(to.getTime() - (params.rangeDays ?? defaultDays) * DAY_MS);
  return { from, to };
};
