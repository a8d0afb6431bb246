import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantFilters } from '../tenancy/tenantFilter';
import { tenantOwnedProperties, updatedAtProperty } from './tenantOwnedProperties';
import { CONVERSATION_CHANNELS, type ConversationChannel } from './vocabulary';

/** Per-channel settings that are not secrets (tokens and signing keys live in process config). */
export type ChannelAccountSettings = {
  /** WhatsApp Business Account id, for the template list. */
  wabaId?: string;
  displayPhoneNumber?: string;
  /** Instagram account username. */
  username?: string;
  /** Email: the From name of outbound mail. */
  fromName?: string;
};

/**
 * A provider account of a tenant: the WhatsApp phone number id, the Instagram professional
 * account id, or the email mailbox (`support@shop.example`). Inbound webhooks carry only these
 * ids, so they are unique across tenants: that is how a webhook finds its tenant.
 */
export const ChannelAccount = defineEntity({
  name: 'ChannelAccount',
  filters: tenantFilters(),
  properties: {
    ...tenantOwnedProperties(),
    channel: p.enum([...CONVERSATION_CHANNELS]).$type<ConversationChannel>(),
    externalAccountId: p.string().length(320),
    displayName: p.string().length(200).nullable(),
    settings: p.json<ChannelAccountSettings>().onCreate(() => ({})),
    enabled: p.boolean().default(true),
    updatedAt: updatedAtProperty(),
  },
  uniques: [
    {
      name: 'channel_account_channel_external_account_id_unique',
      properties: ['channel', 'externalAccountId'],
    },
  ],
});
export type ChannelAccount = InferEntity<typeof ChannelAccount>;
