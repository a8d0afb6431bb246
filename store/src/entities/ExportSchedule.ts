import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantFilters } from '../tenancy/tenantFilter';
import { Segment } from './Segment';
import { tenantOwnedProperties, updatedAtProperty } from './tenantOwnedProperties';
import { User } from './User';
import {
  EXPORT_FORMATS,
  SCHEDULE_OVERLAP_POLICIES,
  type ExportFormat,
  type ScheduleOverlapPolicy,
} from './vocabulary';

/**
 * A scheduled report or export. The schedule itself runs as a Temporal Schedule (visible and
 * pausable in Temporal UI) whose id is kept here; this row is what the product shows and edits.
 */
export const ExportSchedule = defineEntity({
  name: 'ExportSchedule',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    name: p.string().length(200),
    owner: p.manyToOne(User).ref().nullable().deleteRule('set null'),
    reportTemplate: p.string().length(100),
    /** The first of `formats` (kept for segment schedules made before report templates). */
    format: p.enum([...EXPORT_FORMATS]).$type<ExportFormat>(),
    /** Every format each run writes, each its own file. */
    formats: p.array().onCreate(() => []),
    segment: p.manyToOne(Segment).ref().nullable().deleteRule('set null'),
    /** The report template's parameters (filters, range, segment...), checked when saved. */
    filters: p.json<Record<string, unknown>>().onCreate(() => ({})),
    cron: p.string().length(100),
    timeZone: p.string().length(64),
    recipients: p.array().onCreate(() => []),
    /** Export columns (names from the domain's allowlist); empty means the default set. */
    columns: p.array().onCreate(() => []),
    /** Temporal's overlap policy when a run is still going at the next tick. */
    overlapPolicy: p
      .enum([...SCHEDULE_OVERLAP_POLICIES])
      .$type<ScheduleOverlapPolicy>()
      .default('SKIP'),
    /** How far back Temporal catches up on ticks missed while it was down. */
    catchupWindowSeconds: p.integer().default(3600),
    enabled: p.boolean().default(true),
    temporalScheduleId: p.string().length(200).nullable(),
    lastRunAt: p.datetime().nullable(),
    updatedAt: updatedAtProperty(),
  },
});
export type ExportSchedule = InferEntity<typeof ExportSchedule>;
