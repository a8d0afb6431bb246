import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantFilters } from '../tenancy/tenantFilter';
import { tenantOwnedProperties } from './tenantOwnedProperties';
import { User } from './User';

/** A file agents can quick-send; the bytes live in object storage under `storageKey`. */
export const Asset = defineEntity({
  name: 'Asset',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    fileName: p.string().length(500),
    contentType: p.string().length(200),
    sizeBytes: p.bigint('number'),
    storageKey: p.string().length(1000).unique(),
    uploadedBy: p.manyToOne(User).ref().nullable().deleteRule('set null'),
  },
  checks: [{ name: 'asset_size_bytes_check', property: 'sizeBytes', expression: 'size_bytes >= 0' }],
});
export type Asset = InferEntity<typeof Asset>;
