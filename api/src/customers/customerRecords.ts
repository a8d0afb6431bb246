import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, defaultMarketingPreferences, notFound, type MarketingPreferences } from '@c360/domain';
import { AuditLog, Customer, forTenant, leaveEverySegment, storedScores, User } from '@c360/store';
import type { CustomerCreate, CustomerPatch, CustomerView } from './customerSchemas';

/** The customer's own free-form fields: preferences are served by their own routes. */
const publicCustomFields = (fields: Record<string, unknown> | null | undefined): Record<string, unknown> => {
  const { marketingPreferences: _reserved, ...rest } = fields ?? {};
  return rest;
};

export const toCustomerView = (c: Customer): CustomerView => ({
  id: c.id,
  firstName: c.firstName,
  lastName: c.lastName,
  emails: [...(c.emails ?? [])],
  phones: [...(c.phones ?? [])],
  timeZone: c.timeZone,
  language: c.language,
  tags: [...(c.tags ?? [])],
  ownerId: c.owner?.id ?? null,
  lifecycleStage: c.lifecycleStage,
  isVip: c.isVip,
  scores: storedScores(c.scores),
  customFields: publicCustomFields(c.customFields),
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

/** The stored preferences, or the defaults (opted in nowhere) for a row written before they existed. */
export const preferencesOf = (c: Customer): MarketingPreferences =>
  c.customFields?.marketingPreferences ??
  defaultMarketingPreferences(c.language as MarketingPreferences['language']);

// An owner must be a user of the same tenant; the tenant-scoped lookup makes another tenant's user "missing".
const ownerReference = async (em: EntityManager, ownerId: string | null) => {
  if (ownerId === null) return null;
  const owner = await em.findOne(User, { id: ownerId });
  if (!owner) {
    throw new AppError('validation', 'invalid request: body.ownerId', {
      fields: [{ path: 'body.ownerId', message: 'is not a user of this tenant' }],
    });
  }
  return em.getReference(User, ownerId, { wrapped: true });
};

/** Loads a customer of the tenant for a change, locking its row until the transaction ends. */
export const lockCustomer = async (em: EntityManager, id: string): Promise<Customer> => {
  const customer = await em.findOne(Customer, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!customer) throw notFound('customer', id);
  return customer;
};

/**
 * Customer rows of one tenant. Writes run in a transaction so the store's outbox subscriber
 * appends its event atomically with the change, and lock the row so a concurrent preference
 * change is never overwritten by a stale copy of `customFields`.
 */
export const customerRecords = (rootEm: EntityManager, tenantId: string) => {
  const scoped = () => forTenant(rootEm, tenantId);
  return {
    get: async (id: string): Promise<CustomerView> => {
      const customer = await scoped().findOne(Customer, { id });
      if (!customer) throw notFound('customer', id);
      return toCustomerView(customer);
    },

    create: async (input: CustomerCreate): Promise<CustomerView> =>
      scoped().transactional(async (em) => {
        const customer = em.create(Customer, {
          tenant: tenantId,
          firstName: input.firstName,
          lastName: input.lastName,
          emails: input.emails,
          phones: input.phones,
          timeZone: input.timeZone,
          language: input.language,
          tags: input.tags,
          owner: await ownerReference(em, input.ownerId),
          lifecycleStage: input.lifecycleStage,
          isVip: input.isVip,
          customFields: {
            ...input.customFields,
            marketingPreferences: defaultMarketingPreferences(input.language),
          },
        });
        await em.flush();
        return toCustomerView(customer);
      }),

    update: async (id: string, patch: CustomerPatch): Promise<CustomerView> =>
      scoped().transactional(async (em) => {
        const customer = await lockCustomer(em, id);
        const { ownerId, customFields, ...plain } = patch;
        em.assign(
          customer,
          Object.fromEntries(Object.entries(plain).filter(([, value]) => value !== undefined)),
        );
        if (ownerId !== undefined) customer.owner = await ownerReference(em, ownerId);
        if (customFields !== undefined) {
          customer.customFields = { ...customFields, marketingPreferences: preferencesOf(customer) };
        }
        await em.flush();
        return toCustomerView(customer);
      }),

    /**
     * Deletes the row (the database cascades to its records) and audits who did it; the consent
     * trail stays. The customer leaves their segments first, with `segment.left` events.
     */
    remove: async (id: string, by: { actorId: string; requestId: string }): Promise<void> =>
      scoped().transactional(async (em) => {
        const customer = await lockCustomer(em, id);
        await leaveEverySegment(em, tenantId, [customer.id], new Date());
        em.remove(customer);
        // No before-image: an erased customer's personal data must not survive in the audit log.
        em.create(AuditLog, {
          tenant: tenantId,
          actorType: 'user',
          actorId: by.actorId,
          action: 'customer.deleted',
          entityType: 'customer',
          entityId: id,
          before: null,
          after: null,
          reason: null,
          source: 'api',
          requestId: by.requestId,
        });
        await em.flush();
      }),
  };
};
