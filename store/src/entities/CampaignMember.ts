import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantFilters } from '../tenancy/tenantFilter';
import { Campaign } from './Campaign';
import { Customer } from './Customer';
import { tenantOwnedProperties } from './tenantOwnedProperties';

export const CAMPAIGN_MEMBER_STATUSES = ['pending', 'sending', 'sent', 'skipped', 'failed'] as const;
export type CampaignMemberStatus = (typeof CAMPAIGN_MEMBER_STATUSES)[number];

/**
 * One member of a campaign's snapshot and the dedupe row of its send: unique per (tenant,
 * campaign, customer, step), claimed (`sending`) before the adapter is called, so a retried or
 * resumed batch never sends twice (the message's idempotency key backs it up at the adapter).
 */
export const CampaignMember = defineEntity({
  name: 'CampaignMember',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    campaign: p.manyToOne(Campaign).ref().deleteRule('cascade'),
    customer: p.manyToOne(Customer).ref().deleteRule('cascade'),
    step: p.string().length(50),
    status: p.string().length(20).$type<CampaignMemberStatus>().default('pending'),
    reason: p.string().length(50).nullable(),
    /** When the member may be sent next (the cap pushed it to a later day); null = as planned. */
    notBefore: p.datetime().nullable(),
    deferrals: p.integer().default(0),
    messageId: p.uuid().nullable(),
    doneAt: p.datetime().nullable(),
  },
  uniques: [
    {
      name: 'campaign_member_tenant_campaign_customer_step_unique',
      properties: ['tenant', 'campaign', 'customer', 'step'],
    },
  ],
  indexes: [{ properties: ['campaign', 'status', 'customer'] }],
});
export type CampaignMember = InferEntity<typeof CampaignMember>;
