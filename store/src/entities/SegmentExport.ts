import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantFilters } from '../tenancy/tenantFilter';
import { ExportSchedule } from './ExportSchedule';
import { Segment } from './Segment';
import { tenantOwnedProperties, updatedAtProperty } from './tenantOwnedProperties';
import { User } from './User';
import { SEGMENT_EXPORT_STATUSES, type SegmentExportStatus } from './vocabulary';

/**
 * One file written by the export workflow: a report template (a segment's members, the customer
 * list, analytics, CSAT) in one format, run on request or by a schedule. `filePath` is relative to the configured export folder; the file
 * is served by `GET /exports/:id/download` to the same tenant only.
 */
export const SegmentExport = defineEntity({
  name: 'SegmentExport',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    segment: p.manyToOne(Segment).ref().nullable().deleteRule('set null'),
    schedule: p.manyToOne(ExportSchedule).ref().nullable().deleteRule('set null'),
    requestedBy: p.manyToOne(User).ref().nullable().deleteRule('set null'),
    /** The report template the run rendered (`segment_members` for a segment export). */
    reportTemplate: p.string().length(100).default('segment_members'),
    /** The template's parameters as the run read them. */
    params: p.json<Record<string, unknown>>().onCreate(() => ({})),
    /** What the file is called in notices and mails, set when it is written. */
    title: p.string().length(300).nullable(),
    format: p.string().length(10),
    columns: p.array(),
    status: p.enum([...SEGMENT_EXPORT_STATUSES]).$type<SegmentExportStatus>(),
    workflowId: p.string().length(300),
    fileName: p.string().length(300).nullable(),
    filePath: p.string().length(1000).nullable(),
    rowCount: p.integer().nullable(),
    byteSize: p.bigint('number').nullable(),
    error: p.text().nullable(),
    completedAt: p.datetime().nullable(),
    updatedAt: updatedAtProperty(),
  },
  indexes: [{ properties: ['tenant', 'createdAt'] }],
  // One row per format a run writes.
  uniques: [{ properties: ['workflowId', 'format'] }],
});
export type SegmentExport = InferEntity<typeof SegmentExport>;
