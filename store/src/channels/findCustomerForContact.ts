import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ChannelIdentity } from '../entities/ChannelIdentity';
import { Customer } from '../entities/Customer';
import { Tenant } from '../entities/Tenant';
import type { ConversationChannel } from '../entities/vocabulary';
import { scopedTenantId } from '../tenancy/forTenant';
import { TenantScopeError } from '../tenancy/tenantFilter';

/** Who wrote: their id on the channel and what the channel tells about them. */
export type ChannelContact = {
  channel: ConversationChannel;
  /** wa_id (digits), Instagram-scoped user id, or the lower-cased email address. */
  externalId: string;
  name?: string | null;
  username?: string | null;
};

const splitName = (contact: ChannelContact): { firstName: string; lastName: string } => {
  const full = (contact.name ?? '').trim().replace(/\s+/g, ' ');
  if (full) {
    const space = full.indexOf(' ');
    return space < 0
      ? { firstName: full.slice(0, 200), lastName: '' }
      : { firstName: full.slice(0, space).slice(0, 200), lastName: full.slice(space + 1).slice(0, 200) };
  }
  const fallback =
    contact.username ??
    (contact.channel === 'email'
      ? contact.externalId.split('@')[0]
      : contact.channel === 'whatsapp'
        ? `+${contact.externalId}`
        : contact.externalId);
  return { firstName: String(fallback).slice(0, 200), lastName: '' };
};

// Customers keep phones as typed (`+33 6 12 ...`); WhatsApp gives digits only.
const findByPhoneDigits = async (
  em: EntityManager,
  tenantId: string,
  digits: string,
): Promise<string | null> => {
  const rows = await em
    .getConnection()
    .execute<
      { id: string }[]
    >(`select id from customer where tenant_id = ? and exists (select 1 from unnest(phones) p where regexp_replace(p, '[^0-9]', '', 'g') = ?) order by created_at limit 1`, [tenantId, digits], 'all', em.getTransactionContext());
  return rows[0]?.id ?? null;
};

const findByEmail = async (em: EntityManager, tenantId: string, email: string): Promise<string | null> => {
  const rows = await em
    .getConnection()
    .execute<
      { id: string }[]
    >(`select id from customer where tenant_id = ? and exists (select 1 from unnest(emails) e where lower(e) = ?) order by created_at limit 1`, [tenantId, email.toLowerCase()], 'all', em.getTransactionContext());
  return rows[0]?.id ?? null;
};

/**
 * The customer behind a channel contact, in the EntityManager's tenant: by the identity recorded
 * earlier, else by phone (WhatsApp) or email address, else a new customer (opted in nowhere, like
 * any new customer). The identity is recorded either way. Call inside a transaction; when a
 * concurrent webhook recorded the same identity first, the unique key refuses the second and
 * the caller's retry finds it.
 */
export const findOrCreateCustomerForContact = async (
  em: EntityManager,
  contact: ChannelContact,
): Promise<{ customer: Customer; identity: ChannelIdentity; created: boolean }> => {
  const tenantId = scopedTenantId(em);
  if (!tenantId)
    throw new TenantScopeError('findOrCreateCustomerForContact needs a tenant-scoped EntityManager');
  const existing = await em.findOne(
    ChannelIdentity,
    { channel: contact.channel, externalId: contact.externalId },
    { populate: ['customer'] },
  );
  if (existing) {
    if (contact.username && existing.username !== contact.username) existing.username = contact.username;
    return { customer: existing.customer.getEntity(), identity: existing, created: false };
  }

  const matchedId =
    contact.channel === 'whatsapp'
      ? await findByPhoneDigits(em, tenantId, contact.externalId)
      : contact.channel === 'email'
        ? await findByEmail(em, tenantId, contact.externalId)
        : null;
  let customer = matchedId ? await em.findOne(Customer, { id: matchedId }) : null;
  const created = !customer;
  if (!customer) {
    const tenant = await em.findOneOrFail(Tenant, { id: tenantId });
    customer = em.create(Customer, {
      tenant: tenantId,
      ...splitName(contact),
      emails: contact.channel === 'email' ? [contact.externalId] : [],
      phones: contact.channel === 'whatsapp' ? [`+${contact.externalId}`] : [],
      timeZone: tenant.timeZone,
      language: 'en',
      tags: [],
    });
  }
  const identity = em.create(ChannelIdentity, {
    tenant: tenantId,
    customer,
    channel: contact.channel,
    externalId: contact.externalId,
    username: contact.username ?? null,
    displayName: contact.name ?? null,
  });
  return { customer, identity, created };
};

/** Runs `work` in a transaction, once more when a unique key refused a concurrent duplicate. */
export const transactionalWithRetryOnConflict = async <T>(
  em: EntityManager,
  work: (tx: EntityManager) => Promise<T>,
): Promise<T> => {
  try {
    return await em.fork({ keepTransactionContext: true }).transactional(work);
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    return em.fork({ keepTransactionContext: true }).transactional(work);
  }
};
