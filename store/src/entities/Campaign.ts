import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { CampaignReport, SendChannel, SendContent, SendPurpose } from '@c360/domain';
import { tenantFilters } from '../tenancy/tenantFilter';
import { Segment } from './Segment';
import { tenantOwnedProperties, updatedAtProperty } from './tenantOwnedProperties';
import { User } from './User';

export const CAMPAIGN_STATUSES = ['running', 'paused', 'cancelled', 'done'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/**
 * A message sent once to every member of a segment, as it was when launched. Its members are
 * snapshotted into `campaign_member`; the workflow (id `campaign-<id>`) plans, holds and sends.
 */
export const Campaign = defineEntity({
  name: 'Campaign',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    segment: p.manyToOne(Segment).ref().nullable().deleteRule('set null'),
    name: p.string().length(200),
    channel: p.string().length(20).$type<SendChannel>(),
    purpose: p.string().length(20).$type<SendPurpose>(),
    content: p.json<SendContent>(),
    status: p.string().length(20).$type<CampaignStatus>().default('running'),
    createdBy: p.manyToOne(User).ref().nullable().deleteRule('set null'),
    workflowId: p.string().length(200),
    report: p.json<CampaignReport>().nullable(),
    finishedAt: p.datetime().nullable(),
    updatedAt: updatedAtProperty(),
  },
  indexes: [{ properties: ['tenant', 'createdAt'] }],
});
export type Campaign = InferEntity<typeof Campaign>;
