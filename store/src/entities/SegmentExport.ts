import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantFilters } from '../tenancy/tenantFilter';
import { ExportSchedule } from './ExportSchedule';
import { Segment } from './Segment';
import { tenantOwnedProperties, updatedAtProperty } from './tenantOwnedProperties';
import { User } from './User';
import { SEGMENT_EXPORT_STATUSES, type SegmentExportStatus } from './vocabulary';

/**
 * One export of a segment written to a file by the export workflow (too large to stream in a
 * request, or a scheduled run). `filePath` is relative to the configured export folder; the file
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
  uniques: [{ properties: ['workflowId'] }],
});
export type SegmentExport = InferEntity<typeof SegmentExport>;
