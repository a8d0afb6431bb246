import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { AppError, type FieldProblem } from '@c360/domain';
import { CONVERSATION_CHANNELS, forTenant, Segment, type AnalyticsFilter } from '@c360/store';

const DAY_MS = 86_400_000;
/** The longest range any analytics question may cover. */
export const MAX_RANGE_DAYS = 731;
/** Daily buckets are limited to a year, so a trend stays a readable chart. */
export const MAX_DAILY_RANGE_DAYS = 366;

const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

/** The filters every analytics route takes. */
export const analyticsFilterFields = {
  from: instant.optional().meta({
    description: 'start of the range (inclusive), ISO 8601; default: `to` minus the route’s default span',
  }),
  to: instant.optional().meta({ description: 'end of the range (exclusive), ISO 8601; default: now' }),
  segment: z.uuid().optional().meta({ description: 'only the members of this saved segment' }),
  channel: z
    .enum(CONVERSATION_CHANNELS)
    .optional()
    .meta({ description: 'only customers who have a conversation on this channel' }),
};

export type AnalyticsFilterQuery = {
  from?: Date | undefined;
  to?: Date | undefined;
  segment?: string | undefined;
  channel?: string | undefined;
};

const invalid = (fields: FieldProblem[]): AppError =>
  new AppError('validation', `invalid request: ${fields.map((f) => f.path).join(', ')}`, { fields });

/**
 * The filter of a request, with defaults filled in from the clock, checked (from before to, at
 * most MAX_RANGE_DAYS, a segment of the caller's tenant). A bad value is a 400 naming the field.
 */
export const resolveFilter = async (
  em: EntityManager,
  tenantId: string,
  query: AnalyticsFilterQuery,
  now: Date,
  defaultDays: number,
): Promise<AnalyticsFilter> => {
  const to = query.to ?? now;
  const from = query.from ?? new Date(to.getTime() - defaultDays * DAY_MS);
  const fields: FieldProblem[] = [];
  if (from.getTime() >= to.getTime()) fields.push({ path: 'query.to', message: 'must be after from' });
  else if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS)
    fields.push({ path: 'query.from', message: `the range must be at most ${MAX_RANGE_DAYS} days` });
  if (
    query.segment &&
    !(await forTenant(em, tenantId).findOne(Segment, { id: query.segment }, { fields: ['id'] }))
  )
    fields.push({ path: 'query.segment', message: 'is not a segment of this tenant' });
  if (fields.length) throw invalid(fields);
  return { tenantId, from, to, segmentId: query.segment, channel: query.channel };
};

export const checkDailyRange = (f: AnalyticsFilter, interval: string): void => {
  if (interval === 'day' && f.to.getTime() - f.from.getTime() > MAX_DAILY_RANGE_DAYS * DAY_MS)
    throw invalid([
      {
        path: 'query.interval',
        message: `day buckets cover at most ${MAX_DAILY_RANGE_DAYS} days; use week or month`,
      },
    ]);
};

/** The range and filters an answer was computed for. */
export const filterView = (f: AnalyticsFilter) => ({
  from: f.from.toISOString(),
  to: f.to.toISOString(),
  segment: f.segmentId ?? null,
  channel: f.channel ?? null,
});

export const filterViewSchema = z.object({
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  segment: z.uuid().nullable(),
  channel: z.string().nullable(),
});
