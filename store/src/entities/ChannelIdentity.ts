import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantFilters } from '../tenancy/tenantFilter';
import { Customer } from './Customer';
import { tenantOwnedProperties, updatedAtProperty } from './tenantOwnedProperties';
import { CONVERSATION_CHANNELS, type ConversationChannel } from './vocabulary';

/**
 * Who a customer is on a channel: a WhatsApp wa_id, an Instagram-scoped user id, an email
 * address. Unique per tenant and channel, so two webhooks from a new contact at once create one
 * customer. For Instagram it is also the username cache: `username` and `profileFetchedAt` (the
 * profile lookup is refreshed after a TTL), kept in PostgreSQL so the API (webhooks) and the
 * worker (sends) share one cache that survives restarts, scoped to the tenant like every row.
 */
export const ChannelIdentity = defineEntity({
  name: 'ChannelIdentity',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    customer: p.manyToOne(Customer).ref().deleteRule('cascade'),
    channel: p.enum([...CONVERSATION_CHANNELS]).$type<ConversationChannel>(),
    externalId: p.string().length(320),
    username: p.string().length(200).nullable(),
    displayName: p.string().length(200).nullable(),
    profileFetchedAt: p.datetime().nullable(),
    updatedAt: updatedAtProperty(),
  },
  indexes: [{ properties: ['customer'] }],
  uniques: [
    {
      name: 'channel_identity_tenant_id_channel_external_id_unique',
      properties: ['tenant', 'channel', 'externalId'],
    },
  ],
});
export type ChannelIdentity = InferEntity<typeof ChannelIdentity>;
